import { appendFileSync } from 'node:fs';

export interface StepOutputsOptions {
  /** The file GitHub Actions reads step outputs from. @default process.env.GITHUB_OUTPUT, or standard output when unset (local runs) */
  readonly outputFile?: string;
  /** Where outputs go without an output file. @default process.stdout */
  readonly stdout?: { write(text: string): unknown };
}

/**
 * Writes `name=value` step outputs. Values must be single lines (the scripts write JSON):
 * a newline would start a new output, so it is refused instead of silently splitting the value.
 */
export function writeStepOutputs(outputs: Readonly<Record<string, string>>, options: StepOutputsOptions = {}): void {
  for (const [name, value] of Object.entries(outputs)) {
    if (/[\r\n]/.test(value))
      throw new Error(`step output "${name}" must be a single line, but got ${JSON.stringify(value)}: serialize it as JSON`);
  }
  const text = Object.entries(outputs)
    .map(([name, value]) => `${name}=${value}\n`)
    .join('');
  const outputFile = options.outputFile ?? process.env.GITHUB_OUTPUT;
  if (outputFile) appendFileSync(outputFile, text);
  else (options.stdout ?? process.stdout).write(text);
}
