/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  // One TMPDIR for the run, removed at its end: a test run leaves no temp folders behind.
  globalSetup: '<rootDir>/__tests__/helpers/temp-root-setup.cjs',
  globalTeardown: '<rootDir>/__tests__/helpers/temp-root-teardown.cjs',
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
};
