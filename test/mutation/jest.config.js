/**
 * Jest as Stryker runs it: the unit project of jest.config.js without type checking (Stryker marks mutated files
 * `@ts-nocheck` anyway; a mutant that does not type-check is excluded by its TypeScript checker, not counted as
 * killed by a compile error). Stryker sets `testMatch` to the specs of the files being mutated (targets.js).
 */
const { join } = require('node:path');
const root = join(__dirname, '..', '..');
const base = require(join(root, 'jest.config.js'));
const unit = base.projects.find((p) => p.displayName === 'unit');
const fast = ['ts-jest', { tsconfig: { isolatedModules: true } }];

module.exports = {
  ...unit,
  displayName: undefined,
  rootDir: root,
  transform: Object.fromEntries(Object.entries(unit.transform).map(([pattern, t]) => [pattern, pattern === '^.+\\.ts$' ? fast : t])),
  testTimeout: 30000,
  // Only what the specs need is crawled (the default, the whole checkout, costs seconds on every mutant's run).
  roots: ['<rootDir>/src', '<rootDir>/test/support'],
  testEnvironment: join(__dirname, 'jest-environment.js'),
};
