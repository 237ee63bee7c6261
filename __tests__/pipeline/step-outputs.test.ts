import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeStepOutputs } from '../../lib/pipeline/step-outputs';

test('appends to the output file, keeping what earlier steps wrote', () => {
  const dir = mkdtempSync(join(tmpdir(), 'outputs-'));
  try {
    const file = join(dir, 'output');
    writeFileSync(file, 'earlier=1\n');
    writeStepOutputs({ stacks: '{"dev":["dev--payroll"]}', failed: '0' }, { outputFile: file });
    expect(readFileSync(file, 'utf8')).toBe('earlier=1\nstacks={"dev":["dev--payroll"]}\nfailed=0\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('prints them without an output file, as a local run shows them', () => {
  const printed: string[] = [];
  writeStepOutputs({ verdict: 'clean' }, { outputFile: '', stdout: { write: (text: string) => printed.push(text) } });
  expect(printed.join('')).toBe('verdict=clean\n');
});

test('refuses a value that would split into two outputs', () => {
  expect(() => writeStepOutputs({ verdict: 'clean\nfailed=0' }, { outputFile: '', stdout: { write: () => true } })).toThrow(
    /step output "verdict" must be a single line/,
  );
});
