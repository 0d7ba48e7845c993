import { request } from 'node:http';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
}

export interface RawRequest {
  method: string;
  headers?: Record<string, string>;
  /** Sent as JSON. */
  body?: unknown;
  /** Bind the socket to this local address (any 127.0.0.0/8 address works on Linux loopback). */
  localAddress?: string;
  /** Called once the whole request has been handed to the socket. */
  onSent?: () => void;
}

/** A real HTTP request over its own socket, with the JSON body parsed (a server in another process, a chosen peer). */
export function rawRequest(url: string, init: RawRequest): Promise<RawResponse> {
  const payload = init.body === undefined ? undefined : JSON.stringify(init.body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: init.method,
        localAddress: init.localAddress,
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
    if (init.onSent) req.on('finish', init.onSent);
    req.end(payload);
  });
}

/** A request from `localAddress`, so the server sees that address as the TCP peer. */
export function httpFrom(localAddress: string, url: string, init: Omit<RawRequest, 'localAddress'>): Promise<RawResponse> {
  return rawRequest(url, { ...init, localAddress });
}
