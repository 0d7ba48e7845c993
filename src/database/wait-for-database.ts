import { Client } from 'pg';
import { StartupError } from '../common/process/startup-error';
import { DatabaseConfig } from '../config/database.config';
import { isDatabaseUnavailable } from '../common/errors/database-errors';

/** Backoff between attempts: 250 ms, doubling, at most 5 s (a database starting up is usually there within seconds). */
const FIRST_DELAY_MS = 250;
const MAX_DELAY_MS = 5000;
/** One attempt's own limit, as the pool's (typeorm-options.ts): a host that never answers costs this per try. */
const ATTEMPT_TIMEOUT_MS = 5000;
/** Even the last attempt before the deadline gets this long, so it can succeed rather than time out by construction. */
const MIN_ATTEMPT_TIMEOUT_MS = 1000;

/** Host, port and database name only: the URL's user and password never reach a log line or an error. */
export function describeDatabase(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'the configured PostgreSQL server';
  }
}

/** What went wrong, for a log line: the driver's first line (without any URL in it), with its code if it lacks one. */
function reasonOf(e: unknown): string {
  const code = (e as { code?: unknown })?.code;
  const text = (e as { message?: unknown })?.message;
  const message = (typeof text === 'string' ? text : String(e)).split('\n')[0].replace(/\w+:\/\/\S*/g, '<url>');
  return typeof code === 'string' && !message.includes(code) ? `${code}: ${message}` : message;
}

async function tryConnect(url: string, timeoutMs: number): Promise<unknown> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined); // a failed connect also rejects connect(); that is where it is handled
  try {
    await client.connect();
    return null;
  } catch (e) {
    return e;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * At start-up, waits for PostgreSQL for up to DATABASE_CONNECT_TIMEOUT, retrying with backoff and logging one line
 * per failed try, so a service started alongside its database (compose, Kubernetes) comes up once the database
 * does. Errors that waiting cannot fix (bad password, no such database) stop start-up at once. SQLite is a file:
 * nothing to wait for. Gives up with a one-line StartupError.
 */
export async function waitForDatabase(db: DatabaseConfig, log: (line: string) => void): Promise<void> {
  if (db.kind !== 'postgres') return;
  const where = describeDatabase(db.url);
  const deadline = Date.now() + db.connectTimeoutMs;
  for (let attempt = 1, delay = FIRST_DELAY_MS; ; attempt++, delay = Math.min(delay * 2, MAX_DELAY_MS)) {
    const error = await tryConnect(db.url, Math.min(ATTEMPT_TIMEOUT_MS, Math.max(MIN_ATTEMPT_TIMEOUT_MS, deadline - Date.now())));
    if (!error) {
      if (attempt > 1) log(`Database ${where} reachable after ${attempt} attempts`);
      return;
    }
    if (!isDatabaseUnavailable(error)) throw new StartupError(`DATABASE_URL: cannot use the database ${where} (${reasonOf(error)})`);
    const left = deadline - Date.now();
    if (left <= 0) {
      throw new StartupError(
        `DATABASE_URL: the database ${where} was still unreachable after ${db.connectTimeoutMs} ms (DATABASE_CONNECT_TIMEOUT), ${attempt} attempts (${reasonOf(error)})`,
      );
    }
    const wait = Math.min(delay, left);
    log(`Database ${where} unreachable (${reasonOf(error)}), attempt ${attempt}; retrying in ${wait} ms`);
    await sleep(wait);
  }
}
