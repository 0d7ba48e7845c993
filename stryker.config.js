/**
 * Mutation testing of the security-critical files (docs/testing.md). `npm run test:mutation` mutates all of them;
 * `npm run test:mutation -- src/lockout/lockout.service.ts` (or MUTATE=<file>) one.
 */
const targets = require('./test/mutation/targets');

const chosen = process.env.MUTATE ? process.env.MUTATE.split(',') : Object.keys(targets);
for (const file of chosen) {
  if (!targets[file]) throw new Error(`${file} is not a mutation target (see test/mutation/targets.js)`);
}
const specs = [...new Set(chosen.flatMap((file) => targets[file]))];
/** One report per set of files run, so runs of single files do not overwrite each other. */
const slug = (file) => file.replace(/^src\//, '').replace(/\.ts$/, '').replace(/\//g, '_');
const report = !process.env.MUTATE ? 'all' : chosen.length === 1 ? slug(chosen[0]) : process.env.MUTATION_REPORT ?? `${chosen.length}-files`;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
module.exports = {
  packageManager: 'npm',
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    configFile: 'test/mutation/jest.config.js',
    config: { testMatch: specs.map((spec) => `<rootDir>/${spec}`) },
    // Per mutant, only the listed specs that import the mutated file are loaded.
    enableFindRelatedTests: true,
  },
  // Each mutant runs only the tests that executed it (test/mutation/jest-env.js credits beforeAll to its block).
  coverageAnalysis: 'perTest',
  testRunnerNodeArgs: [],
  mutate: chosen,
  // The TypeScript checker (mutants that do not compile are excluded) is opt-in: STRYKER_CHECK=1. On two shared cores
  // it made a 32-mutant file take 3.5 minutes instead of 26 s. Without it such a mutant runs (Stryker marks the file
  // @ts-nocheck): killed, a runtime error, or, if it survives, reviewed like any other (docs/testing.md).
  checkers: process.env.STRYKER_CHECK === '1' ? ['typescript'] : [],
  tsconfigFile: 'tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  // Mutants of module-level code (constants, regexes) are not run: each would run every test of its spec files, and
  // on two shared cores they took two thirds of the time. They are reported as "static" (docs/testing.md).
  ignoreStatic: process.env.STRYKER_STATIC !== '1',
  // Results are kept (reports/mutation/<report>.incremental.json): a run tests again only mutants whose code or tests changed.
  incremental: true,
  incrementalFile: `reports/mutation/${report}.incremental.json`,
  concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 2),
  timeoutMS: 20000,
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: `reports/mutation/${report}.json` },
  htmlReporter: { fileName: `reports/mutation/${report}.html` },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  thresholds: { high: 90, low: 90, break: null },
};
