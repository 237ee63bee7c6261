import { loadProject, Project, ProjectSources } from '../load/load-project';
import { formatProblem, InvalidInputError } from '../load/problem';

/**
 * Loads the project the way every command does, so the same options give the same messages:
 * each warning (a policy finding at level "warning", a missing optional policy file) is passed
 * to `warn`, and any problem throws InvalidInputError (exit 1, every problem printed).
 */
export function loadValidProject(sources: ProjectSources, warn: (line: string) => void = (line) => console.error(line)): Project {
  const { project, problems, warnings } = loadProject(sources);
  for (const warning of warnings) warn(formatProblem(warning));
  if (!project) throw new InvalidInputError(problems);
  return project;
}
