const { relative } = require('node:path');

/** The title suffix test/support/skips.ts writes (skippedTitle); keep the two in step. */
const SKIPPED = /^(.*) \(skipped: (.+)\)$/;
const NOT_RUN = new Set(['pending', 'skipped', 'todo', 'disabled']);

/**
 * Jest's summary gives only a count of skipped tests. This reporter names, at the end of the run, every suite that
 * was skipped and why (from its `(skipped: …)` title), and lists any other test that did not run as skipped without
 * a reason, so no skip goes unseen.
 */
class SkipReporter {
  /** @param {{ rootDir: string, testNamePattern?: string }} globalConfig */
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
    // With -t, the tests it does not match are reported as skipped too: those are not worth listing.
    this.filtered = Boolean(globalConfig.testNamePattern);
  }

  /**
   * @param {unknown} _contexts
   * @param {{ testResults: { testFilePath: string, testResults: { status: string, title: string, ancestorTitles: string[] }[] }[] }} results
   */
  onRunComplete(_contexts, results) {
    /** @type {Map<string, { file: string, suite: string, why: string, tests: number }>} one row per skipped suite */
    const rows = new Map();
    for (const file of results.testResults) {
      const path = relative(this.rootDir, file.testFilePath);
      for (const test of file.testResults) {
        if (!NOT_RUN.has(test.status)) continue;
        const { suite, why } = skipOf(test.ancestorTitles, test.title);
        if (why === null && this.filtered) continue;
        const reason = why ?? 'no reason given (it.skip or it.todo)';
        const key = `${path}\0${suite}\0${reason}`;
        const row = rows.get(key) ?? { file: path, suite, why: reason, tests: 0 };
        row.tests += 1;
        rows.set(key, row);
      }
    }
    if (rows.size === 0) return;
    const lines = [...rows.values()]
      .sort((a, b) => a.file.localeCompare(b.file) || a.suite.localeCompare(b.suite))
      .map((r) => `  ${r.file} › ${r.suite}: ${r.tests} test${r.tests === 1 ? '' : 's'}, because ${r.why}`);
    process.stderr.write(`\nSkipped suites (${rows.size}):\n${lines.join('\n')}\n`);
  }
}

/**
 * The outermost `(skipped: …)` describe above a test names the suite and the reason; else the test itself.
 * @param {string[]} ancestors
 * @param {string} title
 */
function skipOf(ancestors, title) {
  for (let i = 0; i < ancestors.length; i++) {
    const m = SKIPPED.exec(ancestors[i]);
    if (m) return { suite: [...ancestors.slice(0, i), m[1]].join(' › '), why: m[2] };
  }
  return { suite: [...ancestors, title].join(' › '), why: null };
}

module.exports = SkipReporter;
