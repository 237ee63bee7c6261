/* eslint-disable no-control-regex -- these patterns exist to find control characters. */

/** Tabs, newlines and the other C0 control characters, and DEL. */
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/**
 * Characters Okta Expression Language string literals have no documented escape for: text
 * holding one is refused rather than placed in an expression.
 */
export const UNSAFE_IN_EXPRESSION = /["\\\u0000-\u001f\u007f]/;
