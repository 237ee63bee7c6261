import { Problem, sortProblems } from '../load/problem';
import { ruleById } from '../rules';

/**
 * GitHub workflow commands (`::error file=…,line=…,col=…::message`) that show each problem on
 * the pull request's diff. Escaping follows the runner's own rules (actions/toolkit
 * `command.ts`): data escapes `%`, CR and LF; property values also escape `:` and `,`.
 */
export function toAnnotation(problem: Problem): string {
  const command = problem.level === 'warning' ? 'warning' : 'error';
  const properties = [
    `file=${escapeProperty(problem.file)}`,
    `line=${problem.line}`,
    `col=${problem.column}`,
    ...(problem.rule ? [`title=${escapeProperty(titleOf(problem.rule))}`] : []),
  ];
  return `::${command} ${properties.join(',')}::${escapeData(problem.message)}`;
}

/** A rule's title and ID, e.g. "Maximum apps per owner (OKTA-O1)"; other titles (such as "Owner change") as they are. */
function titleOf(rule: string): string {
  const registered = ruleById(rule);
  return registered ? `${registered.title} (${registered.id})` : rule;
}

export function toAnnotations(problems: readonly Problem[]): string[] {
  return sortProblems(problems).map(toAnnotation);
}

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
