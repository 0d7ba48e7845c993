import { argon2Hash, DJANGO, OUT_OF_BOUNDS, PASSLIB, pbkdf2Hash, scryptHash } from '../../../test/support/imported-hashes';
import { parseStoredHash } from './stored-hash';

const SEED_HASH = '$2b$06$k2WcyM0iw0Jy3aYfFBi2MuNwunZtO0S9uTV1QEyqKtmM3t/4JwYcC';

describe('parseStoredHash', () => {
  it('reads bcrypt with its cost, and argon2, scrypt and PBKDF2 with their parameters', async () => {
    expect(parseStoredHash(SEED_HASH)).toEqual({ ok: true, hash: { format: 'bcrypt', cost: 6 } });
    const argon = await argon2Hash('pw', 'argon2i', 8192, 3);
    expect(parseStoredHash(argon)).toEqual({ ok: true, hash: { format: 'argon2', encoded: argon, memoryKib: 8192, iterations: 3, parallelism: 1 } });
    expect(parseStoredHash(scryptHash('pw', 12, 8, 2))).toMatchObject({ ok: true, hash: { format: 'scrypt', log2N: 12, blockSize: 8, parallelism: 2 } });
    expect(parseStoredHash(pbkdf2Hash('pw', 'sha1', 1234))).toMatchObject({ ok: true, hash: { format: 'pbkdf2', digest: 'sha1', iterations: 1234 } });
    expect(parseStoredHash(DJANGO.sha256)).toMatchObject({ ok: true, hash: { format: 'pbkdf2', digest: 'sha256', iterations: 30000, salt: Buffer.from('Q7bCnM2kQ8xzV1Yp') } });
    expect(parseStoredHash(PASSLIB.pbkdf2Sha512)).toMatchObject({ ok: true, hash: { format: 'pbkdf2', digest: 'sha512', iterations: 25000 } });
    expect(parseStoredHash(PASSLIB.scrypt)).toMatchObject({ ok: true, hash: { format: 'scrypt', log2N: 14 } });
  });

  it('reads PHC parameters in any order, with or without the version', () => {
    const tail = 'c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g';
    expect(parseStoredHash(`$argon2id$v=19$p=2,t=4,m=4096$${tail}`)).toMatchObject({ ok: true, hash: { memoryKib: 4096, iterations: 4, parallelism: 2 } });
    expect(parseStoredHash(`$argon2d$m=4096,t=1,p=1$${tail}`)).toMatchObject({ ok: true, hash: { format: 'argon2' } });
    expect(parseStoredHash(`$scrypt$p=1,ln=10,r=4$${tail}`)).toMatchObject({ ok: true, hash: { log2N: 10, blockSize: 4 } });
  });

  it.each(OUT_OF_BOUNDS)('refuses $label, saying which bound', ({ hash, reason }) => {
    const parsed = parseStoredHash(hash);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.reason).toMatch(reason);
  });

  it.each([
    ['an MD5 crypt hash', '$1$saltsalt$qjXMvbEw8oaL.CzflDugX/'],
    ['plain text', 'correct horse battery staple'],
    ['a bare SHA-256', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['an empty string', ''],
  ])('refuses %s, listing the accepted formats', (_label, hash) => {
    const parsed = parseStoredHash(hash);
    expect(parsed).toEqual({ ok: false, reason: expect.stringMatching(/^is not a recognised password hash; accepted: bcrypt .*argon2id.*scrypt.*PBKDF2.*Django/) });
  });

  it.each([
    ['a truncated bcrypt hash', '$2b$10$short'],
    ['$2x$ (crypt_blowfish bug marker)', `$2x$10$${'a'.repeat(53)}`],
    ['argon2 with an unknown parameter', '$argon2id$v=19$m=4096,t=1,p=1,keyid=abc$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA'],
    ['argon2 with a repeated parameter', '$argon2id$v=19$m=4096,m=8,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA'],
    ['argon2 with an unknown version', '$argon2id$v=18$m=4096,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA'],
    ['scrypt with a character outside base64', '$scrypt$ln=10,r=8,p=1$c2Fsd*Nhb$aGFzaGhhc2hoYXNoaGFzaA'],
    ['PBKDF2 with an unknown digest', '$pbkdf2-md5$i=1000$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA'],
    ['PBKDF2 whose l= is not the hash length', '$pbkdf2-sha256$i=1000,l=64$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA'],
    ['a hash of 8 bytes', '$pbkdf2-sha256$i=1000$c2FsdHNhbHQ$aGFzaGhhc2g'],
    ['a Django hash without its salt', 'pbkdf2_sha256$1000$$aGFzaGhhc2hoYXNoaGFzaA=='],
  ])('refuses %s', (_label, hash) => {
    expect(parseStoredHash(hash).ok).toBe(false);
  });

  it('refuses more than 255 characters before parsing anything', () => {
    expect(parseStoredHash(`$2b$10$${'a'.repeat(300)}`)).toEqual({ ok: false, reason: 'must be at most 255 characters' });
  });
});
