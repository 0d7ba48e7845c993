import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataKeyMissingError, DataKeys } from './data-keys';

const ring = (...keys: Buffer[]) => DataKeys.load({ keys, keysDir: '/nonexistent' });

describe('DataKeys', () => {
  const [a, b] = [randomBytes(32), randomBytes(32)];

  it('seals with AES-256-GCM under a key id and opens it again; the plaintext is nowhere in the sealed value', () => {
    const keys = ring(a);
    const sealed = keys.seal('JBSWY3DPEHPK3PXP', 'totp:1');
    expect(sealed).toMatch(/^v1\.[0-9a-f]{16}\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(keys.open(sealed, 'totp:1')).toBe('JBSWY3DPEHPK3PXP');
    expect(keys.seal('JBSWY3DPEHPK3PXP', 'totp:1')).not.toBe(sealed); // a new IV each time
  });

  it('refuses a value opened in another context (another user) or tampered with', () => {
    const keys = ring(a);
    const sealed = keys.seal('secret', 'totp:1');
    expect(() => keys.open(sealed, 'totp:2')).toThrow();
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3], 'base64url');
    body[0] ^= 1;
    expect(() => keys.open([...parts.slice(0, 3), body.toString('base64url')].join('.'), 'totp:1')).toThrow();
  });

  it('rotates: the first key seals, every key opens, and a value of a retired key names what is missing', () => {
    const old = ring(a).seal('secret', 'c');
    const rotated = ring(b, a);
    expect(rotated.open(old, 'c')).toBe('secret');
    expect(rotated.isCurrent(old)).toBe(false);
    const fresh = rotated.seal('secret', 'c');
    expect(rotated.isCurrent(fresh)).toBe(true);
    expect(ring(a).open(old, 'c')).toBe('secret');
    expect(() => ring(a).open(fresh, 'c')).toThrow(DataKeyMissingError);
  });

  it('generates one owner-only key in the keys directory when none is configured, and finds it again at the next start', () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const dir = join(mkdtempSync(join(tmpdir(), 'gatehouse-data-keys-')), 'keys');
    const sealed = DataKeys.load({ keys: [], keysDir: dir }).seal('secret', 'c');
    const files = readdirSync(dir);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('set DATA_ENCRYPTION_KEY(_FILE) in production'));
    warn.mockRestore();
    expect(files).toEqual([expect.stringMatching(/^data-encryption-.+\.key$/)]);
    expect(statSync(join(dir, files[0])).mode & 0o777).toBe(0o600);
    expect(DataKeys.load({ keys: [], keysDir: dir }).open(sealed, 'c')).toBe('secret');
    expect(readdirSync(dir)).toEqual(files);
  });

  it('stops start-up naming a file of the keys directory that holds no key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gatehouse-data-keys-'));
    writeFileSync(join(dir, 'data-encryption-2020.key'), 'not a key');
    expect(() => DataKeys.load({ keys: [], keysDir: dir })).toThrow(`${join(dir, 'data-encryption-2020.key')} is not a data encryption key`);
  });
});
