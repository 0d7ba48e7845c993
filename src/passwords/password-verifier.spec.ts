import { argon2Hash, Argon2Type, DJANGO, inNodeArgon2Order, OUT_OF_BOUNDS, PASSLIB, pbkdf2Hash, scryptHash } from '../../test/support/imported-hashes';
import { BcryptjsHasher } from './bcryptjs.hasher';
import { PasswordVerifier } from './password-verifier';

/** A hasher that counts its bcrypt comparisons, to show what reaches bcrypt and what does not. */
class CountingHasher extends BcryptjsHasher {
  verifies = 0;
  override verify(password: string, hash: string): Promise<boolean> {
    this.verifies++;
    return super.verify(password, hash);
  }
}

describe('PasswordVerifier', () => {
  const hasher = new CountingHasher(4);
  const verifier = new PasswordVerifier(hasher, { threads: 2 });
  beforeEach(() => (hasher.verifies = 0));

  it.each<Argon2Type>(['argon2id', 'argon2i', 'argon2d'])('verifies %s hashes made by another implementation (hash-wasm), in either parameter order', async (type) => {
    const hash = await argon2Hash('Argon-passw0rd', type);
    for (const spelling of [hash, inNodeArgon2Order(hash)]) {
      await expect(verifier.verify('Argon-passw0rd', spelling)).resolves.toBe(true);
      await expect(verifier.verify('Argon-passw0rd!', spelling)).resolves.toBe(false);
    }
  });

  it.each([
    ['scrypt (node:crypto)', scryptHash('Scrypt-passw0rd'), 'Scrypt-passw0rd'],
    ['PBKDF2-SHA1 (node:crypto)', pbkdf2Hash('Pbkdf2-passw0rd', 'sha1'), 'Pbkdf2-passw0rd'],
    ['PBKDF2-SHA256 (node:crypto)', pbkdf2Hash('Pbkdf2-passw0rd', 'sha256'), 'Pbkdf2-passw0rd'],
    ['PBKDF2-SHA512 (node:crypto)', pbkdf2Hash('Pbkdf2-passw0rd', 'sha512'), 'Pbkdf2-passw0rd'],
    ['Django pbkdf2_sha256 (Python hashlib)', DJANGO.sha256, DJANGO.password],
    ['Django pbkdf2_sha1 (Python hashlib)', DJANGO.sha1, DJANGO.password],
    ['passlib $pbkdf2-sha512$ (Python hashlib)', PASSLIB.pbkdf2Sha512, PASSLIB.password],
    ['passlib $scrypt$ (Python hashlib)', PASSLIB.scrypt, PASSLIB.password],
  ])('verifies %s, and refuses another password', async (_label, hash, password) => {
    await expect(verifier.verify(password, hash)).resolves.toBe(true);
    await expect(verifier.verify(`${password}x`, hash)).resolves.toBe(false);
    expect(hasher.verifies).toBe(0);
  });

  it('hands bcrypt hashes to the PasswordHasher', async () => {
    const hash = await hasher.hash('Bcrypt-passw0rd');
    await expect(verifier.verify('Bcrypt-passw0rd', hash)).resolves.toBe(true);
    expect(hasher.verifies).toBe(1);
  });

  it.each(OUT_OF_BOUNDS)('never starts checking $label (false at once, no bcrypt either)', async ({ hash }) => {
    await expect(verifier.verify('anything', hash)).resolves.toBe(false);
    expect(hasher.verifies).toBe(0);
  });

  it('answers false for a hash that parses but that the library refuses, without throwing', async () => {
    // Well-formed for the parser, but argon2 needs a salt of at least 8 bytes: the library throws, the verifier does not.
    await expect(verifier.verify('x', '$argon2id$v=19$m=4096,t=1,p=1$c2FsdA$aGFzaGhhc2hoYXNoaGFzaA')).resolves.toBe(false);
  });

  it('says which hashes are standard: bcrypt at BCRYPT_COST, what the dummy comparison of an unknown user costs', async () => {
    expect(verifier.isStandard(await hasher.hash('x'))).toBe(true);
    expect(verifier.isStandard(await new BcryptjsHasher(5).hash('x'))).toBe(false);
    expect(new PasswordVerifier(new BcryptjsHasher(6), { threads: 1 }).isStandard(await hasher.hash('x'))).toBe(false);
    expect(verifier.isStandard(DJANGO.sha256)).toBe(false);
    expect(verifier.isStandard(await argon2Hash('x'))).toBe(false);
  });
});
