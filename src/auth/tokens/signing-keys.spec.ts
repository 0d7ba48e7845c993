import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuthConfig } from '../../config/auth.config';
import { SigningKeys } from './signing-keys';

const dir = mkdtempSync(join(tmpdir(), 'signing-keys-'));
function keyFile(name: string): string {
  const path = join(dir, name);
  writeFileSync(path, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
  return path;
}
const config = (files: string[]) => ({ privateKeyFiles: files, keysDir: join(dir, 'unused') }) as unknown as AuthConfig;

describe('SigningKeys from JWT_PRIVATE_KEYS', () => {
  it('loads every listed key; the first signs, all can be found by kid', async () => {
    const keys = await SigningKeys.load(config([keyFile('a.pem'), keyFile('b.pem')]));
    expect(keys.all).toHaveLength(2);
    expect(keys.current).toBe(keys.all[0]);
    expect(keys.find(keys.all[1].kid)).toBe(keys.all[1]);
    expect(keys.all[0].kid).not.toEqual(keys.all[1].kid);
  });

  it('refuses a missing file with a message naming the variable and the path', async () => {
    await expect(SigningKeys.load(config([keyFile('c.pem'), join(dir, 'missing.pem')]))).rejects.toThrow(/JWT_PRIVATE_KEYS.*missing\.pem/);
  });
});
