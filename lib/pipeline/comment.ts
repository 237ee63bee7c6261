import { Problem } from '../load/problem';
import { AppChange } from './allowlist-changes';
import { escapeMarkdown, fenced, GITHUB_BODY_LIMIT, truncateToBytes, utf8Length } from './markdown';
import { PlanCounts, PlanSummary } from './plan-json';

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
  /** Policy findings to show (warnings and errors). @default - the section is left out */
  readonly policy?: readonly Problem[];
  /** The Terraform plan's counts and destructive changes. @default - no plan section */
  readonly plan?: PlanSummary;
  /** Output of `terraform show -no-color <planfile>`. @default - no full plan shown */
  readonly planText?: string;
  /** Why there is no plan (fork pull requests, for example). @default - a plan is expected */
  readonly planSkipped?: string;
  /** Where the untruncated plan can be found, named in the truncation note. @default "the workflow run's artifacts" */
  readonly fullPlanLocation?: string;
  /** Largest body allowed, in UTF-8 bytes. @default 65536 (GitHub's limit) */
  readonly maxBytes?: number;
}

/** `<!-- okta-groups-claims:plan:dev -->`: invisible, and unique per purpose and environment. */
export function commentMarker(purpose: 'plan' | 'apply' | 'drift', environment: string): string {
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
 * most half and a quarter of the size limit; the full plan gets what is left, cut after a
 * whole line and closed properly, with a note saying where it was cut.
 */
export function renderPlanComment(props: PlanCommentProps): string {
  const maxBytes = props.maxBytes ?? GITHUB_BODY_LIMIT;
  const sections = [
    `${props.marker}\n## ${props.title ?? 'Okta plan'}: \`${props.environment}\``,
    props.note,
    cautionBlock(props),
    props.changes && limitSection(changesSection(props.changes), maxBytes / 2),
    props.policy && limitSection(policySection(props.policy), maxBytes / 4),
    terraformSection(props),
  ].filter((s): s is string => Boolean(s));
  const body = sections.join('\n\n');
  if (props.planText === undefined || props.planSkipped) return body;
  return `${body}\n\n${fullPlanBlock(props.planText, maxBytes - utf8Length(body) - 2, props.fullPlanLocation ?? "the workflow run's artifacts")}`;
}

function cautionBlock(props: PlanCommentProps): string | undefined {
  const lines = [
    ...(props.plan?.dangerous ?? []).map((d) => `${d.action === 'replace' ? 'REPLACES (deletes, then creates anew)' : 'DELETES'} ${d.description}`),
    ...(props.changes ?? []).flatMap((c) => c.warnings.map((w) => `${c.key}: ${w}`)),
  ];
  if (lines.length === 0) return undefined;
  return [
    '> [!CAUTION]',
    `> **This change deletes or removes something in Okta \`${props.environment}\`, or will stop the plan. Read before approving.**`,
    ...lines.map((l) => `> - ${escapeMarkdown(l)}`),
  ].join('\n');
}

function changesSection(changes: readonly AppChange[]): string {
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
  }
  return lines.join('\n');
}

/** The seam for policy rules: their findings arrive as Problems with a level and a rule ID. */
function policySection(problems: readonly Problem[]): string {
  if (problems.length === 0) return '### Policy\n\nNo policy findings.';
  const ordered = [...problems].sort((a, b) => Number(a.level === 'warning') - Number(b.level === 'warning'));
  const lines = ordered.map((p) => {
    const level = p.level === 'warning' ? 'warning' : '**error**';
    const rule = p.rule ? ` \`${p.rule.replace(/`/g, '')}\`` : '';
    return `- ${level}${rule} ${escapeMarkdown(`${p.file}:${p.line}: ${p.message}`)}`;
  });
  return ['### Policy', '', ...lines].join('\n');
}

function terraformSection(props: PlanCommentProps): string {
  if (props.planSkipped) return `### Terraform\n\n> [!NOTE]\n> The Terraform plan was skipped: ${escapeMarkdown(props.planSkipped)}`;
  if (!props.plan) return '';
  const { counts } = props.plan;
  const total = COUNT_LABELS.reduce((sum, [key]) => sum + counts[key], 0);
  const table = [
    `| ${COUNT_LABELS.map(([, label]) => label).join(' | ')} |`,
    `|${COUNT_LABELS.map(() => '---:').join('|')}|`,
    `| ${COUNT_LABELS.map(([key]) => counts[key]).join(' | ')} |`,
  ].join('\n');
  return `### Terraform\n\n${total === 0 ? 'No changes: Okta already matches the allow lists.\n\n' : ''}${table}`;
}

const CUT_NOTE_RESERVE = 400;

function fullPlanBlock(planText: string, budget: number, location: string): string {
  const open = '<details><summary>Full Terraform plan</summary>\n\n';
  const close = '\n</details>';
  // Fences grow with the longest backtick run in the text; 16 bytes each covers any real plan.
  const room = budget - utf8Length(open) - utf8Length(close) - CUT_NOTE_RESERVE - 2 * 16;
  if (room <= 0) return `_The full plan is too large to show here; it is in ${escapeMarkdown(location)}._`;
  const shown = truncateToBytes(planText, room);
  const note =
    shown.omittedLines > 0
      ? `\n\n**The plan was cut here**: ${shown.totalLines - shown.omittedLines} of ${shown.totalLines} lines shown, to stay under GitHub's comment size limit. The full plan is in ${escapeMarkdown(location)}.`
      : '';
  return `${open}${fenced(shown.text, 'text')}${note}${close}`;
}

function limitSection(section: string, maxBytes: number): string {
  const shown = truncateToBytes(section, maxBytes - CUT_NOTE_RESERVE);
  if (shown.omittedLines === 0) return section;
  return `${shown.text}\n_${shown.omittedLines} more line(s) left out to stay under GitHub's comment size limit; run \`npm run pr-summary\` locally for all of them._`;
}
