import { AppChange } from './allowlist-changes';
import { AppSettingChange, describeAppSettingChange } from './app-setting-changes';
import { AssignmentRemoval, describeAssignmentRemoval } from './assignment-removals';
import type { BlockedChange } from './blocked-changes';
import { describeOwnerChange } from './owner-changes';
import { escapeMarkdown, fenced, GITHUB_BODY_LIMIT, truncateToBytes, utf8Length } from './markdown';
import type { StackDecision } from './affected-stacks';
import { PlanCounts, PlanSummary } from './plan-json';
import { PolicyReport } from './policy-report';
import type { SharedServerChanges } from './shared-server-changes';
import type { ServerAccessStatus } from '../plan/access-status';
import { ruleById } from '../rules';

/** One stack's plan, as the comment shows it. */
export interface StackReport {
  /** The stack, e.g. `dev--payroll`. */
  readonly stack: string;
  /** Why the stack was planned. @default - no reason column (drift and manual runs plan every stack) */
  readonly reason?: string;
  /** The plan's counts and destructive changes. @default - the plan failed or never ran */
  readonly plan?: PlanSummary;
  /** Changes the provider would skip, which fail the plan (see blocked-changes.ts). @default - none */
  readonly blocked?: readonly BlockedChange[];
  /** Groups the apply unassigns from apps (hand-made assignments included). @default - none */
  readonly unassigned?: readonly AssignmentRemoval[];
  /** Settings the apply changes on apps that already exist in Okta (adoptions first of all). @default - none */
  readonly settings?: readonly AppSettingChange[];
  /** Changes to what a shared custom server serves (claims' scopes, admitted clients, new claims). @default - none */
  readonly shared?: SharedServerChanges;
  /** Output of `terraform show -no-color <planfile>`. @default - no full plan shown for this stack */
  readonly planText?: string;
}

export interface PlanCommentProps {
  /** The environment the comment is about. */
  readonly environment: string;
  /** Hidden HTML comment that finds this comment again on the next run; see `commentMarker`. */
  readonly marker: string;
  /** Heading. @default "Okta plan" */
  readonly title?: string;
  /** Markdown shown under the heading, written by the workflow (e.g. an apply outcome). @default - none */
  readonly note?: string;
  /** Allow-list changes between base and head. @default - the section is left out (drift runs) */
  readonly changes?: readonly AppChange[];
  /** Per changed app (by key): can it get tokens from each custom server it asks for claims? @default - not shown */
  readonly access?: ReadonlyMap<string, readonly ServerAccessStatus[]>;
  /** Policy warnings and suppressions of the environment's apps. @default - the section is left out */
  readonly policy?: PolicyReport;
  /** The environment's planned stacks, in the order to show them. @default - no Terraform section */
  readonly stacks?: readonly StackReport[];
  /** The environment's stacks this run did not plan, and why. @default - none listed */
  readonly skipped?: readonly StackDecision[];
  /** Why there is no plan at all (fork pull requests, for example). @default - plans are expected */
  readonly planSkipped?: string;
  /**
   * Where a stack's untruncated plan can be found, named in the truncation note; `{stack}` is
   * replaced by the stack's name. @default "the workflow run's artifacts"
   */
  readonly fullPlanLocation?: string;
  /** Largest body allowed, in UTF-8 bytes. @default 65536 (GitHub's limit) */
  readonly maxBytes?: number;
}

/** `<!-- okta-groups-claims:plan:dev -->`: invisible, and unique per purpose and environment. */
export function commentMarker(purpose: 'plan' | 'apply' | 'drift' | 'apply-failed', environment: string): string {
  return `<!-- okta-groups-claims:${purpose}:${environment} -->`;
}

const COUNT_LABELS: readonly [keyof PlanCounts, string][] = [
  ['import', 'Import'],
  ['add', 'Add'],
  ['change', 'Change'],
  ['replace', 'Replace'],
  ['destroy', 'Destroy'],
  ['forget', 'Forget'],
];

/**
 * The Markdown body of one environment's comment. The allow-list and policy sections get at
 * most half and a quarter of the size limit, the stack table an eighth and the caution block a
 * sixteenth; the full plans share what is left, each cut after a whole line and closed properly,
 * with a note saying where it was cut.
 */
export function renderPlanComment(props: PlanCommentProps): string {
  const maxBytes = props.maxBytes ?? GITHUB_BODY_LIMIT;
  const sections = [
    `${props.marker}\n## ${props.title ?? 'Okta plan'}: \`${props.environment}\``,
    props.note,
    limitSection(cautionBlock(props), maxBytes / 16),
    limitSection(settingsSection(props), maxBytes / 16),
    limitSection(newClaimSection(props), maxBytes / 16),
    limitSection(laterAccessNote(props), maxBytes / 16),
    props.changes && limitSection(changesSection(props.changes, props.access), maxBytes / 2),
    props.policy && limitSection(policySection(props.policy), maxBytes / 4),
    limitSection(terraformSection(props), maxBytes / 8),
  ].filter((s): s is string => Boolean(s));
  const body = sections.join('\n\n');
  const shown = (props.stacks ?? []).filter((s): s is StackReport & { planText: string } => s.planText !== undefined);
  if (shown.length === 0 || props.planSkipped) return body;
  return `${body}\n\n${fullPlanBlocks(shown, maxBytes - utf8Length(body) - 2, props.fullPlanLocation ?? "the workflow run's artifacts")}`;
}

function cautionBlock(props: PlanCommentProps): string {
  const lines = [
    ...(props.stacks ?? []).flatMap((s) =>
      (s.plan?.dangerous ?? []).map(
        (d) => `${s.stack}: ${d.action === 'replace' ? 'REPLACES (deletes, then creates anew)' : 'DELETES'} ${d.description}`,
      ),
    ),
    ...(props.stacks ?? []).flatMap((s) => (s.blocked ?? []).map((b) => `${s.stack}: CANNOT BE APPLIED: ${b.message}`)),
    ...(props.stacks ?? []).flatMap((s) => (s.shared?.cautions ?? []).map((c) => `${s.stack}: ${c}`)),
    ...(props.stacks ?? []).flatMap((s) => (s.unassigned ?? []).map((r) => `${s.stack}: ${describeAssignmentRemoval(r)}`)),
    ...(props.changes ?? []).flatMap((c) => c.warnings.map((w) => `${c.key}: ${w}`)),
    ...(props.changes ?? []).flatMap((c) => (c.owners ? [describeOwnerChange(c.key, c.owners)] : [])),
    ...accessLines(props, 'no'),
  ];
  if (lines.length === 0) return '';
  return [
    '> [!CAUTION]',
    `> **This change deletes or removes something in Okta \`${props.environment}\`, changes who receives a shared claim or a token, changes who owns an app, or will stop the plan. Read before approving.**`,
    ...lines.map((l) => `> - ${escapeMarkdown(l)}`),
  ].join('\n');
}

/**
 * What the apply changes on apps that exist in Okta: for an adoption every attribute the first
 * apply writes differently from what the app has, so nothing the file leaves out changes unseen.
 */
function settingsSection(props: PlanCommentProps): string {
  const lines = (props.stacks ?? []).flatMap((s) => (s.settings ?? []).map((c) => `${s.stack}: ${describeAppSettingChange(c)}`));
  if (lines.length === 0) return '';
  return [
    '### Settings of existing apps',
    '',
    '> [!WARNING]',
    `> **The apply changes these settings of apps that already exist in Okta \`${props.environment}\`** (an adopted app: everything its first apply changes). Check that the app's clients and users still work with them.`,
    ...lines.map((l) => `> - ${escapeMarkdown(l)}`),
  ].join('\n');
}

/** New shared claims reach every app on their server: what to check in Okta's Token Preview before the first apply. */
function newClaimSection(props: PlanCommentProps): string {
  const lines = (props.stacks ?? []).flatMap((s) => (s.shared?.checks ?? []).map((c) => `${s.stack}: ${c}`));
  if (lines.length === 0) return '';
  return [
    '### New shared claims',
    '',
    '> [!WARNING]',
    `> **Check these in Okta \`${props.environment}\` before approving the first apply**: a shared claim is evaluated for every app that asks its server for a token, including apps this repository does not manage.`,
    ...lines.map((l) => `> - ${escapeMarkdown(l)}`),
  ].join('\n');
}

/** `partner-portal: can get tokens from server "partners": …`, for the statuses with this verdict. */
function accessLines(props: PlanCommentProps, verdict: ServerAccessStatus['verdict']): string[] {
  return [...(props.access ?? [])].flatMap(([key, statuses]) =>
    statuses.filter((s) => s.verdict === verdict).map((s) => `${key}: ${accessText(s)}`),
  );
}

const accessText = (status: ServerAccessStatus): string => `can get tokens from server "${status.server}": ${status.text}`;

/** New apps on managed servers: their tokens come one apply later, which nobody should find out from a failing sign-in. */
function laterAccessNote(props: PlanCommentProps): string {
  const lines = accessLines(props, 'after-next-apply');
  if (lines.length === 0) return '';
  return [
    '> [!IMPORTANT]',
    `> **New apps get tokens from managed servers in \`${props.environment}\` only after a second apply** (re-run the apply workflow after this one, or merge the next change):`,
    ...lines.map((l) => `> - ${escapeMarkdown(l)}`),
  ].join('\n');
}

function changesSection(changes: readonly AppChange[], access: ReadonlyMap<string, readonly ServerAccessStatus[]> = new Map()): string {
  if (changes.length === 0) return '### Allow-list changes\n\nNo allow-list file changed for this environment.';
  const kindWords = { added: 'new app', removed: 'file deleted', renamed: 'renamed', changed: 'changed' } as const;
  const lines = ['### Allow-list changes', ''];
  for (const change of changes) {
    lines.push(`- **${escapeMarkdown(change.key)}** (${kindWords[change.kind]})`);
    for (const detail of change.details) lines.push(`  - ${escapeMarkdown(detail)}`);
    if (change.tokens.length > 0) {
      lines.push('  - Tokens after this change:');
      for (const token of change.tokens) lines.push(`    - ${escapeMarkdown(token)}`);
    }
    for (const status of access.get(change.key) ?? []) lines.push(`  - ${escapeMarkdown(accessText(status))}`);
  }
  return lines.join('\n');
}

const code = (text: string) => `\`${text.replace(/`/g, '')}\``;

/** A rule as the comment names it: its ID, and its title when it is a rule of the registry. */
function ruleText(id: string): string {
  const title = ruleById(id)?.title;
  return `${code(id)}${title ? ` (${escapeMarkdown(title)})` : ''}`;
}

/** Errors never get here (they fail the check before any comment), so: warnings and suppressions. */
function policySection(policy: PolicyReport): string {
  if (policy.problemsPreventingLoad !== undefined) {
    const rules = policy.rulesPreventingLoad ?? [];
    const found = rules.length > 0 ? `; rules that found them: ${rules.map(ruleText).join(', ')}` : '';
    return `### Policy\n\nThe allow lists do not load at this commit (${policy.problemsPreventingLoad} problem(s)${found}), so the guardrails could not be checked: the check's annotations list the problems, or run \`npm run validate\`.`;
  }
  if (policy.warnings.length === 0 && policy.suppressions.length === 0) return '### Policy\n\nNo policy warnings and no suppressions.';
  const lines = ['### Policy', ''];
  for (const w of policy.warnings)
    lines.push(`- warning${w.rule ? ` ${ruleText(w.rule)}` : ''} ${escapeMarkdown(`${w.file}:${w.line}: ${w.message}`)}`);
  if (policy.suppressions.length > 0)
    lines.push(...(policy.warnings.length > 0 ? [''] : []), 'Suppressions (each file exempts itself from a rule, for the reason given):');
  for (const s of policy.suppressions) {
    const effect = s.silenced === 0 ? 'silences nothing any more: remove it' : `silences ${s.silenced} finding(s)`;
    lines.push(`- ${ruleText(s.rule)} in ${escapeMarkdown(`${s.file}:${s.line}`)} (${effect}): ${escapeMarkdown(s.reason)}`);
  }
  return lines.join('\n');
}

function terraformSection(props: PlanCommentProps): string {
  if (props.planSkipped) return `### Terraform\n\n> [!NOTE]\n> The Terraform plan was skipped: ${escapeMarkdown(props.planSkipped)}`;
  if (!props.stacks) return '';
  const skipped = props.skipped ?? [];
  const lines = ['### Terraform', ''];
  if (props.stacks.length === 0) lines.push(`No stack of \`${props.environment}\` is planned.`);
  else {
    lines.push(
      `Planned ${props.stacks.length} stack(s)${skipped.length > 0 ? `, skipped ${skipped.length}` : ''}.`,
      '',
      ...stackTable(props.stacks),
    );
    const failed = props.stacks.filter((s) => !s.plan).length;
    if (failed > 0)
      lines.push(
        '',
        `**${failed} plan(s) failed or did not run**: the job log says why (the managed-apps guard, for one, stops the plan there).`,
      );
    else if (props.stacks.every((s) => countsTotal(s.plan!.counts) === 0))
      lines.push('', 'No changes: Okta already matches the allow lists.');
  }
  if (skipped.length > 0) lines.push('', ...skippedList(skipped));
  return lines.join('\n');
}

function stackTable(stacks: readonly StackReport[]): string[] {
  const withReasons = stacks.some((s) => s.reason);
  const row = (cells: readonly (string | number)[]) => `| ${cells.join(' | ')} |`;
  const sum = (key: keyof PlanCounts) => stacks.reduce((total, s) => total + (s.plan?.counts[key] ?? 0), 0);
  return [
    row(['Stack', ...COUNT_LABELS.map(([, label]) => label), ...(withReasons ? ['Why planned'] : [])]),
    `|---|${COUNT_LABELS.map(() => '---:').join('|')}|${withReasons ? '---|' : ''}`,
    ...stacks.map((s) =>
      row([
        s.plan ? `\`${s.stack}\`` : `\`${s.stack}\` **(plan failed)**`,
        ...COUNT_LABELS.map(([key]) => s.plan?.counts[key] ?? '–'),
        ...(withReasons ? [escapeMarkdown(s.reason ?? '')] : []),
      ]),
    ),
    ...(stacks.length > 1 ? [row(['**Total**', ...COUNT_LABELS.map(([key]) => `**${sum(key)}**`), ...(withReasons ? [''] : [])])] : []),
  ];
}

/** Skipped stacks grouped by reason: usually one line, however many shards there are. */
function skippedList(skipped: readonly StackDecision[]): string[] {
  const byReason = new Map<string, string[]>();
  for (const s of skipped) byReason.set(s.reason, [...(byReason.get(s.reason) ?? []), s.stack]);
  return [
    `Skipped ${skipped.length} stack(s):`,
    ...[...byReason].map(([reason, stacks]) => `- ${escapeMarkdown(reason)}: ${stacks.map((s) => `\`${s}\``).join(', ')}`),
  ];
}

const countsTotal = (counts: PlanCounts): number => COUNT_LABELS.reduce((sum, [key]) => sum + counts[key], 0);

const CUT_NOTE_RESERVE = 400;

/**
 * One collapsible block per stack. Stacks share the budget fairly: smallest plans first, each
 * taking at most an equal part of what is left, so small plans show whole and what they leave
 * goes to the large ones.
 */
function fullPlanBlocks(stacks: readonly (StackReport & { planText: string })[], budget: number, location: string): string {
  const blocks = new Map<string, string>();
  let remaining = budget;
  const smallestFirst = [...stacks].sort((a, b) => utf8Length(a.planText) - utf8Length(b.planText));
  smallestFirst.forEach((s, i) => {
    const block = fullPlanBlock(
      s.stack,
      s.planText,
      Math.floor(remaining / (smallestFirst.length - i)) - 2,
      location.split('{stack}').join(s.stack),
    );
    blocks.set(s.stack, block);
    remaining -= utf8Length(block) + 2;
  });
  const text = stacks.map((s) => blocks.get(s.stack)).join('\n\n');
  if (utf8Length(text) <= budget) return text;
  return `_The full plans are too large to show here; they are in ${escapeMarkdown(location.split('{stack}').join('<stack>'))}._`;
}

function fullPlanBlock(stack: string, planText: string, budget: number, location: string): string {
  const open = `<details><summary>Full Terraform plan of ${escapeMarkdown(stack)}</summary>\n\n`;
  const close = '\n</details>';
  // Fences grow with the longest backtick run in the text; 16 bytes each covers any real plan.
  const room = budget - utf8Length(open) - utf8Length(close) - CUT_NOTE_RESERVE - 2 * 16;
  if (room <= 0) return `_The full plan of ${escapeMarkdown(stack)} is too large to show here; it is in ${escapeMarkdown(location)}._`;
  const shown = truncateToBytes(planText, room);
  const note =
    shown.omittedLines > 0
      ? `\n\n**The plan was cut here**: ${shown.totalLines - shown.omittedLines} of ${shown.totalLines} lines shown, to stay under GitHub's comment size limit. The full plan is in ${escapeMarkdown(location)}.`
      : '';
  return `${open}${fenced(shown.text, 'text')}${note}${close}`;
}

function limitSection(section: string, maxBytes: number): string {
  if (section === '') return section;
  const shown = truncateToBytes(section, maxBytes - CUT_NOTE_RESERVE);
  if (shown.omittedLines === 0) return section;
  return `${shown.text}\n_${shown.omittedLines} more line(s) left out to stay under GitHub's comment size limit; run \`npm run pr-summary\` locally for all of them._`;
}
