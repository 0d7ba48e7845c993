import autocannon, { Options, Request } from 'autocannon';

export interface LoadResult {
  /** 2xx responses per second over the whole phase. */
  okPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
}

/** One bounded autocannon phase; `bodies`/`headers` rotate through the given values, one per request. */
export async function load(opts: {
  url: string;
  method?: 'GET' | 'POST' | 'PUT';
  connections: number;
  seconds: number;
  overallRate?: number;
  bodies?: string[];
  headers?: Record<string, string>[];
}): Promise<LoadResult> {
  let i = 0;
  const request: Request = {
    method: opts.method ?? 'GET',
    setupRequest: (req: Request) => {
      const n = i++;
      const headers = { 'content-type': 'application/json', ...(opts.headers ? opts.headers[n % opts.headers.length] : {}) };
      return { ...req, headers, ...(opts.bodies ? { body: opts.bodies[n % opts.bodies.length] } : {}) };
    },
  };
  const options: Options = {
    url: opts.url,
    connections: opts.connections,
    duration: opts.seconds,
    requests: [request],
    ...(opts.overallRate ? { overallRate: opts.overallRate } : {}),
  };
  const r = await autocannon(options);
  return {
    okPerSecond: r['2xx'] / r.duration,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
  };
}

/**
 * Refresh-token rotation under load: every request spends one token and the answer carries its successor, so each
 * token is used once. `tokens` are the starting tokens (one session each); a request takes a free session, and its
 * answer puts the session back with the new token. A refused session (non-2xx) is dropped; `live` are
 * the sessions' latest tokens at the end (those in flight when the phase ended are left out).
 */
export async function refreshLoad(opts: { url: string; connections: number; seconds: number; tokens: string[]; body: (token: string) => string }): Promise<LoadResult & { live: string[] }> {
  const tokens = [...opts.tokens];
  const free = tokens.map((_, i) => i);
  type Ctx = { slot?: number };
  const request: Request = {
    method: 'POST',
    setupRequest: (req: Request, context: Ctx) => {
      const slot = free.shift();
      if (slot === undefined) throw new Error('refresh bench: every session is in flight or refused');
      context.slot = slot;
      return { ...req, headers: { 'content-type': 'application/json' }, body: opts.body(tokens[slot]) };
    },
    onResponse: (status: number, body: string, context: Ctx) => {
      if (context.slot === undefined || status !== 200) return;
      tokens[context.slot] = (JSON.parse(body) as { refreshToken: string }).refreshToken;
      free.push(context.slot);
    },
  } as Request;
  const r = await autocannon({ url: opts.url, connections: opts.connections, duration: opts.seconds, requests: [request] });
  return { okPerSecond: r['2xx'] / r.duration, p50Ms: r.latency.p50, p99Ms: r.latency.p99, non2xx: r.non2xx, errors: r.errors, live: free.map((slot) => tokens[slot]) };
}
