import { randomBytes } from 'node:crypto';
import { describeEachDatabase, withDatabase } from './support/databases';
import { firstStep, mfaSignIn, newTwoFactorUser } from './support/mfa';
import { sql } from './support/sql';
import { startTestApp, TestApp } from './support/test-app';

const newKey = () => randomBytes(32).toString('base64');

/** The id of the key a user's TOTP secret is sealed under (v1.<key id>.<iv>.<ciphertext>). */
async function keyIdOf(t: TestApp, userId: string): Promise<string> {
  const [row] = await sql<{ secret: string }>(t, `SELECT secret FROM user_totp WHERE "userId" = '${userId}'`);
  return row.secret.split('.')[1];
}

/**
 * DATA_ENCRYPTION_KEY rotation across restarts on one database: a new key put first encrypts, the old one still
 * decrypts, each secret moves to the new key when next used, and then the old key can go.
 */
describeEachDatabase('data encryption key rotation', (kind) => {
  it('keeps TOTP working through a rotation, re-sealing each secret under the new key when it is next used', async () => {
    const [oldKey, newKeyValue] = [newKey(), newKey()];
    await withDatabase(kind, async (database) => {
      let t = await startTestApp(kind, { DATA_ENCRYPTION_KEY: oldKey }, { database });
      try {
        const user = await newTwoFactorUser(t);
        const sealedUnderOld = await keyIdOf(t, user.id);
        await t.close();

        t = await startTestApp(kind, { DATA_ENCRYPTION_KEY: `${newKeyValue},${oldKey}` }, { database });
        expect((await mfaSignIn(t, await firstStep(t, user), user.device.next())).status).toBe(200);
        const sealedUnderNew = await keyIdOf(t, user.id);
        expect(sealedUnderNew).not.toBe(sealedUnderOld);
        await t.close();

        t = await startTestApp(kind, { DATA_ENCRYPTION_KEY: newKeyValue }, { database });
        // Two codes were used in this time step already: the last use moves back, on both sides, for a third one.
        await sql(t, `UPDATE user_totp SET "lastUsedStep" = "lastUsedStep" - 5 WHERE "userId" = '${user.id}'`);
        user.device.lastStep! -= 5;
        expect((await mfaSignIn(t, await firstStep(t, user), user.device.next())).status).toBe(200);
      } finally {
        await t.close();
      }
    });
  });

  it('cannot check a TOTP code once its key is gone (a logged server error), while recovery codes still sign in', async () => {
    await withDatabase(kind, async (database) => {
      let t = await startTestApp(kind, { DATA_ENCRYPTION_KEY: newKey() }, { database });
      try {
        const user = await newTwoFactorUser(t);
        const retired = await keyIdOf(t, user.id);
        await t.close();
        const logs: string[] = [];
        const app = { logger: undefined, logDestination: { write: (line: string) => void logs.push(line) } };
        t = await startTestApp(kind, { DATA_ENCRYPTION_KEY: newKey(), LOG_LEVEL: 'error' }, { database, app });

        const totp = await mfaSignIn(t, await firstStep(t, user), user.device.next());
        expect([totp.status, totp.body.code]).toEqual([500, 'internal_error']);
        expect(logs.join('')).toContain(`Sealed under data key ${retired}, which is not configured (DATA_ENCRYPTION_KEY)`);
        expect((await mfaSignIn(t, await firstStep(t, user), user.recoveryCodes[0])).status).toBe(200);
      } finally {
        await t.close();
      }
    });
  });
});
