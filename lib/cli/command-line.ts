import { parseArgs, ParseArgsConfig } from 'node:util';
import { closest } from '../load/schema-problems';

/** One `--name` option of a command. */
export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  /** Repeatable: the value is every occurrence, in order. */
  readonly multiple?: boolean;
  /** What the value is, for the usage line: `--env <environment>`. */
  readonly value?: string;
  readonly description: string;
  /** Applied when the option is left out, and shown by --help. */
  readonly default?: string | boolean | readonly string[];
  /** A default the command computes (shown by --help only), e.g. "policy.json beside --dir". */
  readonly defaultText?: string;
  /** Left out, it is a usage error (exit 2). */
  readonly required?: boolean;
}

export type Options = Readonly<Record<string, OptionSpec>>;

/** What a command accepts and how --help describes it. */
export interface CommandSpec<O extends Options = Options> {
  /** How to run it, e.g. `npm run validate -- [options]`. */
  readonly usage: string;
  /** One sentence: what the command does and what its exit code means. */
  readonly summary: string;
  readonly options: O;
  /** Arguments without a `--name`; none are accepted when left out. */
  readonly positionals?: { readonly name: string; readonly description: string; readonly min: number };
  /** One command line that works. */
  readonly example: string;
}

type ValueOf<S extends OptionSpec> = S['type'] extends 'boolean' ? boolean : S['multiple'] extends true ? string[] : string;
type Given<O extends Options> = {
  [K in keyof O as O[K]['required'] extends true ? K : O[K] extends { default: unknown } ? K : never]: ValueOf<O[K]>;
};
type Optional<O extends Options> = {
  [K in keyof O as O[K]['required'] extends true ? never : O[K] extends { default: unknown } ? never : K]?: ValueOf<O[K]>;
};

/** The parsed command line: required options and options with a default are always set. */
export interface ParsedCommandLine<O extends Options> {
  readonly values: Given<O> & Optional<O>;
  readonly positionals: string[];
}

/** A bad command line: exit 2, with the reason and a pointer to --help. */
export class UsageError extends Error {}

/** `--help` or `-h` was given: print these lines and exit 0. */
export class HelpRequested extends Error {
  constructor(readonly lines: string[]) {
    super('help requested');
  }
}

/** Declares a command; `const` keeps the option names and types for the parsed values. */
export function defineCommand<const O extends Options>(spec: CommandSpec<O>): CommandSpec<O> {
  return spec;
}

/**
 * Parses argv the same way for every entry point: --help anywhere before `--` wins; an unknown
 * option names the nearest known one; a missing value, a missing required option or an
 * unexpected argument is a UsageError.
 */
export function parseCommandLine<O extends Options>(spec: CommandSpec<O>, argv: readonly string[]): ParsedCommandLine<O> {
  const end = argv.indexOf('--');
  if ((end === -1 ? argv : argv.slice(0, end)).some((arg) => arg === '--help' || arg === '-h')) throw new HelpRequested(helpText(spec));
  const options = Object.fromEntries(
    Object.entries(spec.options).map(([name, option]) => [
      name,
      {
        type: option.type,
        ...(option.multiple ? { multiple: true } : {}),
        ...(option.default === undefined ? {} : { default: option.default }),
      },
    ]),
  );
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: [...argv],
      options: options as ParseArgsConfig['options'],
      allowPositionals: spec.positionals !== undefined,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(usageMessage(spec, error as Error & { code?: string }));
  }
  for (const [name, option] of Object.entries(spec.options)) {
    if (option.required && (parsed.values[name] === undefined || parsed.values[name] === ''))
      throw new UsageError(`--${name} must be given, but it is missing`);
  }
  if (spec.positionals && parsed.positionals.length < spec.positionals.min)
    throw new UsageError(`${spec.positionals.name} must be given, but it is missing`);
  return parsed as unknown as ParsedCommandLine<O>;
}

/** Node's parse errors, reworded: an unknown option gets the nearest known one. */
function usageMessage(spec: CommandSpec, error: Error & { code?: string }): string {
  const unknown = error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /Unknown option '(-{1,2}[^']*)'/.exec(error.message)?.[1] : undefined;
  if (unknown === undefined) return error.message;
  const names = Object.keys(spec.options).map((name) => `--${name}`);
  const guess = closest(unknown.split('=')[0], [...names, '--help']);
  return `unknown option '${unknown}'${guess ? `: did you mean ${guess}?` : ''} (valid: ${[...names, '--help'].join(', ')})`;
}

/** What --help prints: usage, what the command does, every option with its default, one example. */
export function helpText(spec: CommandSpec): string[] {
  const rows = Object.entries(spec.options).map(([name, option]) => {
    const flag = `--${name}${option.type === 'string' ? ` <${option.value ?? 'value'}>` : ''}`;
    const shown =
      option.defaultText ??
      (option.default === undefined || option.default === false || (Array.isArray(option.default) && option.default.length === 0)
        ? undefined
        : String(option.default));
    const notes = [
      option.required ? 'required' : undefined,
      option.multiple ? 'repeatable' : undefined,
      shown === undefined ? undefined : `default: ${shown}`,
    ].filter(Boolean);
    return [flag, `${option.description}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`];
  });
  if (spec.positionals) rows.unshift([spec.positionals.name, spec.positionals.description]);
  rows.push(['--help', 'print this help and exit 0']);
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return [
    `usage: ${spec.usage}`,
    '',
    spec.summary,
    '',
    'options:',
    ...rows.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`),
    '',
    'exit codes: 0 success, 1 invalid input or a finding (every problem printed), 2 usage or internal error',
    '',
    'example:',
    `  ${spec.example}`,
  ];
}
