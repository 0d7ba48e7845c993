import { Initial1763800000000 } from './1763800000000-Initial';
import { Identities1763800100000 } from './1763800100000-Identities';
import { RefreshTokens1763800200000 } from './1763800200000-RefreshTokens';
import { LockoutAndAudit1763800300000 } from './1763800300000-LockoutAndAudit';
import { NormalizeEmails1764000200000 } from './1764000200000-NormalizeEmails';
import { IdentityLinks1764000200001 } from './1764000200001-IdentityLinks';
import { TwoFactor1764000300000 } from './1764000300000-TwoFactor';
import { AccountTokens1764000400000 } from './1764000400000-AccountTokens';
import { ImportedPasswordHashes1764000500000 } from './1764000500000-ImportedPasswordHashes';
import { RefreshTokenSuccessorIndex1764100500000 } from './1764100500000-RefreshTokenSuccessorIndex';

/** Every migration, in order. Listed explicitly so the compiled app and ts-jest load the same set. */
export const MIGRATIONS = [
  Initial1763800000000,
  Identities1763800100000,
  RefreshTokens1763800200000,
  LockoutAndAudit1763800300000,
  NormalizeEmails1764000200000,
  IdentityLinks1764000200001,
  TwoFactor1764000300000,
  AccountTokens1764000400000,
  ImportedPasswordHashes1764000500000,
  RefreshTokenSuccessorIndex1764100500000,
];
