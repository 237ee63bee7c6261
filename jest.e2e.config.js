/**
 * The end-to-end suite (`npm run test:e2e`): the real `terraform` and okta provider 4.20.0
 * against the in-process Okta API emulator. One worker: every case runs Terraform processes,
 * and the machine's cores are better spent on those than on parallel jest workers.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/e2e'],
  testMatch: ['**/*.e2e.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  maxWorkers: 1,
  testTimeout: 10 * 60 * 1000,
};
