import { request } from 'node:http';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
}

/**
 * A real HTTP request over a socket bound to `localAddress` (any 127.0.0.0/8 address works on Linux loopback),
 * so the server sees that address as the TCP peer.
 */
export function httpFrom(
  localAddress: string,
  url: string,
  init: { method: string; headers?: Record<string, string>; body?: unknown },
): Promise<RawResponse> {
  const payload = init.body === undefined ? undefined : JSON.stringify(init.body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: init.method,
        localAddress,
        headers: { ...(payload ? { 'content-type': 'application/json' } : {}), ...init.headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
