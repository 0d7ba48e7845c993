import { BcryptjsHasher } from './bcryptjs.hasher';

describe('BcryptjsHasher', () => {
  const hasher = new BcryptjsHasher(4);

  it('verifies the seed document hash ($2b$06$) with its password and refuses another', async () => {
    const seedHash = '$2b$06$k2WcyM0iw0Jy3aYfFBi2MuNwunZtO0S9uTV1QEyqKtmM3t/4JwYcC';
    await expect(hasher.verify('C3rs3i#L4nnist3r', seedHash)).resolves.toBe(true);
    await expect(hasher.verify('c3rs3i#L4nnist3r', seedHash)).resolves.toBe(false);
  });

  it('hashes with the configured cost and never returns the password', async () => {
    const hash = await hasher.hash('correct horse');
    expect(hash).toMatch(/^\$2[aby]\$04\$/);
    expect(hash).not.toContain('correct horse');
    await expect(hasher.verify('correct horse', hash)).resolves.toBe(true);
  });

  it('asks for a rehash when the cost differs, and treats a malformed hash as not verifying', async () => {
    expect(hasher.needsRehash('$2b$06$k2WcyM0iw0Jy3aYfFBi2MuNwunZtO0S9uTV1QEyqKtmM3t/4JwYcC')).toBe(true);
    expect(hasher.needsRehash(await hasher.hash('x'))).toBe(false);
    await expect(hasher.verify('x', 'not-a-hash')).resolves.toBe(false);
  });
});
