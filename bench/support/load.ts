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
