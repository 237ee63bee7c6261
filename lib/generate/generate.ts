import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeownersFile } from './codeowners';
import { GENERATE_COMMAND, GeneratedFile } from './generated-file';
import { gitattributesFile } from './gitattributes';
import { jsonSchemaFiles } from './json-schemas';
import { POLICY_DOC, policyDocFile, RULES_DOC, rulesDocFile } from './rules-tables';

/** A file's text, or '' when it does not exist yet: a missing file is simply stale. */
function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** Every file `npm run generate` writes, as it should be in the repository at `root`. */
export function generatedFiles(root: string): GeneratedFile[] {
  const whole = [...jsonSchemaFiles(), codeownersFile(root)];
  return [
    ...whole,
    gitattributesFile(whole.map((file) => file.path)),
    policyDocFile(readText(join(root, POLICY_DOC))),
    rulesDocFile(readText(join(root, RULES_DOC))),
  ];
}

/** What a generate run did: one line per file written or stale, and the stale paths. */
export interface GenerateResult {
  readonly lines: string[];
  readonly stale: string[];
}

/**
 * Writes every generated file that differs from its committed text; with `check`, writes nothing
 * and reports each such file as a GitHub error annotation (shown on the pull request) that says
 * how to fix it.
 */
export function generate(root: string, check: boolean): GenerateResult {
  const stale = generatedFiles(root).filter(({ path, content }) => readText(join(root, path)) !== content);
  if (check)
    return {
      stale: stale.map((file) => file.path),
      lines: stale.map(({ path }) => `::error file=${path}::${path} is stale: run \`${GENERATE_COMMAND}\` and commit the result`),
    };
  for (const { path, content } of stale) writeFileSync(join(root, path), content);
  return { stale: [], lines: stale.map(({ path }) => `wrote ${path}`) };
}
