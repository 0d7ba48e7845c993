import { generateKeyPairSync, KeyObject } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import * as jwt from 'jsonwebtoken';
import { ROOT } from './server';

interface Hasher {
  name: string;
  hash(password: string): Promise<string>;
  verify(password: string, hash: string): Promise<boolean>;
  close(): Promise<void>;
}

export interface Calibration {
  hasher: string;
  perHashMs: number;
  /** Verifications per second with every thread busy: what the hasher alone achieves on this machine right now. */
  saturatedPerSecond: number;
}

/**
 * Time of one bcrypt verification with the hasher the server uses (the compiled one from dist, one at a time, so
 * one core), over about `seconds`. The hashing limit of a login phase is then cores ÷ this time.
 */
export async function calibrateHasher(mode: string, cost: number, seconds = 2): Promise<Calibration> {
  const { createPasswordHasher } = require(join(ROOT, 'dist/src/passwords/create-password-hasher.js')) as {
    createPasswordHasher(config: { mode: string; threads: number; hashThreadNice: number }, cost: number): { hasher: Hasher };
  };
  const { hasher } = createPasswordHasher({ mode, threads: 1, hashThreadNice: 0 }, cost);
  let perHashMs: number;
  let name: string;
  try {
    const hash = await hasher.hash('calibration-password');
    await hasher.verify('calibration-password', hash); // warm-up
    const times: number[] = [];
    const end = performance.now() + seconds * 1000;
    while (performance.now() < end || times.length < 8) {
      const t0 = performance.now();
      await hasher.verify('calibration-password', hash);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    // The median: a shared machine adds outliers that are not the hasher's cost.
    perHashMs = times[Math.floor(times.length / 2)];
    name = hasher.name;
  } finally {
    await hasher.close();
  }
  return { hasher: name, perHashMs, saturatedPerSecond: await saturated(createPasswordHasher, mode, cost, seconds) };
}

/** The same hasher with one thread per core, kept busy from two callers per thread. */
async function saturated(
  create: (config: { mode: string; threads: number; hashThreadNice: number }, cost: number) => { hasher: Hasher },
  mode: string,
  cost: number,
  seconds: number,
): Promise<number> {
  const threads = availableParallelism();
  const { hasher } = create({ mode, threads, hashThreadNice: 0 }, cost);
  try {
    const hash = await hasher.hash('calibration-password');
    let done = 0;
    const t0 = performance.now();
    const end = t0 + seconds * 1000;
    const caller = async () => {
      while (performance.now() < end) {
        await hasher.verify('calibration-password', hash);
        done++;
      }
    };
    await Promise.all(Array.from({ length: threads * 2 }, caller));
    return done / ((performance.now() - t0) / 1000);
  } finally {
    await hasher.close();
  }
}

export interface JwtRates {
  signPem: number;
  signKeyObject: number;
  verifyPem: number;
  verifyKeyObject: number;
}

function rate(fn: () => unknown, seconds: number): number {
  let n = 0;
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  while (performance.now() < end) {
    fn();
    n++;
  }
  return n / ((performance.now() - t0) / 1000);
}

/** jsonwebtoken (under @nestjs/jwt and passport-jwt) with RS256, a PEM string vs a KeyObject, as the app signs. */
export function jwtRates(seconds = 1): JwtRates {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  const publicPem = publicKey.export({ type: 'spki', format: 'pem' }) as string;
  const payload = { email: 'a@example.test', upn: 'a@example.test', groups: ['user'], c_hash: 'guid' };
  const options: jwt.SignOptions = { algorithm: 'RS256', keyid: 'kid', subject: '1', issuer: 'gatehouse', audience: 'client', expiresIn: 300 };
  const sign = (key: string | KeyObject) => () => jwt.sign(payload, key, { ...options, jwtid: String(Math.random()) });
  const token = jwt.sign(payload, privateKey, options);
  const verify = (key: string | KeyObject) => () => jwt.verify(token, key, { algorithms: ['RS256'], issuer: 'gatehouse', audience: ['client'] });
  return {
    signPem: rate(sign(privatePem), seconds),
    signKeyObject: rate(sign(privateKey), seconds),
    verifyPem: rate(verify(publicPem), seconds),
    verifyKeyObject: rate(verify(publicKey), seconds),
  };
}
