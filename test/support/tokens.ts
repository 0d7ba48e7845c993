import { createPrivateKey, createPublicKey, KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { base64url, calculateJwkThumbprint, type CryptoKey, type JWK, type JWTHeaderParameters, SignJWT } from 'jose';
import { rsaPrivateKey } from './keys';

/** The key the test app signs with (test/support/setup-env.ts writes it), and its published forms. */
export interface ServiceKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicPem: string;
  publicJwk: JWK;
  kid: string;
}

export async function serviceKey(): Promise<ServiceKey> {
  const privateKey = createPrivateKey(readFileSync(process.env.JWT_PRIVATE_KEY_FILE as string, 'utf8'));
  const publicKey = createPublicKey(privateKey);
  const publicJwk = publicKey.export({ format: 'jwk' }) as JWK;
  return {
    privateKey,
    publicKey,
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    publicJwk,
    kid: await calculateJwkThumbprint(publicJwk, 'sha256'),
  };
}

/** An RSA key the service has never seen. */
export function foreignRsaKey(): KeyObject {
  return rsaPrivateKey();
}

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** The record without its undefined entries: a claim or header field set to undefined is left out of a token. */
export function withoutUndefined<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}

const encodeJson = (value: unknown): string => base64url.encode(JSON.stringify(value));
const jwtHeader = (alg: string, header: Record<string, unknown>) => withoutUndefined({ alg, typ: 'JWT', ...header }) as JWTHeaderParameters;

/** The claims Gatehouse itself puts in an access token for `sub`, with overrides (undefined removes a claim). */
export function accessClaims(sub: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const iat = nowSeconds();
  const claims: Record<string, unknown> = {
    sub,
    iss: 'gatehouse',
    aud: 'client-app-id',
    iat,
    exp: iat + 300,
    jti: `test-${iat}`,
    email: 'x@example.test',
    upn: 'x@example.test',
    groups: ['user'],
    c_hash: 'user_test',
    ...overrides,
  };
  return withoutUndefined(claims);
}

export function signRs256(key: KeyObject | CryptoKey, claims: Record<string, unknown>, header: Record<string, unknown>): Promise<string> {
  return new SignJWT(claims).setProtectedHeader(jwtHeader('RS256', header)).sign(key);
}

export function signHs256(secret: Uint8Array, claims: Record<string, unknown>, header: Record<string, unknown>): Promise<string> {
  return new SignJWT(claims).setProtectedHeader(jwtHeader('HS256', header)).sign(secret);
}

/** `alg: none`: a header and a payload, and an empty signature. */
export function unsigned(claims: Record<string, unknown>, header: Record<string, unknown>): string {
  return `${encodeJson(jwtHeader('none', header))}.${encodeJson(claims)}.`;
}

/** The same token with its payload replaced and the original signature kept. */
export function withPayload(token: string, change: (claims: Record<string, unknown>) => Record<string, unknown>): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  return `${header}.${encodeJson(change(claims))}.${signature}`;
}
