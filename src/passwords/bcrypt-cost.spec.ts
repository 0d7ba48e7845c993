import { bcryptCost } from './bcrypt-cost';

describe('bcryptCost', () => {
  it('reads the cost of $2a$, $2b$ and $2y$ hashes without a bcrypt library', () => {
    const rest = 'k2WcyM0iw0Jy3aYfFBi2MuNwunZtO0S9uTV1QEyqKtmM3t/4JwYcC';
    expect(bcryptCost(`$2b$06$${rest}`)).toBe(6);
    expect(bcryptCost(`$2a$10$${rest}`)).toBe(10);
    expect(bcryptCost(`$2y$12$${rest}`)).toBe(12);
  });

  it.each(['', 'not-a-hash', '$2b$10$short', '$1$10$k2WcyM0iw0Jy3aYfFBi2MuNwunZtO0S9uTV1QEyqKtmM3t/4JwYcC', '$argon2id$v=19$m=65536'])(
    'returns null for %j',
    (hash) => expect(bcryptCost(hash)).toBeNull(),
  );
});
