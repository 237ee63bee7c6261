import { FileRule, Finding } from './rule';

/** Terraform addresses derive from app keys, so keys are short, stable, lower-case slugs. */
export const APP_KEY_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export const keysAreValid: FileRule = (app) => {
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
