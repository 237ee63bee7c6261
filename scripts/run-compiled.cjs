#!/usr/bin/env node
// Runs one of the project's TypeScript entry points (main.ts, cli/*.ts) as plain JavaScript:
// `node scripts/run-compiled.cjs main.ts --dir …` is what `npm run synth` runs.
//
// Why: under a TypeScript loader (tsx) every process pays for loading the loader, transpiling
// each module and mapping stack traces through source maps; for a synth of 1,000 apps that was
// about a tenth of its CPU time (BENCHMARKS.md). Here the sources are transpiled once with the
// TypeScript compiler the project already installs (`transpileModule`: no type check, which
// `npm test` does) into node_modules/.cache/, and every run after that loads plain JavaScript.
//
// Never stale: every run hashes the sources (main.ts, lib/, stacks/, cli/) and re-transpiles
// each file whose content changed since it was compiled, and removes the output of deleted ones,
// before anything is loaded. A fresh clone (`npm ci && npm run synth`) compiles on first use.
'use strict';
const { createHash } = require('node:crypto');
const { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { dirname, join, relative, resolve } = require('node:path');

const ROOT = resolve(__dirname, '..');
const SOURCES = ['main.ts', 'lib', 'stacks', 'cli'];
// One folder per checkout: worktrees that share node_modules through a link keep apart.
const OUT = join(ROOT, 'node_modules', '.cache', 'okta-allowlists', createHash('sha256').update(ROOT).digest('hex').slice(0, 12));
const MANIFEST = join(OUT, 'manifest.json');
/** Bump when the way files are compiled changes. */
const FORMAT = 1;

function main() {
  const [entry, ...args] = process.argv.slice(2);
  if (!entry || !entry.endsWith('.ts')) {
    console.error('usage: node scripts/run-compiled.cjs <entry.ts> [arguments…]');
    process.exit(2);
  }
  const source = relative(ROOT, resolve(ROOT, entry));
  if (source.startsWith('..') || !SOURCES.some((s) => source === s || source.startsWith(`${s}/`))) {
    console.error(`error: ${entry} is not one of the project's entry points (${SOURCES.join(', ')})`);
    process.exit(2);
  }
  compileChanged();
  const compiled = join(OUT, source.replace(/\.ts$/, '.js'));
  process.argv = [process.argv[0], compiled, ...args];
  require(compiled);
}

/** Transpiles every source whose content is not the one last compiled; removes deleted ones. */
function compileChanged() {
  const files = SOURCES.flatMap((s) => listTypeScript(s));
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
  } catch {
    manifest = undefined;
  }
  const typescriptVersion = require('typescript/package.json').version;
  if (!manifest || manifest.format !== FORMAT || manifest.typescript !== typescriptVersion)
    manifest = { format: FORMAT, typescript: typescriptVersion, files: {} };
  const hashes = new Map(
    files.map((file) => [
      file,
      createHash('sha256')
        .update(readFileSync(join(ROOT, file)))
        .digest('hex'),
    ]),
  );
  const changed = files.filter((file) => manifest.files[file] !== hashes.get(file));
  const deleted = Object.keys(manifest.files).filter((file) => !hashes.has(file));
  if (changed.length === 0 && deleted.length === 0) return;

  const ts = require('typescript');
  const compilerOptions = {
    module: ts.ModuleKind.CommonJS,
    target: ts.ScriptTarget.ES2022,
    esModuleInterop: true,
    resolveJsonModule: true,
  };
  for (const file of changed) {
    const { outputText } = ts.transpileModule(readFileSync(join(ROOT, file), 'utf8'), { compilerOptions, fileName: file });
    writeAtomically(join(OUT, file.replace(/\.ts$/, '.js')), outputText);
  }
  for (const file of deleted) rmSync(join(OUT, file.replace(/\.ts$/, '.js')), { force: true });
  writeAtomically(MANIFEST, JSON.stringify({ ...manifest, files: Object.fromEntries(hashes) }));
}

function listTypeScript(path) {
  const absolute = join(ROOT, path);
  if (path.endsWith('.ts')) return path.endsWith('.d.ts') || !existsSync(absolute) ? [] : [path];
  if (!existsSync(absolute)) return [];
  return readdirSync(absolute, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() || entry.isFile())
    .flatMap((entry) => (entry.isDirectory() || entry.name.endsWith('.ts') ? listTypeScript(join(path, entry.name)) : []));
}

/** Two runs compiling at once each write whole files: a reader never sees half of one. */
function writeAtomically(file, text) {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

main();
