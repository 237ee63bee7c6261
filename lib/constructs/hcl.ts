/**
 * Terraform JSON strings are templates: "${" and "%{" start interpolations. Text that comes from
 * allow-list files (group names, labels, URIs) must never be read as one.
 */
export function templateText(text: string): string {
  // Function replacements: in a replacement string "$$" would itself collapse to "$".
  return text.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

/** A quoted HCL string literal, for use inside a `${ … }` expression. */
export function hclString(text: string): string {
  return templateText(JSON.stringify(text));
}

/** Wraps a raw HCL expression so that Terraform evaluates it. */
export function expression(hcl: string): string {
  return `\${${hcl}}`;
}
