import { eventually } from './poll';
import { sql } from './sql';
import { TestApp } from './test-app';

/** The seed document's bcrypt hash of its password, at cost 6 (the tests run at cost 4, so it is upgraded). */
export const SEED_HASH = '$2b$06$k2WcyM0iw0Jy3aYfFBi2MuNwunZtO0S9uTV1QEyqKtmM3t/4JwYcC';
export const SEED_PASSWORD = 'C3rs3i#L4nnist3r';

const storedHash = async (t: TestApp, email: string) =>
  (await sql<{ h: string }>(t, `SELECT "passwordHash" AS h FROM users WHERE email = '${email}'`))[0].h;

/** Gives the user the seed's hash, as an import of the seed document's users would. */
export async function giveSeedHash(t: TestApp, email: string): Promise<void> {
  await sql(t, `UPDATE users SET "passwordHash" = '${SEED_HASH}' WHERE email = '${email}'`);
}

/** The user's stored hash once it is no longer the seed's (the upgrade is written after the answer), or at the deadline. */
export function hashAfterUpgrade(t: TestApp, email: string): Promise<string> {
  return eventually(() => storedHash(t, email), (hash) => hash !== SEED_HASH);
}
