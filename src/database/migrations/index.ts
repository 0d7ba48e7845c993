import { Initial1763800000000 } from './1763800000000-Initial';
import { Identities1763800100000 } from './1763800100000-Identities';
import { RefreshTokens1763800200000 } from './1763800200000-RefreshTokens';
import { LockoutAndAudit1763800300000 } from './1763800300000-LockoutAndAudit';
import { ImportedPasswordHashes1764000500000 } from './1764000500000-ImportedPasswordHashes';

/** Every migration, in order. Listed explicitly so the compiled app and ts-jest load the same set. */
export const MIGRATIONS = [
  Initial1763800000000,
  Identities1763800100000,
  RefreshTokens1763800200000,
  LockoutAndAudit1763800300000,
  ImportedPasswordHashes1764000500000,
];
