import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import request from 'supertest';
import { waitFor } from './poll';
import { freePort, stopProcess } from './processes';

/** A Gatehouse started as its own process, as a second instance behind a load balancer would be. */
export interface ChildInstance {
  url: string;
  http: () => ReturnType<typeof request>;
  stop(): Promise<void>;
}

const ROOT = join(__dirname, '..', '..');
const START_TIMEOUT_MS = 90_000;

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
  return { url, http: () => request(url), stop: () => stopProcess(child) };
}

async function waitUntilUp(child: ChildProcess, url: string, stderr: () => string): Promise<void> {
  const answers = async () => {
    if (child.exitCode !== null) throw new Error(`instance exited with ${child.exitCode}: ${stderr()}`);
    try {
      const res = await fetch(`${url}/docs-json`);
      await res.arrayBuffer(); // read to the end, so the connection is not left waiting on it
      return res.ok;
    } catch {
      return false; // not listening yet
    }
  };
  try {
    await waitFor(`the instance at ${url}`, answers, { timeoutMs: START_TIMEOUT_MS, intervalMs: 100 });
  } catch (e) {
    await stopProcess(child, 'SIGKILL');
    throw new Error(`${(e as Error).message}: ${stderr()}`);
  }
}
