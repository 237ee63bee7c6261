import { ValidateBinaryVersion } from 'cdktf/lib/validations/validate-binary-version';

interface VersionCheck {
  readonly binary: string;
  readonly versionConstraint: string;
  readonly versionCommand: string;
  readonly hint?: string;
}

const answers = new Map<string, readonly string[]>();
let installed = false;

/**
 * cdktf validates every imported resource by running `terraform version` in a child process:
 * with 170 imports that was 6.8 of the 9.2 seconds of a 1,000-app synth (see BENCHMARKS.md).
 * The answer cannot change while one command runs, so each distinct check (binary, command,
 * constraint, hint) runs once and its messages are reused: the same errors, in the same places.
 */
export function runBinaryVersionChecksOnce(): void {
  if (installed) return;
  installed = true;
  const validate = ValidateBinaryVersion.prototype.validate;
  ValidateBinaryVersion.prototype.validate = function (this: ValidateBinaryVersion): string[] {
    const check = this as unknown as VersionCheck;
    const key = JSON.stringify([check.binary, check.versionCommand, check.versionConstraint, check.hint]);
    let messages = answers.get(key);
    if (!messages) {
      messages = validate.call(this);
      answers.set(key, messages);
    }
    return [...messages];
  };
}
