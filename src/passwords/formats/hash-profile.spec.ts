import { argon2Hash, DJANGO, inNodeArgon2Order, PASSLIB, pbkdf2Hash, scryptHash } from '../../../test/support/imported-hashes';
import { BcryptjsHasher } from '../bcryptjs.hasher';
import { hashProfile } from './hash-profile';
import { parseStoredHash } from './stored-hash';

describe('hashProfile', () => {
  it.each([
    ['bcrypt', async () => new BcryptjsHasher(5).hash('x'), '$2b$05$'],
    ['argon2id (hash-wasm)', () => argon2Hash('x'), '$argon2id$v=19$m=4096,t=2,p=1$'],
    ['argon2id (node-argon2 order)', async () => inNodeArgon2Order(await argon2Hash('x')), '$argon2id$v=19$m=4096,p=1,t=2$'],
    ['scrypt', async () => scryptHash('x', 12, 8, 1), '$scrypt$ln=12,r=8,p=1$'],
    ['PBKDF2 PHC', async () => pbkdf2Hash('x', 'sha512', 1000), '$pbkdf2-sha512$i=1000$'],
    ['Django', async () => DJANGO.sha256, 'pbkdf2_sha256$30000$'],
    ['passlib PBKDF2', async () => PASSLIB.pbkdf2Sha512, '$pbkdf2-sha512$25000$'],
  ])('%s: the text before the salt, and a dummy of the same parameters and sizes made of other bytes', async (_label, make, prefix) => {
    const hash = await make();
    const profile = hashProfile(hash)!;
    expect(profile.prefix).toBe(prefix);
    expect(profile.dummy.startsWith(prefix)).toBe(true);
    expect(profile.dummy).toHaveLength(hash.length);
    expect(profile.dummy).not.toBe(hash);
    const [original, dummy] = [parseStoredHash(hash), parseStoredHash(profile.dummy)];
    expect(dummy.ok && original.ok).toBe(true);
    const sizes = (p: typeof original) => (p.ok && 'salt' in p.hash ? [p.hash.salt.length, p.hash.key.length] : []);
    expect(sizes(dummy)).toEqual(sizes(original));
    // Nothing of the salt or hash is kept: no run of 8 characters after the prefix is shared.
    const rest = hash.slice(prefix.length);
    const shared = Array.from({ length: rest.length - 7 }, (_, i) => rest.slice(i, i + 8)).filter((s) => profile.dummy.includes(s) && !s.includes('$'));
    expect(shared).toEqual([]);
  });

  it('has no profile for a hash that is not accepted', () => {
    expect(hashProfile('$1$saltsalt$qjXMvbEw8oaL.CzflDugX/')).toBeNull();
    expect(hashProfile(`$2b$16$${'a'.repeat(53)}`)).toBeNull();
  });
});
