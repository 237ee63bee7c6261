/**
 * A construct id made of several names, e.g. a claim's server, token and claim name. Joining
 * them with "-" is ambiguous ("default-id" + "x" and "default" + "id-x" collide), so each part is
 * escaped: "%", "," and "/" (which constructs would rewrite) become %XX, and the parts are joined
 * with ",". Distinct parts always give distinct ids.
 */
export function constructId(kind: string, ...parts: readonly string[]): string {
  return `${kind}(${parts.map(escapePart).join(',')})`;
}

function escapePart(part: string): string {
  return part.replace(/[%,/()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
