import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chooseOutputFolder, replaceOutputFolder, SYNTH_MARKER, UnsafeOutputFolderError } from '../../lib/cli/output-folder';
import { allowlist, writeProject } from '../helpers/fixture';

const MAIN = resolve(__dirname, '../../main.ts');
const TSX = resolve(__dirname, '../../node_modules/.bin/tsx');

/** Runs the real `npm run synth` entry point in `cwd`. */
function synth(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const fixture = writeProject({ 'a.json': allowlist() });
  // An empty policy beside the allow lists: these tests are about the output folder, so stderr stays free of the no-policy warning.
  writeFileSync(join(fixture.dir, 'policy.json'), '{}');
  return spawnSync(TSX, [MAIN, '--dir', fixture.allowlistsDir, '--config', fixture.environmentsFile, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CDKTF_OUTDIR: undefined, ...env },
  });
}

/** A folder that looks like a checkout: files a person cares about, and a .git folder. */
function checkout(): string {
  const dir = tempDir('checkout-');
  mkdirSync(join(dir, '.git'));
  writeFileSync(join(dir, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  writeFileSync(join(dir, 'notes.txt'), 'mine');
  return dir;
}

const writeStack = (stack: string) => (staging: string) => {
  mkdirSync(join(staging, 'stacks', stack), { recursive: true });
  writeFileSync(join(staging, 'stacks', stack, 'cdk.tf.json'), `{"stack":"${stack}"}`);
};

const created: string[] = [];
const tempDir = (prefix: string): string => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

describe('the synth command never deletes what it did not write', () => {
  test('--out . is refused, exit 2, and the checkout (with .git) is untouched', () => {
    const dir = checkout();
    const result = synth(dir, ['--out', '.']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/refusing to write the stacks to \.: it is the current directory/);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
    expect(existsSync(join(dir, '.git', 'HEAD'))).toBe(true);
  });

  test('an empty CDKTF_OUTDIR is treated as unset: the stacks go to cdktf.out, nothing else is touched', () => {
    const dir = checkout();
    const result = synth(dir, [], { CDKTF_OUTDIR: '' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(existsSync(join(dir, 'cdktf.out', 'stacks', 'dev--payroll', 'cdk.tf.json'))).toBe(true);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
    expect(existsSync(join(dir, '.git', 'HEAD'))).toBe(true);
  });

  test('a folder holding files synth did not write is refused and kept as it was', () => {
    const dir = checkout();
    const result = synth(tempDir('elsewhere-'), ['--out', dir]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/it holds \.git, notes\.txt, which synth did not write/);
    expect(readdirSync(dir).sort()).toEqual(['.git', 'notes.txt']);
  });

  test('a file is refused and kept as it was', () => {
    const dir = checkout();
    const result = synth(dir, ['--out', 'notes.txt']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/it is a file, not a folder/);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
  });

  test('a second synth replaces its own output', () => {
    const dir = checkout();
    expect(synth(dir, ['--out', 'out']).status).toBe(0);
    expect(existsSync(join(dir, 'out', SYNTH_MARKER))).toBe(true);
    const second = synth(dir, ['--out', 'out']);
    expect(second.stderr).toBe('');
    expect(second.status).toBe(0);
  });
});

describe('replaceOutputFolder', () => {
  const fresh = () => join(tempDir('out-'), 'cdktf.out');

  test('keeps what Terraform put into a stack folder that survives, drops stacks that are gone', () => {
    const target = fresh();
    replaceOutputFolder(target, (staging) => {
      writeStack('dev--a')(staging);
      writeStack('dev--gone')(staging);
    });
    const stack = join(target, 'stacks', 'dev--a');
    mkdirSync(join(stack, '.terraform', 'providers'), { recursive: true });
    writeFileSync(join(stack, '.terraform.lock.hcl'), 'lock');
    writeFileSync(join(stack, 'plan.tfplan'), 'saved plan');
    replaceOutputFolder(target, writeStack('dev--a'));
    expect(readdirSync(stack).sort()).toEqual(['.terraform', '.terraform.lock.hcl', 'cdk.tf.json', 'plan.tfplan']);
    expect(readFileSync(join(stack, 'cdk.tf.json'), 'utf8')).toBe('{"stack":"dev--a"}');
    expect(existsSync(join(target, 'stacks', 'dev--gone'))).toBe(false);
  });

  test('a failure while writing leaves the previous output byte-identical and no staging folder behind', () => {
    const target = fresh();
    replaceOutputFolder(target, writeStack('dev--a'));
    const before = readFileSync(join(target, 'stacks', 'dev--a', 'cdk.tf.json'), 'utf8');
    expect(() =>
      replaceOutputFolder(target, (staging) => {
        writeStack('dev--b')(staging);
        throw new Error('synthesis failed');
      }),
    ).toThrow(/synthesis failed/);
    expect(readFileSync(join(target, 'stacks', 'dev--a', 'cdk.tf.json'), 'utf8')).toBe(before);
    expect(readdirSync(resolve(target, '..'))).toEqual(['cdktf.out']);
  });

  test('the output folder gets normal permissions, not 0700', () => {
    const target = fresh();
    replaceOutputFolder(target, writeStack('dev--a'));
    const mode = statSync(target).mode & 0o777;
    expect(mode & 0o055).toBe(0o055 & ~process.umask());
  });

  test('an empty folder and the output of an earlier cdktf synth (manifest.json and stacks/ only) may be replaced', () => {
    const empty = fresh();
    mkdirSync(empty);
    expect(() => replaceOutputFolder(empty, writeStack('dev--a'))).not.toThrow();
    const legacy = fresh();
    mkdirSync(join(legacy, 'stacks'), { recursive: true });
    writeFileSync(join(legacy, 'manifest.json'), '{"version":"0.21.0","stacks":{}}');
    expect(() => replaceOutputFolder(legacy, writeStack('dev--a'))).not.toThrow();
  });

  test("a folder holding a manifest.json that is not cdktf's is refused", () => {
    const target = fresh();
    mkdirSync(target);
    writeFileSync(join(target, 'manifest.json'), '{"name":"my app"}');
    expect(() => replaceOutputFolder(target, writeStack('dev--a'))).toThrow(UnsafeOutputFolderError);
    expect(readFileSync(join(target, 'manifest.json'), 'utf8')).toBe('{"name":"my app"}');
  });

  test('a symbolic link is refused, even one to a synth output', () => {
    const real = fresh();
    replaceOutputFolder(real, writeStack('dev--a'));
    const link = `${real}-link`;
    symlinkSync(real, link);
    expect(() => replaceOutputFolder(link, writeStack('dev--a'))).toThrow(/it is a symbolic link/);
  });

  test('a parent of the current directory is refused', () => {
    expect(() => replaceOutputFolder(resolve(process.cwd(), '..'), writeStack('dev--a'))).toThrow(
      /current directory or one of its parents/,
    );
  });
});

describe('chooseOutputFolder', () => {
  test('--out wins, then a non-empty CDKTF_OUTDIR, then cdktf.out', () => {
    expect(chooseOutputFolder('x', { CDKTF_OUTDIR: 'y' })).toBe('x');
    expect(chooseOutputFolder(undefined, { CDKTF_OUTDIR: 'y' })).toBe('y');
    expect(chooseOutputFolder(undefined, { CDKTF_OUTDIR: '' })).toBe('cdktf.out');
    expect(chooseOutputFolder(undefined, { CDKTF_OUTDIR: '  ' })).toBe('cdktf.out');
    expect(chooseOutputFolder(undefined, {})).toBe('cdktf.out');
  });

  test('an empty --out is a usage error', () => {
    expect(() => chooseOutputFolder('', {})).toThrow(/--out must name a folder, but got an empty string/);
  });
});
