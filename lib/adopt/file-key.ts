import { APP_KEY_PATTERN } from '../rules/keys-are-valid';

/** The longest key the project accepts (lib/rules/keys-are-valid.ts). */
const MAX_KEY_LENGTH = 64;

/**
 * A file key (`allowlists/<key>.json`) for an app from its label: lower-case ASCII letters and
 * digits joined by single "-", accents dropped ("Équipe Paie" → "equipe-paie"); `app-` in front
 * when the label does not start with a letter. `taken` keys get "-2", "-3", … so two apps with
 * one label never share a file.
 */
export function fileKeyFor(label: string, taken: ReadonlySet<string>): string {
  const slug = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const base = (/^[a-z]/.test(slug) ? slug : `app-${slug}`.replace(/-+$/, '')).slice(0, MAX_KEY_LENGTH - 4).replace(/-+$/, '');
  for (let n = 1; ; n++) {
    const key = n === 1 ? base : `${base}-${n}`;
    if (!taken.has(key) && APP_KEY_PATTERN.test(key)) return key;
  }
}
