/**
 * Suites that need something this machine may not have (a PostgreSQL server, a Redis, a browser). Without it they
 * are skipped, never silently: the describe is kept with every test in it (so the count of skipped tests is the
 * true one) under a title that ends with `(skipped: <why>)`, which test/support/skip-reporter.js lists by name at
 * the end of the run. CI sets the requirement's REQUIRE_… variable to 1, which turns the skip into a failure.
 */
export interface Requirement {
  /** What is needed, as the failure message names it. */
  name: string;
  /** Why it is not available (e.g. "TEST_DATABASE_URL not set"), or null when it is. */
  missing: string | null;
  /** The variable that, set to 1, makes the absence a failure. */
  requireVar: 'REQUIRE_POSTGRES' | 'REQUIRE_REDIS' | 'REQUIRE_BROWSER' | 'REQUIRE_SHELL_TOOLS';
}

/** The title suffix skip-reporter.js reads back; keep the two in step. */
export function skippedTitle(title: string, why: string): string {
  return `${title} (skipped: ${why})`;
}

/** `describe` when the requirement is met; otherwise a describe.skip of the same body, or a failure under REQUIRE_…=1. */
export function describeRequiring(requirement: Requirement, title: string, body: () => void): void {
  if (!requirement.missing) {
    describe(title, body);
    return;
  }
  if (process.env[requirement.requireVar] === '1') {
    throw new Error(`${requirement.requireVar}=1 but ${requirement.missing}: the ${requirement.name} suites would be skipped`);
  }
  describe.skip(skippedTitle(title, requirement.missing), body);
}
