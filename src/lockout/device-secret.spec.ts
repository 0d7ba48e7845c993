import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { GENERATED_SECRET_FILE, loadDeviceSecret } from './device-secret';

const dir = mkdtempSync(join(tmpdir(), 'gatehouse-device-secret-'));
const settings = (over: Partial<Parameters<typeof loadDeviceSecret>[0]> = {}) => ({ secret: null, secretFile: null, keysDir: join(dir, 'keys'), ttlMs: 1, ...over });

describe('loadDeviceSecret', () => {
  afterEach(() => jest.restoreAllMocks());

  it('takes DEVICE_TOKEN_SECRET, or the file DEVICE_TOKEN_SECRET_FILE names (trimmed)', () => {
    expect(loadDeviceSecret(settings({ secret: 's'.repeat(32) })).toString()).toBe('s'.repeat(32));
    const file = join(dir, 'secret');
    writeFileSync(file, `${'f'.repeat(40)}\n`);
    expect(loadDeviceSecret(settings({ secretFile: file })).toString()).toBe('f'.repeat(40));
  });

  it('generates one on first start under JWT_KEYS_DIR, owner-only, and reads the same one after', () => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const first = loadDeviceSecret(settings());
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(statSync(join(dir, 'keys', GENERATED_SECRET_FILE)).mode & 0o777).toBe(0o600);
    expect(loadDeviceSecret(settings()).equals(first)).toBe(true);
    expect(readFileSync(join(dir, 'keys', GENERATED_SECRET_FILE), 'utf8')).toBe(first.toString());
  });

  it('stops start-up naming the variable and the path for a file it cannot use, never quoting it', () => {
    const short = join(dir, 'short');
    writeFileSync(short, 'tiny-secret');
    expect(() => loadDeviceSecret(settings({ secretFile: join(dir, 'missing') }))).toThrow(`DEVICE_TOKEN_SECRET_FILE: cannot read ${join(dir, 'missing')} (ENOENT)`);
    expect(() => loadDeviceSecret(settings({ secretFile: short }))).toThrow(`DEVICE_TOKEN_SECRET_FILE: ${short} must hold at least 32 characters`);
    expect(() => loadDeviceSecret(settings({ secretFile: short }))).not.toThrow(/tiny-secret/);
  });
});
