import type { BcryptContender } from './bcrypt-race';
import type { JwtRates } from './calibrate';
import type { LoadResult } from './load';
import type { RefreshResult } from './refresh';
import { REFRESH_CONNECTIONS } from './refresh';
import { fmt, markdownTable, Row } from './report';

export interface ScenarioResult {
  label: string;
  hasher: string;
  perHashMs: number;
  saturatedPerSecond: number;
  race: BcryptContender[];
  logins: LoadResult;
  meAlongside: LoadResult;
  meAlone: LoadResult;
  meCachesOff: LoadResult;
  refresh: RefreshResult | null;
  delayP99Ms: number;
  delayMaxMs: number;
  peakRssMb: number;
}

export interface BenchResults {
  node: string;
  v8Flags: string[];
  machine: string;
  seconds: number;
  quick: boolean;
  hello: LoadResult;
  jwt: JwtRates;
  scenarios: ScenarioResult[];
  pg: boolean;
}

/** The targets of issue 15, as printed beside each figure. */
export const TARGETS = {
  loginsOfLimit: 0.92,
  meP99Ms: 15,
  delayP99Ms: 10,
  refreshSqlite: 1500,
  refreshPostgres: 1000,
  refreshP99Ms: 50,
  meOfHello: 0.5,
  peakRssMb: 200,
};

/** The fastest implementation of the scenario's race: its hashing limit is the one sign-ins are held against. */
export const fastest = (r: ScenarioResult): BcryptContender => [...r.race].sort((a, b) => a.perHashMs - b.perHashMs)[0];

const mark = (ok: boolean) => (ok ? '' : ' ✗');

function refreshCell(r: ScenarioResult): string {
  if (!r.refresh) return 'not measured (same path as the column before)';
  const settings = Object.entries(r.refresh.env).map(([k, v]) => ` (${k}=${v})`).join('');
  const target = r.label.startsWith('PostgreSQL') ? TARGETS.refreshPostgres : TARGETS.refreshSqlite;
  const ok = r.refresh.okPerSecond >= target && r.refresh.p99Ms < TARGETS.refreshP99Ms && r.refresh.non2xx + r.refresh.errors === 0;
  return `${fmt.n(r.refresh.okPerSecond)}/s, p50 ${r.refresh.p50Ms} / p99 ${r.refresh.p99Ms} ms${mark(ok)}${settings}`;
}

function scenarioRows(results: BenchResults, seconds: number): Row[] {
  const col = (f: (r: ScenarioResult) => string) => results.scenarios.map(f);
  const hello = results.hello.okPerSecond;
  return [
    ['password hasher in use', ...col((r) => r.hasher)],
    [`sign-ins/s (cost 10, 16 connections, ${seconds} s)`, ...col((r) => fmt.n(r.logins.okPerSecond, 1))],
    ['sign-in latency p50 / p99', ...col((r) => `${r.logins.p50Ms} / ${r.logins.p99Ms} ms`)],
    ['hashing limit of the fastest bcrypt (cores ÷ its per-hash time, same run)', ...col((r) => `${fmt.n(fastest(r).limitPerSecond, 1)}/s (${fastest(r).name.split(' ')[0]}, ${fmt.n(fastest(r).perHashMs, 1)} ms/hash)`)],
    [`**sign-ins ÷ hashing limit** (target ≥ ${fmt.pct(TARGETS.loginsOfLimit)})`, ...col((r) => fmt.pct(r.logins.okPerSecond / fastest(r).limitPerSecond) + mark(r.logins.okPerSecond / fastest(r).limitPerSecond >= TARGETS.loginsOfLimit))],
    ['the hasher in use alone: per hash on one thread; all threads busy', ...col((r) => `${fmt.n(r.perHashMs, 1)} ms; ${fmt.n(r.saturatedPerSecond, 1)}/s (sign-ins are ${fmt.pct(r.logins.okPerSecond / r.saturatedPerSecond)})`)],
    [`**event-loop delay p99** (max) during sign-in saturation (target < ${TARGETS.delayP99Ms} ms)`, ...col((r) => `${r.delayP99Ms} (${r.delayMaxMs}) ms${mark(r.delayP99Ms < TARGETS.delayP99Ms)}`)],
    [`**\`GET /api/users/me\` p99** alongside sign-in saturation (target < ${TARGETS.meP99Ms} ms)`, ...col((r) => `${r.meAlongside.p99Ms} ms${mark(r.meAlongside.p99Ms < TARGETS.meP99Ms)}`)],
    ['`GET /api/users/me` req/s alone (16 connections), p99', ...col((r) => `${fmt.n(r.meAlone.okPerSecond)}/s, ${r.meAlone.p99Ms} ms`)],
    [`**/me ÷ hello-world** ${fmt.n(hello)}/s, same run (target ≥ ${fmt.pct(TARGETS.meOfHello)})`, ...col((r) => fmt.pct(r.meAlone.okPerSecond / hello) + mark(r.meAlone.okPerSecond / hello >= TARGETS.meOfHello))],
    ['`/me` alone with both token-check caches off (`ACCESS_TOKEN_CACHE_SIZE=0 USER_CACHE_TTL_MS=0`), ÷ hello-world', ...col((r) => `${fmt.n(r.meCachesOff.okPerSecond)}/s, ${fmt.pct(r.meCachesOff.okPerSecond / hello)}`)],
    [`**refreshes** (\`type: "refresh_token"\`, ${REFRESH_CONNECTIONS} connections, ${seconds} s; target ≥ ${fmt.n(TARGETS.refreshSqlite)}/s SQLite, ≥ ${fmt.n(TARGETS.refreshPostgres)}/s PostgreSQL, p99 < ${TARGETS.refreshP99Ms} ms)`, ...col(refreshCell)],
    ['event-loop delay p99 during the refresh phase', ...col((r) => (r.refresh ? `${r.refresh.delayP99Ms} ms` : ''))],
    [`**peak RSS** of the Gatehouse process (target < ${TARGETS.peakRssMb} MB)`, ...col((r) => `${r.peakRssMb} MB${mark(r.peakRssMb < TARGETS.peakRssMb)}`)],
    ['non-2xx / errors (sign-ins; /me; refreshes)', ...col((r) => `${r.logins.non2xx}/${r.logins.errors}; ${r.meAlone.non2xx + r.meAlongside.non2xx}/${r.meAlone.errors + r.meAlongside.errors}; ${r.refresh ? `${r.refresh.non2xx}/${r.refresh.errors}` : '–'}`)],
  ];
}

function raceTable(results: BenchResults): string {
  const names = results.scenarios[0]?.race.map((c) => c.name) ?? [];
  const rows: Row[] = names.map((name) => [
    name,
    ...results.scenarios.map((r) => {
      const c = r.race.find((x) => x.name === name);
      return c ? `${fmt.n(c.perHashMs, 1)} ms → ${fmt.n(c.limitPerSecond, 1)}/s` : 'n/a';
    }),
  ]);
  return markdownTable(['bcrypt cost 10, one verification on one thread (median, interleaved) → limit', ...results.scenarios.map((r) => r.label)], rows);
}

export function render(results: BenchResults, note: string): string {
  const { jwt } = results;
  const jwtRows: Row[] = [
    ['sign', `${fmt.n(jwt.signPem)}/s`, `${fmt.n(jwt.signKeyObject)}/s`],
    ['verify', `${fmt.n(jwt.verifyPem)}/s`, `${fmt.n(jwt.verifyKeyObject)}/s`],
  ];
  const flags = results.v8Flags.length ? results.v8Flags.join(' ') : 'none';
  return [
    `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC with \`npm run bench\` on ${results.machine}; V8 flags: ${flags}.${results.quick ? ' **Quick run (--quick): a check of the bench, not figures.**' : ''}`,
    note ? `\n**Note:** ${note}\n` : '',
    'Figures against a target are in bold; ✗ marks a missed target.\n',
    markdownTable(['', ...results.scenarios.map((r) => r.label)], scenarioRows(results, results.seconds)),
    results.pg ? '' : '\nPostgreSQL was not reachable: its column is missing.',
    '\nThe bcrypt implementations side by side, in the same run (the fastest sets the hashing limit above):\n',
    raceTable(results),
    '\nRS256 with jsonwebtoken 9 (what @nestjs/jwt and passport-jwt call), one thread, 1 s each:\n',
    markdownTable(['', 'PEM string', 'KeyObject (what Gatehouse passes)'], jwtRows),
  ].join('\n');
}
