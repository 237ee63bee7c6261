import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const REPO = resolve(__dirname, '../..');

describe('scripts/run-compiled.cjs', () => {
  // A checkout of its own (the launcher, a link to TypeScript, tiny sources): the compiled cache
  // lives in it and goes with it.
  const root = mkdtempSync(join(tmpdir(), 'run-compiled-'));
  mkdirSync(join(root, 'scripts'));
  mkdirSync(join(root, 'lib'));
  mkdirSync(join(root, 'cli'));
  copyFileSync(join(REPO, 'scripts', 'run-compiled.cjs'), join(root, 'scripts', 'run-compiled.cjs'));
  mkdirSync(join(root, 'node_modules'));
  symlinkSync(join(REPO, 'node_modules', 'typescript'), join(root, 'node_modules', 'typescript'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [join(root, 'scripts', 'run-compiled.cjs'), ...args], { cwd: root, encoding: 'utf8' });

  test('runs an entry point as JavaScript with its arguments, and never runs a stale module', () => {
    writeFileSync(join(root, 'lib', 'word.ts'), "export const word: string = 'first';\n");
    writeFileSync(
      join(root, 'main.ts'),
      "import { word } from './lib/word';\nconsole.log(`${word} ${process.argv.slice(2).join(' ')}`);\n",
    );
    expect(run('main.ts', '--dir', 'x')).toMatchObject({ status: 0, stdout: 'first --dir x\n' });
    expect(run('main.ts')).toMatchObject({ status: 0, stdout: 'first \n' });
    writeFileSync(join(root, 'lib', 'word.ts'), "export const word: string = 'second';\n");
    expect(run('main.ts')).toMatchObject({ status: 0, stdout: 'second \n' });
  });

  test('a deleted source is gone from the compiled output too', () => {
    writeFileSync(join(root, 'lib', 'gone.ts'), 'export const x = 1;\n');
    writeFileSync(
      join(root, 'cli', 'probe.ts'),
      "try { require('../lib/gone'); console.log('found'); } catch { console.log('missing'); }\n",
    );
    expect(run('cli/probe.ts').stdout).toBe('found\n');
    rmSync(join(root, 'lib', 'gone.ts'));
    expect(run('cli/probe.ts').stdout).toBe('missing\n');
  });

  test('refuses anything that is not one of the entry points', () => {
    expect(run('../elsewhere.ts')).toMatchObject({ status: 2 });
    expect(run()).toMatchObject({ status: 2 });
  });
});
