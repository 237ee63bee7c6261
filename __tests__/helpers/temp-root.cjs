// One temp folder for the whole jest run, removed when it ends, so a run leaves nothing behind:
// fixtures, cdktf's `Testing` output folders and the processes the tests spawn all create their
// temp files through os.tmpdir(), which reads TMPDIR. Set here, in jest's parent process before
// the workers start, so every worker and child process inherits it; removed only after all ran.
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

module.exports.setup = () => {
  process.env.OKTA_ALLOWLISTS_TEST_TMP = mkdtempSync(join(tmpdir(), 'okta-allowlists-test-'));
  process.env.TMPDIR = process.env.OKTA_ALLOWLISTS_TEST_TMP;
};

module.exports.teardown = () => {
  rmSync(process.env.OKTA_ALLOWLISTS_TEST_TMP, { recursive: true, force: true });
};
