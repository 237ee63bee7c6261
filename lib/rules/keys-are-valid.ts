import { FileCheck, FileRule, Finding } from './rule';

/** Terraform addresses derive from app keys, so keys are short, stable, lower-case slugs. */
export const APP_KEY_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

const check: FileCheck = (app) => {
  const findings: Finding[] = [];
  if (!APP_KEY_PATTERN.test(app.key) || app.key.length > 64) {
    findings.push({
      path: [],
      message: `the file name must be a key of lower-case letters, digits and single "-", starting with a letter (at most 64), but got "${app.key}": rename the file (see "Removing or renaming an app" in the README)`,
    });
  }
  app.previousKeys.forEach((key, index) => {
    if (key === app.key)
      findings.push({
        path: ['previousKeys', index],
        message: `previousKeys must list earlier names of this file, but got its current name "${key}": remove it`,
      });
    else if (!APP_KEY_PATTERN.test(key))
      findings.push({
        path: ['previousKeys', index],
        message: `previousKeys[${index}] must be a file name without ".json", but got "${key}"`,
      });
  });
  return findings;
};

export const keysAreValid: FileRule = {
  id: 'keys-are-valid',
  scope: 'file',
  level: 'error',
  configurable: false,
  title: 'App keys are slugs',
  explanation:
    "The file name without `.json` is the app's key, and its `previousKeys` are its earlier keys. Terraform addresses and state moves derive from them, so each is a lower-case slug (letters, digits, single `-`, starting with a letter, at most 64 characters), and `previousKeys` does not repeat the current key.",
  check,
};
