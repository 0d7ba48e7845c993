/**
 * What a sync does to the password, worked out before its transaction (hashing and verifying are the slow part
 * and need no lock):
 * - `none`: the body has no password;
 * - `imported`: a `passwordHash` from another system, with the SHA-256 that recognises it when sent again;
 * - `plain`: a `password`, checked against the hash of the user it matched then (`against`): `same` when it is
 *   that user's password already, else `newHash`, its bcrypt hash. If the transaction then finds another user or
 *   another hash (a concurrent change), the decision is stale and is made again.
 */
export type SyncCredential =
  | { kind: 'none' }
  | { kind: 'imported'; hash: string; digest: string }
  | { kind: 'plain'; against: { userId: string | null; hash: string | null }; same: boolean; newHash: string | null };

/** The decision on a plain password was made against a user or hash that changed since: make it again. */
export class StaleCredential extends Error {
  constructor() {
    super('the password was checked against a user that has changed since');
  }
}

/** The password columns a sync sets, or null when it leaves the password as it is. */
export function passwordChange(
  existing: { id: string; passwordHash: string | null; importedPasswordDigest: string | null } | null,
  credential: SyncCredential,
): { passwordHash: string; importedPasswordDigest?: string } | null {
  switch (credential.kind) {
    case 'none':
      return null;
    case 'imported': {
      // The same imported hash again, even after the first sign-in upgraded it to bcrypt: nothing to change.
      const known = existing && (existing.passwordHash === credential.hash || existing.importedPasswordDigest === credential.digest);
      return known ? null : { passwordHash: credential.hash, importedPasswordDigest: credential.digest };
    }
    case 'plain': {
      const { userId, hash } = credential.against;
      if ((existing?.id ?? null) !== userId || (existing?.passwordHash ?? null) !== hash) throw new StaleCredential();
      return credential.same ? null : { passwordHash: credential.newHash! };
    }
  }
}
