/**
 * `npm run bench:import` — pre-hashed users moved into Gatehouse through the CLI (`npm run import`, built), into
 * PostgreSQL (BENCH_DATABASE_URL or the local server) and SQLite: users/s of a first run (all created) and of a
 * second run of the same file (all unchanged), the server's peak RSS and its RSS sampled every second (flat or
 * growing), where the server's time went, and sign-in latency right after the import against users created one by
 * one. Prints a table and writes it into docs/benchmarks.md (section "import").
 *
 * Options: --users=<n> (default 1,000,000), --sqlite-users=<n> (default: --users), --no-sqlite, --no-postgres,
 * --no-build, --no-write, --note="<text>".
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeImportFile } from './import/import-file';
import { CliRun, flatness, Latency, runCli, signInLatency } from './import/measure';
import { startGatehouse } from './support/gatehouse';
import { machineLine, startBench } from './support/machine';
import { createBenchDatabase, DEFAULT_PG_URL, dropLiveDatabases, postgresReachable } from './support/postgres';
import { fmt, markdownTable, Row, writeSection } from './support/report';
import { ROOT, usingServer } from './support/server';

const COST = 10;
const LATENCY_USERS = 100;
const { values: args } = parseArgs({
  options: {
    users: { type: 'string', default: '1000000' },
    'sqlite-users': { type: 'string' },
    'no-sqlite': { type: 'boolean', default: false },
    'no-postgres': { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
    note: { type: 'string', default: '' },
  },
});
const log = (s: string) => console.error(`[bench:import ${new Date().toISOString().slice(11, 19)}] ${s}`);

interface Scenario {
  label: string;
  users: number;
  first: CliRun;
  second: CliRun;
  latency: { imported: Latency; oneByOne: Latency };
}

async function main(): Promise<void> {
  const machine = startBench(log, !args['no-build']);
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-bench-import-'));
  const results: Scenario[] = [];
  try {
    const pgUrl = process.env.BENCH_DATABASE_URL ?? DEFAULT_PG_URL;
    if (!args['no-postgres'] && (await postgresReachable(pgUrl))) {
      results.push(await scenario('PostgreSQL', Number(args.users), dir, async () => createBenchDatabase(pgUrl)));
    } else if (!args['no-postgres']) log(`PostgreSQL not reachable at ${pgUrl}: skipped`);
    if (!args['no-sqlite']) {
      const file = join(dir, 'bench.sqlite');
      results.push(await scenario('SQLite', Number(args['sqlite-users'] ?? args.users), dir, async () => ({ url: `sqlite:${file}`, drop: async () => rmSync(file, { force: true }) })));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const markdown = render(results, machineLine(machine), args.note);
  console.log(markdown);
  if (!args['no-write']) {
    writeSection(join(ROOT, 'docs/benchmarks.md'), 'import', markdown);
    log('written to docs/benchmarks.md');
  }
}

async function scenario(label: string, users: number, dir: string, makeDb: () => Promise<{ url: string; drop(): Promise<void> }>): Promise<Scenario> {
  const file = join(dir, `users-${users}.ndjson`);
  log(`${label}: writing ${users} users to ${file}`);
  await writeImportFile(file, users, COST);
  const db = await makeDb();
  const server = await startGatehouse(db.url, 'auto', COST);
  return usingServer(server, db, async () => {
    log(`${label}: first run (creates every user)`);
    const first = await runCli(server, file, join(dir, `${label}-first.state.json`));
    log(`${label}: ${first.perSecond} users/s; sign-in latency right after the import`);
    const latency = await signInLatency(server, users, LATENCY_USERS);
    log(`${label}: second run of the same file (every user unchanged)`);
    const second = await runCli(server, file, join(dir, `${label}-second.state.json`));
    rmSync(file, { force: true });
    return { label, users, first, second, latency };
  });
}

function render(results: Scenario[], machine: string, note: string): string {
  const col = (f: (s: Scenario) => string) => results.map(f);
  const lat = (l: Latency) => `${l.p50Ms} / ${l.p90Ms} ms`;
  const rows: Row[] = [
    ['users in the file (bcrypt at cost 10, e-mail, username, names, roles)', ...col((s) => fmt.n(s.users))],
    ['first run: users/s (target ≥ 10,000 on PostgreSQL)', ...col((s) => `${fmt.n(s.first.perSecond)} (${s.first.seconds} s; created ${s.first.created}, failed ${s.first.failed})`)],
    ['second run, same file: users/s (all unchanged; target: at least as fast)', ...col((s) => `${fmt.n(s.second.perSecond)} (${s.second.seconds} s; unchanged ${s.second.unchanged}, failed ${s.second.failed})`)],
    ['server peak RSS (target < 300 MB)', ...col((s) => `${Math.max(s.first.peakRssMb, s.second.peakRssMb)} MB`)],
    ['server RSS during the first run (target: flat)', ...col((s) => flatness(s.first.rss))],
    ['of which the main thread\'s V8 heap', ...col((s) => flatness(s.first.heap))],
    ['server time, first run', ...col((s) => s.first.split)],
    [`sign-in p50 / p90 right after, ${LATENCY_USERS} imported users (first sign-in each)`, ...col((s) => lat(s.latency.imported))],
    [`sign-in p50 / p90, ${LATENCY_USERS} users created one by one (PUT /api/users)`, ...col((s) => lat(s.latency.oneByOne))],
  ];
  return [
    `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine}.${note ? ` ${note}` : ''}`,
    '',
    markdownTable(['', ...results.map((s) => s.label)], rows),
  ].join('\n');
}

process.once('SIGINT', () => void dropLiveDatabases().finally(() => process.exit(130)));
main().catch(async (e: Error) => {
  console.error(e.stack ?? e.message);
  await dropLiveDatabases();
  process.exitCode = 1;
});
