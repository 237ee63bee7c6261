import { environments, problemsOf } from './fixture';

/** Where the cases' allow-list and environments files are, as problems name them. */
export const A = 'allowlists/a.json';
export const E = 'environments.json';

/** A file's text as the fixture writes it: strings verbatim, values pretty-printed. */
export const pretty = (value: unknown): string => (typeof value === 'string' ? value : `${JSON.stringify(value, null, 2)}\n`);

/**
 * `file:line:column` of the `occurrence`-th `needle` in the file as written, moved `offset`
 * characters right (to point past a key at its value). Found by searching the written text,
 * independently of the loader.
 */
export function at(file: string, content: unknown, needle: string, occurrence = 1, offset = 0): string {
  const text = pretty(content);
  let index = -1;
  for (let i = 0; i < occurrence; i++) index = text.indexOf(needle, index + 1);
  if (index < 0) throw new Error(`${needle} not in ${file}`);
  const before = text.slice(0, index + offset).split('\n');
  return `${file}:${before.length}:${before[before.length - 1].length + 1}`;
}

/** Loads `files` and expects exactly one problem at `place` with `message` (the whole text, or a pattern). */
export function expectProblem(files: Record<string, unknown>, place: string, message: string | RegExp, envs?: unknown): void {
  const problems = problemsOf(files, envs);
  const matching = problems.filter(
    (p) =>
      p.startsWith(`${place}: `) && (typeof message === 'string' ? p === `${place}: ${message}` : message.test(p.slice(place.length + 2))),
  );
  if (matching.length !== 1) throw new Error(`expected one problem at ${place} matching ${message}, got:\n${problems.join('\n')}`);
}

/** The fixture's environments with `server` as the custom server "default" of both dev and prod. */
export const envWith = (server: Record<string, unknown>) => {
  const base = environments().environments as Record<string, Record<string, unknown>>;
  return environments({
    dev: { ...base.dev, authorizationServers: { default: server } },
    prod: { ...base.prod, authorizationServers: { default: server } },
  });
};
