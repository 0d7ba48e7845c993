import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { BENCH_PASSWORD, benchEmail, loginBody, seedThroughApi } from '../support/gatehouse';
import { BenchServer, ROOT } from '../support/server';
import { importedEmail } from './import-file';

export interface CliRun {
  /** Lines per second as the CLI measured it (from its first request to its last answer). */
  perSecond: number;
  seconds: number;
  created: number;
  unchanged: number;
  failed: number;
  split: string;
  exitCode: number;
  /** The server's resident set size, and its main thread's V8 heap, sampled every second during the run, MB. */
  rss: number[];
  heap: number[];
  peakRssMb: number;
}

/** `node dist/cli/import/main.js <file> --url …` (the built CLI, as `npm run import` runs it), with RSS sampling. */
export async function runCli(server: BenchServer, file: string, statePath: string): Promise<CliRun> {
  const args = ['dist/cli/import/main.js', file, '--url', server.url, '--no-progress', '--state', statePath, '--report', `${statePath}.failed`];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const rss: number[] = [];
  const heap: number[] = [];
  const sampler = setInterval(() => void server.probe('report').then((p) => {
    rss.push(p.rssMb);
    heap.push(p.heapTotalMb);
  }, () => undefined), 1000);
  const exitCode = await new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
  clearInterval(sampler);
  const done = /Done: (\d+) of \d+ lines in ([\d.]+) s \((\d+) lines\/s\)/.exec(stderr);
  const counts = /created (\d+), updated \d+, unchanged (\d+), failed (\d+)/.exec(stderr);
  if (!done || !counts) throw new Error(`the import did not finish (exit ${exitCode}):\n${stderr}`);
  return {
    perSecond: Number(done[3]),
    seconds: Number(done[2]),
    created: Number(counts[1]),
    unchanged: Number(counts[2]),
    failed: Number(counts[3]),
    split: /server time: (.*)/.exec(stderr)?.[1] ?? 'n/a',
    exitCode,
    rss,
    heap,
    peakRssMb: (await server.probe('report')).peakRssMb,
  };
}

export interface Latency {
  p50Ms: number;
  p90Ms: number;
}

/**
 * Sign-in latency of `n` imported users against `n` users created one by one through PUT /api/users (plain
 * password, hashed by the server), one sign-in at a time, the two kinds interleaved in random order so that drift
 * hits both alike. Each user signs in for the first time: an imported user's first sign-in is the one that would
 * pay for padding or a rehash.
 */
export async function signInLatency(server: BenchServer, importedUsers: number, n: number): Promise<{ imported: Latency; oneByOne: Latency }> {
  await seedThroughApi(server, n);
  const imported = Array.from({ length: n }, (_, k) => importedEmail(Math.floor((k * importedUsers) / n)));
  const oneByOne = Array.from({ length: n }, (_, k) => benchEmail(k));
  const attempts = [...imported.map((e) => ['imported', e]), ...oneByOne.map((e) => ['oneByOne', e])].sort(() => Math.random() - 0.5);
  const times: Record<string, number[]> = { imported: [], oneByOne: [] };
  for (const [kind, email] of attempts) {
    const started = performance.now();
    const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: loginBody(email) });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`sign-in of ${email} (${BENCH_PASSWORD}): ${res.status}`);
    times[kind].push(performance.now() - started);
  }
  return { imported: percentiles(times.imported), oneByOne: percentiles(times.oneByOne) };
}

function percentiles(values: number[]): Latency {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] * 10) / 10;
  return { p50Ms: at(0.5), p90Ms: at(0.9) };
}

/** RSS flatness: the median of the first and of the last quarter of the samples (after the first 10%), and the range. */
export function flatness(rss: number[]): string {
  const steady = rss.slice(Math.floor(rss.length / 10));
  if (steady.length < 4) return `${rss.join(', ')} MB (too short to judge)`;
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const quarter = Math.floor(steady.length / 4);
  return `${median(steady.slice(0, quarter))} → ${median(steady.slice(-quarter))} MB (first → last quarter; range ${Math.min(...steady)}–${Math.max(...steady)} MB, ${rss.length} samples)`;
}
