/**
 * Policy patterns: `*` matches any text (including none), everything else matches itself,
 * ignoring case, so that "EVERYONE" cannot slip past a guardrail written as "Everyone".
 */
export function globMatches(pattern: string, text: string): boolean {
  const parts = pattern.split('*').map(escapeRegExp);
  return new RegExp(`^${parts.join('[\\s\\S]*')}$`, 'i').test(text);
}

/** The first of `patterns` that matches `text`. */
export function firstMatch(patterns: readonly string[] | undefined, text: string): string | undefined {
  return patterns?.find((pattern) => globMatches(pattern, text));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}
