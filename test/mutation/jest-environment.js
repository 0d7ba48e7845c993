/**
 * The Node test environment, made to credit what a `beforeAll` executes to the tests of its describe block under
 * Stryker's per-test coverage (Stryker wraps this environment and sets `__stryker__.currentTestId` per test).
 *
 * Stryker only sets the current test on `test_start` and clears it on `test_done`. Two gaps follow:
 * - a skipped test (e.g. a PostgreSQL suite without TEST_DATABASE_URL) starts but is never done, so its id stays
 *   current, and the next block's `beforeAll` is credited to that skipped test: the mutants covered only there
 *   would be run against a test that never runs, and survive;
 * - code run in `beforeAll` (an app started, users seeded) belongs to no test at all, so the tests that assert on
 *   what it did would not be run for its mutants.
 * Here a skipped test clears the current id, and a `beforeAll`'s coverage is kept aside and added to each test of
 * its block (and nested blocks) when its body runs.
 */
const { TestEnvironment } = require('jest-environment-node');

const describeName = (block) => (block.parent ? `${describeName(block.parent)} ${block.name}`.trimStart() : '');
const testName = (test) => `${describeName(test.parent)} ${test.name}`.trimStart();

class BlockCoverageEnvironment extends TestEnvironment {
  /** Coverage recorded by each block's beforeAll hooks: describe block → { mutant id → count }. */
  #byBlock = new Map();

  get #stryker() {
    return this.global[this.global.__strykerGlobalNamespace__ ?? '__stryker__'];
  }

  async handleTestEvent(event) {
    const stryker = this.#stryker;
    if (!stryker) return;
    const perTest = stryker.mutantCoverage?.perTest ?? {};
    switch (event.name) {
      case 'test_skip':
      case 'test_todo':
        stryker.currentTestId = undefined;
        break;
      case 'hook_start':
        if (event.hook.type === 'beforeAll') stryker.currentTestId = `beforeAll of ${describeName(event.hook.parent)}`;
        break;
      case 'hook_success':
      case 'hook_failure':
        if (event.hook.type === 'beforeAll') {
          const id = stryker.currentTestId;
          const recorded = this.#byBlock.get(event.hook.parent) ?? {};
          for (const [mutant, count] of Object.entries(perTest[id] ?? {})) recorded[mutant] = (recorded[mutant] ?? 0) + count;
          this.#byBlock.set(event.hook.parent, recorded);
          delete perTest[id];
          stryker.currentTestId = undefined;
        }
        break;
      // Not test_start: a test of a skipped block starts too (then is skipped), and must not be credited.
      case 'test_fn_start': {
        const id = testName(event.test);
        for (let block = event.test.parent; block; block = block.parent) {
          const recorded = this.#byBlock.get(block);
          if (!recorded) continue;
          const coverage = (perTest[id] = perTest[id] ?? {});
          for (const [mutant, count] of Object.entries(recorded)) coverage[mutant] = (coverage[mutant] ?? 0) + count;
        }
        break;
      }
      case 'run_describe_finish':
        this.#byBlock.delete(event.describeBlock);
        break;
      default:
    }
  }
}

module.exports = BlockCoverageEnvironment;
