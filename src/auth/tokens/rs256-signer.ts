import { KeyObject, sign } from 'node:crypto';

const b64url = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * A compact RS256 JWS, byte for byte the shape jsonwebtoken 9 writes for `jwt.sign(payload, key, { algorithm:
 * 'RS256', keyid })` (header `{ alg, typ, kid }`, the payload's keys in the order given), with the RSA signature
 * computed on libuv's thread pool (`crypto.sign` with a callback) instead of on the event loop.
 *
 * Why: the RSA private-key operation is the largest single piece of main-thread work of a sign-in and of a
 * refresh (about 0.3 ms of a quiet core, several times that while hashing threads keep the cores busy). Off the event
 * loop, it runs on another core while the loop serves other requests; refreshes, which have no hashing, then use
 * both cores. Verification is unchanged (passport-jwt, jsonwebtoken), and an e2e test verifies these tokens with it.
 */
export function signRs256(payload: object, privateKey: KeyObject, kid: string): Promise<string> {
  const signingInput = `${b64url({ alg: 'RS256', typ: 'JWT', kid })}.${b64url(payload)}`;
  return new Promise((resolve, reject) => {
    sign('sha256', Buffer.from(signingInput), privateKey, (error, signature) => {
      if (error) reject(error);
      else resolve(`${signingInput}.${signature.toString('base64url')}`);
    });
  });
}
