import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import request from 'supertest';

/** A Gatehouse started as its own process, as a second instance behind a load balancer would be. */
export interface ChildInstance {
  url: string;
  http: () => ReturnType<typeof request>;
  stop(): Promise<void>;
}

const ROOT = join(__dirname, '..', '..');
const START_TIMEOUT_MS = 90_000;

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

/**
 * Why a process and not a second app in this one: @nestjs/passport registers strategies on passport's global
 * instance, so a second in-process app takes over the first one's login strategy (and with it its services and
 * memory state), which would make any "two instances" test prove nothing.
 */
export async function startChildInstance(env: Record<string, string>): Promise<ChildInstance> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  await waitUntilUp(child, url, () => stderr);
  return {
    url,
    http: () => request(url),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

async function waitUntilUp(child: ChildProcess, url: string, stderr: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`instance exited with ${child.exitCode}: ${stderr()}`);
    try {
      if ((await fetch(`${url}/docs-json`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`instance did not start within ${START_TIMEOUT_MS} ms: ${stderr()}`);
}
