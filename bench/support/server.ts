import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

/** The Node binary servers are started with: this one, or BENCH_NODE (bench/v8-ab.ts on another Node line). */
export const SERVER_NODE = process.env.BENCH_NODE ?? process.execPath;

export interface ProbeReport {
  delayP50Ms: number;
  delayP99Ms: number;
  delayMaxMs: number;
  peakRssMb: number;
  rssMb: number;
  heapTotalMb: number;
}

/** A server process started by the bench (Gatehouse from dist, or the hello-world), stopped by its own pid. */
export class BenchServer {
  private output = '';

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {
    child.stdout?.on('data', (d: Buffer) => (this.output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (this.output += d.toString()));
  }

  static async start(args: string[], env: Record<string, string>, readyPath: string): Promise<BenchServer> {
    const port = await freePort();
    const child = spawn(SERVER_NODE, args, {
      cwd: ROOT,
      env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const server = new BenchServer(child, `http://127.0.0.1:${port}`);
    await server.waitReady(readyPath);
    return server;
  }

  get pid(): number {
    return this.child.pid!;
  }

  get log(): string {
    return this.output;
  }

  /** Asks the event-loop probe (bench/support/eventloop-probe.js) for its figures; `reset` starts a new window. */
  probe(command: 'reset' | 'report'): Promise<ProbeReport> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the event-loop probe did not answer')), 5000);
      const onMessage = (m: { probe?: string } & ProbeReport) => {
        if (m?.probe !== command) return;
        clearTimeout(timer);
        this.child.off('message', onMessage);
        resolve(m);
      };
      this.child.on('message', onMessage);
      this.child.send({ probe: command });
    });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = once(this.child, 'exit');
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10000);
    await exited;
    clearTimeout(timer);
  }

  private async waitReady(path: string): Promise<void> {
    const deadline = Date.now() + 120000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`server exited (${this.child.exitCode}):\n${this.output}`);
      try {
        await fetch(this.url + path);
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    await this.stop();
    throw new Error(`server not ready after 120 s:\n${this.output}`);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Runs `work` on a started server; its log is printed if the work fails; server and database go either way. */
export async function usingServer<T>(server: BenchServer, db: { drop(): Promise<void> }, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    console.error(server.log);
    throw e;
  } finally {
    await server.stop();
    await db.drop();
  }
}
