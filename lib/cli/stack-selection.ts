import { closest } from '../load/schema-problems';
import { Project } from '../load/load-project';
import { readAffectedStacks } from '../pipeline/affected-stacks';
import { stacksOf } from '../plan/environment-plan';
import { UsageError } from './command-line';

/** `--stacks` and `--affected`: which stacks `npm run synth` writes; every file is validated either way. */
export const STACK_SELECTION_OPTIONS = {
  stacks: {
    type: 'string',
    multiple: true,
    value: 'stack,…',
    description: 'write only these stacks (comma-separated, e.g. dev--payroll,dev--shared)',
    defaultText: 'every stack',
  },
  affected: {
    type: 'string',
    value: 'file',
    description: 'write only the stacks planned in this output of `npm run affected`',
  },
} as const;

/** What the options say about the stacks to write. */
export interface StackSelectionValues {
  readonly stacks?: readonly string[];
  readonly affected?: string;
}

/**
 * The stacks the options select, checked against the project: undefined when neither option is
 * given (every stack). A name the project has no stack for is a usage error naming the nearest,
 * so a typo never writes an output without the stack a later plan looks for.
 */
export function selectedStacks(project: Project, values: StackSelectionValues): ReadonlySet<string> | undefined {
  if (values.stacks !== undefined && values.affected !== undefined)
    throw new UsageError('--stacks and --affected must not be given together, but both were: pass one of them');
  const names =
    values.affected !== undefined
      ? readAffectedStacks(values.affected).planned.map((decision) => decision.stack)
      : values.stacks
          ?.flatMap((list) => list.split(','))
          .map((name) => name.trim())
          .filter((name) => name !== '');
  if (names === undefined) return undefined;
  if (values.stacks !== undefined && names.length === 0) throw new UsageError('--stacks must name at least one stack, but got none');
  const known = project.plans.flatMap(stacksOf);
  for (const name of names) {
    if (known.includes(name)) continue;
    const nearest = closest(name, known);
    const hint = nearest ? `did you mean "${nearest}"?` : `its stacks are ${known.slice(0, 5).join(', ')}${known.length > 5 ? ', …' : ''}`;
    const option = values.affected !== undefined ? `--affected (${values.affected})` : '--stacks';
    throw new UsageError(`${option} must name stacks of the project, but got "${name}", which it does not have: ${hint}`);
  }
  return new Set(names);
}
