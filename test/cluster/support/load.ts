import { performance } from 'node:perf_hooks';
import { CLIENT, passwordLogin, refreshBody, SYSTEM_CTX } from '../../support/seed';

/** One request of the load and how it ended: status 0 when no HTTP answer came (connection refused or reset). */
export interface Sent {
  kind: 'sync' | 'sign-in' | 'refresh';
  started: number;
  ended: number;
  status: number;
  /** The e-mail a sync wrote, or the refresh token a sign-in or refresh handed out (to find it in the database). */
  wrote?: string;
  /** Why no answer came (the network error's code). */
  error?: string;
}

export interface LoadOptions {
  url: string;
  workers: number;
  /** The load goes on until this resolves (each worker finishes the request it is in). */
  until: Promise<unknown>;
  /** Makes e-mails unique across runs on one database. */
  runId: string;
  /** At most this many requests per worker, whatever happens (a bound on any run). */
  maxPerWorker?: number;
  /** Where each request is recorded as it ends (the test watches the load progress there). */
  log: Sent[];
}

const PASSWORD = 'Load-passw0rd-1';

interface Answer {
  status: number;
  body: Record<string, unknown>;
  error?: string;
}

async function send(url: string, method: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  try {
    const res = await fetch(url, { method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body), signal: AbortSignal.timeout(20_000) });
    const text = await res.text();
    return { status: res.status, body: text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : {} };
  } catch (e) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    return { status: 0, body: {}, error: cause?.code ?? cause?.message ?? (e as Error).message };
  }
}

/** Sends one request and records it. */
async function timed(log: Sent[], kind: Sent['kind'], call: () => Promise<Answer>, wrote: (body: Record<string, unknown>) => string | undefined) {
  const started = performance.now();
  const res = await call();
  log.push({ kind, started, ended: performance.now(), status: res.status, wrote: res.status === 200 ? wrote(res.body) : undefined, error: res.error });
  return res;
}

/**
 * The traffic of the cluster test, through the load balancer, by `workers` concurrent clients: each creates a user
 * (a sync), signs it in and refreshes its session, again and again. Every account signs in once, so the
 * per-account rate limit never applies. Each worker has one request in flight at a time.
 */
export async function runLoad(options: LoadOptions): Promise<Sent[]> {
  const { log } = options;
  let done = false;
  void options.until.then(() => (done = true));
  const worker = async (w: number) => {
    for (let i = 0; !done && i < (options.maxPerWorker ?? 10_000); i++) {
      const email = `load-${options.runId}-${w}-${i}@example.test`;
      const sync = await timed(log, 'sync', () => send(`${options.url}/api/users`, 'PUT', { email, password: PASSWORD }, { 'x-user-ctx': SYSTEM_CTX }), () => email);
      if (sync.status !== 200 || done) continue;
      const login = await timed(log, 'sign-in', () => send(`${options.url}/api/auth/login`, 'POST', passwordLogin(email, PASSWORD, CLIENT)), (b) => b.refreshToken as string);
      if (login.status !== 200 || done) continue;
      await timed(log, 'refresh', () => send(`${options.url}/api/auth/login`, 'POST', refreshBody(login.body.refreshToken as string, CLIENT)), (b) => b.refreshToken as string);
    }
  };
  await Promise.all(Array.from({ length: options.workers }, (_, w) => worker(w)));
  return log;
}

/**
 * The requests that got no success, and those of them in flight when an instance died somewhere between `from` and
 * `to` (sent before `to`, answered after `from`).
 */
export function failuresAround(log: Sent[], from: number, to: number): { failed: Sent[]; inFlight: Sent[] } {
  const failed = log.filter((s) => s.status !== 200);
  return { failed, inFlight: failed.filter((s) => s.started <= to && s.ended >= from) };
}
