import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';
import { perBlock } from './per-block';

/** A key that can sign test tokens; `kid` is what goes in the JWT header. */
export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

/**
 * How the server answers GET on the JWKS path:
 * - ok: the published keys;
 * - http_500: a 500, like a key server having a bad day;
 * - invalid_json: a 200 whose body is not JSON;
 * - hang: never answers (for client timeouts); close() still returns.
 */
export type JwksServerBehaviour = 'ok' | 'http_500' | 'invalid_json' | 'hang';

export interface JwksServer {
  /** URL of the JWKS document (http://127.0.0.1:<port>/oauth2/v3/certs). */
  readonly url: string;
  /** How many times the JWKS document has been requested. */
  readonly requestCount: number;
  /** Generates an RSA-2048 key and publishes its public half. */
  addKey(): Promise<SigningKey>;
  removeKey(kid: string): void;
  setFailing(failing: boolean): void;
  setBehaviour(behaviour: JwksServerBehaviour): void;
  close(): Promise<void>;
}

const JWKS_PATH = '/oauth2/v3/certs';

/** An RS256 key pair that is not published anywhere unless you publish it. */
export async function generateSigningKey(kid: string = randomUUID()): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { modulusLength: 2048 });
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  return { kid, privateKey, publicJwk };
}

/** Local stand-in for https://www.googleapis.com/oauth2/v3/certs, on 127.0.0.1 only. */
export async function startJwksServer(): Promise<JwksServer> {
  const keys = new Map<string, JWK>();
  let requestCount = 0;
  let behaviour: JwksServerBehaviour = 'ok';

  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url !== JWKS_PATH) {
      res.writeHead(404).end();
      return;
    }
    requestCount += 1;
    switch (behaviour) {
      case 'hang':
        return;
      case 'http_500':
        res.writeHead(500, { 'content-type': 'text/plain' }).end('internal error');
        return;
      case 'invalid_json':
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"keys": [');
        return;
      case 'ok':
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ keys: [...keys.values()] }));
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}${JWKS_PATH}`,
    get requestCount() {
      return requestCount;
    },
    async addKey() {
      const key = await generateSigningKey();
      keys.set(key.kid, key.publicJwk);
      return key;
    },
    removeKey(kid) {
      keys.delete(kid);
    },
    setFailing(failing) {
      behaviour = failing ? 'http_500' : 'ok';
    },
    setBehaviour(next) {
      behaviour = next;
    },
    close() {
      return new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // Keep-alive and hanging requests would otherwise hold close() open.
        server.closeAllConnections();
      });
    },
  };
}

/** A describe block's JWKS server and the key it publishes: started before the block's tests, closed after them. */
export interface JwksFixture {
  readonly server: JwksServer;
  readonly key: SigningKey;
}

export function useJwksServer(): JwksFixture {
  const current = perBlock(
    'the JWKS server',
    async () => {
      const server = await startJwksServer();
      return { server, key: await server.addKey() };
    },
    ({ server }) => server.close(),
  );
  return {
    get server() {
      return current().server;
    },
    get key() {
      return current().key;
    },
  };
}
