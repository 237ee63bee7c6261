import { DYNAMIC_MATCHES, DynamicMatch, MAX_CLAIM_LIMIT } from '../model/app';
import { isGroupId } from '../okta/group-ids';
import { Expression } from './expression-language';

/** One group the user belongs to, as the user named it: Okta names and IDs cannot be linked offline. */
export interface Membership {
  /** The group name, or its ID (00g…). */
  readonly reference: string;
  readonly isId: boolean;
}

export function membershipOf(reference: string): Membership {
  return { reference, isId: isGroupId(reference) };
}

/** One group in a claim's value. */
export interface EmittedGroup {
  /** The membership that produced it, as the user gave it. */
  readonly group: string;
  /** Which attribute of the group the claim carries. */
  readonly attribute: 'name' | 'id';
  /** The exact text in the token; null when the user gave the group by the other attribute. */
  readonly value: string | null;
}

export type Value = null | boolean | number | string | EmittedGroup | readonly Value[];

export interface EvaluationContext {
  /** The profile of the app that asks for the token: `app.profile.*` reads it. */
  readonly appProfile: Readonly<Record<string, unknown>>;
  /** The groups the user belongs to. */
  readonly memberships: readonly Membership[];
  /** The claim's name, as Okta quotes it in its errors. */
  readonly claimName: string;
  /** Receives what preview could not decide offline, for the reader. */
  readonly notes: string[];
  /**
   * Compare `Groups.*` patterns ignoring case. No Okta source settles the case of these functions
   * (docs/preview.md), so preview evaluates a claim both ways and shows both when they differ.
   */
  readonly ignoreCase: boolean;
}

/** Okta refuses the token: the claim cannot be evaluated for this user. */
export class ClaimEvaluationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ClaimEvaluationError';
  }
}

/** The expression uses something Okta may support but preview does not model. */
export class UnsupportedExpressionError extends Error {
  constructor(message: string) {
    super(`preview cannot evaluate ${message}; teach lib/preview/evaluate.ts the new expression`);
    this.name = 'UnsupportedExpressionError';
  }
}

/** Evaluates a parsed claim expression as Okta would for one user and one requesting app. */
export function evaluate(expression: Expression, context: EvaluationContext): Value {
  switch (expression.kind) {
    case 'string':
    case 'number':
    case 'boolean':
      return expression.value;
    case 'null':
      return null;
    case 'list':
      return expression.items.map((item) => evaluate(item, context));
    case 'path':
      return readPath(expression.path, context);
    case 'equals':
      return evaluate(expression.left, context) === evaluate(expression.right, context);
    case 'conditional': {
      const test = evaluate(expression.test, context);
      if (typeof test !== 'boolean')
        throw new ClaimEvaluationError(couldNotEvaluate(context, `the condition yields ${describe(test)}, not true or false`));
      return evaluate(test ? expression.then : expression.otherwise, context);
    }
    case 'call':
      return call(
        expression.name,
        expression.args.map((arg) => evaluate(arg, context)),
        context,
      );
  }
}

function readPath(path: readonly string[], context: EvaluationContext): Value {
  const [root, field, key, ...rest] = path;
  if (root !== 'app' || field !== 'profile' || key === undefined || rest.length > 0) {
    throw new UnsupportedExpressionError(`the attribute ${path.join('.')}: only app.profile.<key> is modelled`);
  }
  return (context.appProfile[key] as Value | undefined) ?? null;
}

function call(name: string, args: Value[], context: EvaluationContext): Value {
  if (name === 'getFilteredGroups') return getFilteredGroups(args, context);
  if (name === 'Arrays.contains') return arrayContains(args, context);
  const match = DYNAMIC_MATCHES.find((m) => name === `Groups.${m}`);
  if (match) return groupsMatching(match, args, context);
  throw new UnsupportedExpressionError(`the function ${name}()`);
}

/** `Arrays.contains(array, value)`: an exact, case-sensitive match of a whole element, as Okta documents it. */
function arrayContains(args: Value[], context: EvaluationContext): boolean {
  const [array, value] = arity('Arrays.contains', args, 2);
  if (!Array.isArray(array))
    throw new ClaimEvaluationError(couldNotEvaluate(context, `Arrays.contains needs a list, but got ${describe(array)}`));
  return array.includes(value);
}

const GROUP_ATTRIBUTES: Readonly<Record<string, 'name' | 'id'>> = { 'group.name': 'name', 'group.id': 'id' };

/** Groups that are both in the list and held by the user, in list order. */
function getFilteredGroups(args: Value[], context: EvaluationContext): EmittedGroup[] {
  const [list, attributeExpression, limitValue] = arity('getFilteredGroups', args, 3);
  if (!Array.isArray(list) || !list.every((entry) => typeof entry === 'string')) {
    throw new ClaimEvaluationError(couldNotEvaluate(context, `getFilteredGroups needs a list of group IDs, but got ${describe(list)}`));
  }
  const attribute = typeof attributeExpression === 'string' ? GROUP_ATTRIBUTES[attributeExpression] : undefined;
  if (!attribute)
    throw new UnsupportedExpressionError(
      `the group expression ${describe(attributeExpression)}: only "group.name" and "group.id" are modelled`,
    );
  const limit = checkedLimit(limitValue, context);
  const entries = list as readonly string[];
  const held = entries.flatMap((entry) => context.memberships.filter((m) => m.reference === entry));
  noteUnmatchableEntries(entries, context);
  return withinLimit(held, limit, context).map((m) => emitted(m, attribute));
}

/** Groups.startsWith/endsWith/contains(source, pattern, limit): held groups whose NAME matches. */
function groupsMatching(match: DynamicMatch, args: Value[], context: EvaluationContext): EmittedGroup[] {
  const [source, pattern, limitValue] = arity(`Groups.${match}`, args, 3);
  if (typeof source !== 'string' || typeof pattern !== 'string') {
    throw new ClaimEvaluationError(
      couldNotEvaluate(context, `Groups.${match} needs a source and a pattern, but got ${describe(source)} and ${describe(pattern)}`),
    );
  }
  const limit = checkedLimit(limitValue, context);
  const named = context.memberships.filter((m) => !m.isId);
  const byId = context.memberships.filter((m) => m.isId);
  if (byId.length > 0) {
    context.notes.push(
      `Groups.${match}("${source}", "${pattern}") matches group names; ${byId.map((m) => m.reference).join(', ')} given by ID cannot be matched: pass the name instead.`,
    );
  }
  const fold = (text: string) => (context.ignoreCase ? text.toLowerCase() : text);
  const held = named.filter((m) => matches(match, fold(m.reference), fold(pattern)));
  if (held.length > 0)
    context.notes.push(`Groups.${match} reads groups from source "${source}": preview assumes the groups you passed come from it.`);
  return withinLimit(held, limit, context).map((m) => emitted(m, 'name'));
}

function matches(match: DynamicMatch, name: string, pattern: string): boolean {
  if (match === 'startsWith') return name.startsWith(pattern);
  if (match === 'endsWith') return name.endsWith(pattern);
  return name.includes(pattern);
}

function arity(name: string, args: Value[], count: number): Value[] {
  if (args.length !== count) throw new ClaimEvaluationError(`${name} takes ${count} arguments, but got ${args.length}`);
  return args;
}

/** Okta documents the limit as an expression yielding 1–100; outside it, no token is issued. */
function checkedLimit(limit: Value, context: EvaluationContext): number {
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_CLAIM_LIMIT) {
    throw new ClaimEvaluationError(
      couldNotEvaluate(context, `the limit must be a whole number from 1 to ${MAX_CLAIM_LIMIT}, but got ${describe(limit)}`),
    );
  }
  return limit;
}

function withinLimit(held: readonly Membership[], limit: number, context: EvaluationContext): readonly Membership[] {
  if (held.length > limit) {
    throw new ClaimEvaluationError(
      `The groups claim matched too many groups and must be configured to match fewer groups: claim "${context.claimName}" matched ${held.length} groups, but its limit is ${limit}`,
    );
  }
  return held;
}

function emitted(membership: Membership, attribute: 'name' | 'id'): EmittedGroup {
  const known = (attribute === 'id') === membership.isId;
  return { group: membership.reference, attribute, value: known ? membership.reference : null };
}

/** An allow-list entry written as an ID can only match a membership given as that ID, and vice versa. */
function noteUnmatchableEntries(entries: readonly string[], context: EvaluationContext): void {
  for (const entry of entries) {
    if (context.memberships.some((m) => m.reference === entry)) continue;
    const entryIsId = membershipOf(entry).isId;
    if (context.memberships.some((m) => m.isId !== entryIsId)) {
      const [written, given] = entryIsId ? ['ID', 'name'] : ['name', 'ID'];
      context.notes.push(
        `The allow list gives group ${JSON.stringify(entry)} by ${written}; preview cannot tell whether a group you gave by ${given} is the same one (names and IDs cannot be linked offline): pass its ${written} to test it.`,
      );
    }
  }
}

function couldNotEvaluate(context: EvaluationContext, reason: string): string {
  return `The '${context.claimName}' user claim could not be evaluated: ${reason}`;
}

function describe(value: Value): string {
  return value === null ? 'null' : JSON.stringify(value);
}
