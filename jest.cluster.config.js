/**
 * `npm run test:cluster`: three built instances behind HAProxy on PostgreSQL and Redis (test/cluster). Not part of
 * `npm test`: it needs haproxy, TEST_DATABASE_URL and TEST_REDIS_URL, and builds the service; .ci/run runs it.
 */
const base = require('./jest.config');
const e2e = base.projects.find((p) => p.displayName === 'e2e');

module.exports = {
  testTimeout: 180000,
  reporters: ['default'],
  projects: [{ ...e2e, displayName: 'cluster', testMatch: ['<rootDir>/test/cluster/**/*.cluster-spec.ts'] }],
};
