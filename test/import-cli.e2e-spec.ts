import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ImportOptions, runImport } from '../cli/import/run-import';
import { describeEachDatabase } from './support/databases';
import { ndjson } from './support/import';
import { DJANGO } from './support/imported-hashes';
import { passwordSignIn } from './support/sessions';
import { count, sql } from './support/sql';
import { listen, useTestApp } from './support/test-app';
import { adminToken } from './support/users';

const run = promisify(execFile);
const ROOT = join(__dirname, '..');

/** `npm run import` (cli/import): an in-process run against the app listening on a port, and the script itself. */
describeEachDatabase('npm run import', (kind) => {
  const t = useTestApp(kind, { IMPORT_BATCH_SIZE: '5' });
  let url: string;
  let dir: string;
  beforeAll(async () => {
    url = await listen(t);
    dir = mkdtempSync(join(process.env.GATEHOUSE_TEST_TMP ?? '/tmp', 'import-cli-'));
  });

  const fileOf = (name: string, lines: (object | string)[]) => {
    const file = join(dir, name);
    writeFileSync(file, ndjson(lines));
    return file;
  };
  const options = (file: string, more: Partial<ImportOptions> = {}): ImportOptions => ({
    file,
    url,
    context: { id: '__system', user: '__system' },
    resume: false,
    statePath: `${file}.state.json`,
    reportPath: `${file}.failed.ndjson`,
    maxRequestBytes: 1024 * 1024,
    maxErrors: 1000,
    ...more,
  });
  const usersLike = (pattern: string) => count(t, `SELECT COUNT(*) AS n FROM users WHERE email LIKE '${pattern}'`);

  it('imports a file, lists the failed lines by their number in the file, and --resume sends only those again once fixed', async () => {
    const lines: (object | string)[] = Array.from({ length: 12 }, (_, i) => ({ email: `report${i}@example.test`, passwordHash: DJANGO.sha256 }));
    lines[3] = { email: 'report-bad', passwordHash: DJANGO.sha256 };
    lines.splice(6, 0, '');
    lines[9] = '{"email": oops}';
    const file = fileOf('report.ndjson', lines);
    const first = await runImport(options(file));
    expect(first).toMatchObject({ complete: true, done: 12, created: 10, failed: 2, stillFailing: 2 });
    const report = readFileSync(`${file}.failed.ndjson`, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { line: number; error: { fields: { field: string }[] } });
    expect(report.map((r) => [r.line, r.error.fields[0].field])).toEqual([[4, 'email'], [10, 'body']]);
    expect(readFileSync(`${file}.failed.ndjson`, 'utf8')).not.toContain(DJANGO.sha256);

    lines[3] = { email: 'report3@example.test', passwordHash: DJANGO.sha256 };
    writeFileSync(file, ndjson(lines));
    const second = await runImport(options(file, { resume: true }));
    expect(second).toMatchObject({ complete: true, skipped: 10, done: 2, created: 1, failed: 1, stillFailing: 1 });
    expect(readFileSync(`${file}.failed.ndjson`, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { line: number }).line)).toEqual([10]);
    expect(await usersLike('report%')).toBe(11);
    expect((await passwordSignIn(t, 'report3@example.test', DJANGO.password)).status).toBe(200);
  });

  it('resumes an interrupted run where it stopped: each line imported once, none left out', async () => {
    const lines = Array.from({ length: 60 }, (_, i) => ({ email: `resume${i}@example.test`, password: `Resume-passw0rd-${i}` }));
    const file = fileOf('resume.ndjson', lines);
    const abort = new AbortController();
    const first = await runImport(options(file, { signal: abort.signal, onProgress: (p) => p.done >= 20 && abort.abort() }));
    expect(first).toMatchObject({ complete: false, stoppedBy: 'interrupted' });
    expect(first.done).toBeGreaterThanOrEqual(20);
    expect(first.done).toBeLessThan(60);
    const second = await runImport(options(file, { resume: true }));
    expect(second).toMatchObject({ complete: true, skipped: first.done, done: 60 - first.done, failed: 0 });
    // Lines of the batch that was being written when the client went away may have been committed unanswered:
    // sent again, they are unchanged. Everything else is created now.
    expect(second.unchanged).toBeLessThanOrEqual(10);
    expect(second.created + second.unchanged).toBe(60 - first.done);
    expect(await usersLike('resume%')).toBe(60);
    expect((await passwordSignIn(t, 'resume59@example.test', 'Resume-passw0rd-59')).status).toBe(200);
  });

  it('sends an admin token when given one, and the import is recorded as that admin\'s', async () => {
    const admin = await adminToken(t);
    const file = fileOf('token.ndjson', [{ email: 'by-token@example.test' }]);
    await expect(runImport(options(file, { token: admin }))).resolves.toMatchObject({ complete: true, created: 1 });
    expect((await sql(t, `SELECT "createdBy" FROM users WHERE email = 'by-token@example.test'`))[0].createdBy).not.toBe('__system');
  });

  it('stops (state saved, nothing lost) when the server refuses the requests', async () => {
    const file = fileOf('refused.ndjson', [{ email: 'refused@example.test' }]);
    const outcome = await runImport(options(file, { token: 'not-a-token' }));
    expect(outcome).toMatchObject({ complete: false, done: 0, stoppedBy: expect.stringContaining('401') });
    expect(existsSync(`${file}.state.json`)).toBe(true);
  });

  it('runs as `npm run import`: exit code 1 with a line failing, the summary on stderr, the report beside the file', async () => {
    const file = fileOf('script.ndjson', [{ email: 'script1@example.test', passwordHash: DJANGO.sha256 }, { email: 'nope' }]);
    const result = await run(process.execPath, ['--require', require.resolve('ts-node/register/transpile-only'), 'cli/import/main.ts', file, '--url', url], { cwd: ROOT }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Done: 2 of 2 lines/);
    expect(result.stderr).toMatch(/created 1, updated 0, unchanged 0, failed 1/);
    expect(readFileSync(`${file}.failed.ndjson`, 'utf8')).toMatch(/^\{"line":2,"error":\{"statusCode":400/);
    expect(await usersLike('script%')).toBe(1);
  });
});
