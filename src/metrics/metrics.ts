import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { processRegistry } from './process-metrics';

/** What a second-factor challenge came to (the two-factor flow reports each one). */
export type MfaChallengeResult = 'issued' | 'succeeded' | 'failed';
export type RefreshRotationResult = 'rotated' | 'reused' | 'refused';
export type HashOperation = 'hash' | 'verify';
/** The PostgreSQL pool as pg reports it. */
export interface PoolState {
  total: number;
  idle: number;
  waiting: number;
  max: number;
}

/** bcrypt between cost 4 (~1 ms) and 14 (~1.5 s on a server core). */
const HASH_BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.4, 0.8, 1.6, 3.2];

/**
 * The application's Prometheus metrics, one registry per application (two apps in one process, as in the tests,
 * never add to each other's counters). Every label value comes from a small fixed set (route templates, methods,
 * status codes, error codes of the catalogue): never a user id, an e-mail address, a client address or a token,
 * which would leak personal data to whoever reads the metrics and make the series count unbounded.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly requests = new Histogram({
    name: 'gatehouse_http_request_duration_seconds',
    help: 'HTTP requests by route template, method and status, from the first byte read to the last byte sent',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  private readonly signIns = this.counter('gatehouse_sign_ins_total', 'Sign-ins by method (password, google) and result (succeeded, failed), with the reason of a failure', ['method', 'result', 'reason']);
  private readonly lockouts = this.counter('gatehouse_lockouts_total', 'Accounts locked automatically after LOCKOUT_THRESHOLD failed passwords', []);
  private readonly rateLimited = this.counter('gatehouse_rate_limited_total', 'Sign-in requests refused with 429, by the limit that refused them (login-ip, login-account)', ['limit']);
  private readonly mfaChallenges = this.counter('gatehouse_mfa_challenges_total', 'Second-factor challenges by result (issued, succeeded, failed)', ['result']);
  private readonly refreshRotations = this.counter('gatehouse_refresh_rotations_total', 'Refresh-token exchanges by result: rotated, reused (a rotated token presented again: the family is revoked), refused', ['result']);
  private readonly hashSeconds = new Histogram({
    name: 'gatehouse_password_hash_duration_seconds',
    help: 'Time a hashing thread spent on one bcrypt hash or verification (the wait for a thread is not included)',
    labelNames: ['operation'] as const,
    buckets: HASH_BUCKETS,
    registers: [this.registry],
  });
  private readonly hashQueue = this.gauge('gatehouse_password_hash_queue', 'Password hashes and verifications waiting for a hashing thread', []);
  private readonly notReady = this.counter('gatehouse_readiness_failures_total', 'Readiness probes (GET /health/ready) answered 503, by reason: database (unreachable), shutting_down', ['reason']);
  private readonly pool = this.gauge('gatehouse_db_pool_connections', 'PostgreSQL connections of this instance by state (in_use, idle, waiting for one, max); absent on SQLite', ['state']);
  private readHashQueue: () => number = () => 0;
  private readPool: () => PoolState | null = () => null;

  /** The text Prometheus scrapes: this application's metrics, then the process's. */
  async text(): Promise<string> {
    this.hashQueue.set(this.readHashQueue());
    this.updatePool(this.readPool());
    return `${await this.registry.metrics()}\n${await processRegistry().metrics()}`;
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  request(method: string, route: string, status: number, seconds: number): void {
    this.requests.observe({ method, route, status: String(status) }, seconds);
  }

  signIn(method: string, result: 'succeeded' | 'failed', reason = ''): void {
    this.signIns.inc({ method, result, reason });
  }

  lockout(): void {
    this.lockouts.inc();
  }

  rateLimit(limit: string): void {
    this.rateLimited.inc({ limit });
  }

  /** For the two-factor flow: one call per challenge issued, and one per answer checked. */
  mfaChallenge(result: MfaChallengeResult): void {
    this.mfaChallenges.inc({ result });
  }

  refreshRotation(result: RefreshRotationResult): void {
    this.refreshRotations.inc({ result });
  }

  /** A readiness probe answered 503. */
  notReadyProbe(reason: 'database' | 'shutting_down'): void {
    this.notReady.inc({ reason });
  }

  passwordHashed(operation: HashOperation, seconds: number): void {
    this.hashSeconds.observe({ operation }, seconds);
  }

  /** Where the hash queue length is read at each scrape. */
  watchHashQueue(read: () => number): void {
    this.readHashQueue = read;
  }

  /** Where the database pool is read at each scrape (null: not a pool, as on SQLite). */
  watchDatabasePool(read: () => PoolState | null): void {
    this.readPool = read;
  }

  private updatePool(state: PoolState | null): void {
    if (!state) return;
    this.pool.set({ state: 'in_use' }, state.total - state.idle);
    this.pool.set({ state: 'idle' }, state.idle);
    this.pool.set({ state: 'waiting' }, state.waiting);
    this.pool.set({ state: 'max' }, state.max);
  }

  private counter<L extends string>(name: string, help: string, labelNames: readonly L[]): Counter<L> {
    return new Counter({ name, help, labelNames, registers: [this.registry] });
  }

  private gauge<L extends string>(name: string, help: string, labelNames: readonly L[]): Gauge<L> {
    return new Gauge({ name, help, labelNames, registers: [this.registry] });
  }
}
