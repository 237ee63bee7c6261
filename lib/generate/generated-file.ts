/** One file `npm run generate` writes: its path from the repository root and its whole text. */
export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
}

/** The command every generated file names, so whoever opens one knows how to refresh it. */
export const GENERATE_COMMAND = 'npm run generate';

/**
 * `current` with the text between two marker lines replaced, for files that are generated only in
 * part (a table in hand-written docs). Missing markers are an error rather than an append, so a
 * deleted marker cannot silently duplicate the generated part.
 */
export function replaceBetweenMarkers(path: string, current: string, begin: string, end: string, generated: string): string {
  const start = current.indexOf(`${begin}\n`);
  const stop = current.indexOf(`${end}\n`, start);
  if (start === -1 || stop === -1)
    throw new Error(`${path} must hold the lines "${begin}" and "${end}" around the generated part, but one is missing`);
  return `${current.slice(0, start + begin.length + 1)}${generated}${current.slice(stop)}`;
}
