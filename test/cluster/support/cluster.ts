import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import request from 'supertest';
import type { HasHttp } from '../../support/test-app';
import { waitFor } from '../../support/poll';
import { freePort, stopProcess } from '../../support/processes';

const ROOT = join(__dirname, '..', '..', '..');
export const HAPROXY_CONFIG = join(ROOT, 'docs', 'haproxy.cfg');
const START_TIMEOUT_MS = 120_000;

/** One Gatehouse instance: the built service (`node dist/src/main.js`, as production runs it) on a port of its own. */
export class Instance {
  private child: ChildProcess | null = null;
  private stderr = '';

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts the process and resolves once it answers /health/ready. */
  async start(): Promise<void> {
    this.stderr = '';
    const child = spawn(process.execPath, ['--no-allocation-site-pretenuring', '--heap-growing-percent=100', join(ROOT, 'dist/src/main.js')], {
      // A scratch directory: no developer .env is read.
      cwd: process.env.GATEHOUSE_TEST_TMP,
      env: { ...process.env, ...this.env, PORT: String(this.port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.child = child;
    await waitFor(`${this.name} to be ready`, async () => {
      if (child.exitCode !== null) throw new Error(`${this.name} exited with ${child.exitCode}: ${this.stderr}`);
      return (await statusOf(`${this.url}/health/ready`)) === 200;
    }, { timeoutMs: START_TIMEOUT_MS, intervalMs: 50 });
  }

  /** SIGKILL: the process is gone at once, with whatever it had in flight. */
  async kill(): Promise<void> {
    if (this.child) await stopProcess(this.child, 'SIGKILL');
  }

  /** SIGTERM, and the exit code once it has drained and closed. */
  async terminate(): Promise<number | null> {
    const child = this.child;
    if (!child || child.exitCode !== null) return child?.exitCode ?? null;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code] = (await exited) as [number | null];
    return code;
  }
}

/** HAProxy with docs/haproxy.cfg, its addresses in the environment as that file expects them. */
export class LoadBalancer {
  private child: ChildProcess | null = null;
  private output = '';

  constructor(
    readonly port: number,
    readonly statsPort: number,
    private readonly backends: Instance[],
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const env: Record<string, string> = { GATEHOUSE_BIND: `127.0.0.1:${this.port}`, HAPROXY_STATS_BIND: `127.0.0.1:${this.statsPort}` };
    this.backends.forEach((b, i) => (env[`GATEHOUSE_${i + 1}`] = `127.0.0.1:${b.port}`));
    const child = spawn('haproxy', ['-db', '-f', HAPROXY_CONFIG], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.child = child;
    await waitFor('HAProxy to see every instance up', async () => {
      if (child.exitCode !== null) throw new Error(`haproxy exited with ${child.exitCode}: ${this.output}`);
      return this.allUp().catch(() => false); // the stats page is not up yet
    }, { timeoutMs: 30_000, intervalMs: 50 });
  }

  /** Each server's status as HAProxy's stats page says it (UP, DOWN, …), by instance name. */
  async serverStates(): Promise<Record<string, string>> {
    const res = await fetch(`http://127.0.0.1:${this.statsPort}/stats;csv`);
    const rows = (await res.text()).split('\n').map((line) => line.split(','));
    const status = rows[0].indexOf('status');
    return Object.fromEntries(rows.filter((r) => r[0] === 'gatehouse' && r[1].startsWith('gatehouse-')).map((r) => [r[1], r[status].split(' ')[0]]));
  }

  async allUp(): Promise<boolean> {
    const states = await this.serverStates();
    return this.backends.every((b) => states[b.name] === 'UP');
  }

  async waitUntil(name: string, state: 'UP' | 'DOWN'): Promise<void> {
    await waitFor(`HAProxy to see ${name} ${state}`, async () => (await this.serverStates())[name] === state, { timeoutMs: 60_000, intervalMs: 20 });
  }

  async stop(): Promise<void> {
    if (this.child) await stopProcess(this.child, 'SIGTERM');
  }
}

/** The status of a GET, or 0 when no answer came (refused, reset). */
export async function statusOf(url: string, headers: Record<string, string> = {}): Promise<number> {
  try {
    const res = await fetch(url, { headers, signal: AbortSignal.timeout(5000) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

/** Three instances on free ports, named as docs/haproxy.cfg names its servers. */
export async function threeInstances(env: Record<string, string>): Promise<Instance[]> {
  const ports = [await freePort(), await freePort(), await freePort()];
  return ports.map((port, i) => new Instance(`gatehouse-${i + 1}`, port, env));
}

/** supertest bound to a URL (an instance, or the load balancer), as the shared factories take it. */
export function httpOf(url: string): HasHttp {
  return { http: () => request(url) };
}
