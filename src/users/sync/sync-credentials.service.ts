import { Injectable } from '@nestjs/common';
import { hash } from 'node:crypto';
import { PasswordHasher } from '../../passwords/password-hasher';
import { matchingForm } from '../../passwords/password-forms';
import { PasswordVerifier } from '../../passwords/password-verifier';
import { SyncUserDto } from '../dto/sync-user.dto';
import { User } from '../user.entity';
import { SyncCredential } from './sync-credential';

/** Recognises an imported hash sent again (User.importedPasswordDigest). */
export const importedHashDigest = (passwordHash: string): string => hash('sha256', passwordHash, 'hex');

/**
 * The credentials of a batch of sync bodies, worked out before the batch's transaction: hashing and verifying take
 * milliseconds each and need no lock. A plain password is first checked against the user it matches now, so sending
 * the password a user already has changes nothing (no new hash, no session ended); only otherwise is it hashed.
 */
@Injectable()
export class SyncCredentials {
  constructor(
    private readonly hasher: PasswordHasher,
    private readonly verifier: PasswordVerifier,
  ) {}

  /** `currentMatches` reads the users the bodies match now; asked only when a body has a plain password. */
  async resolve(dtos: SyncUserDto[], currentMatches: () => Promise<(User | null)[]>): Promise<SyncCredential[]> {
    if (!dtos.some((d) => d.password !== undefined)) return dtos.map((dto) => withoutPassword(dto));
    const matches = await currentMatches();
    return Promise.all(dtos.map((dto, i) => (dto.password === undefined ? withoutPassword(dto) : this.plain(dto.password, matches[i]))));
  }

  private async plain(password: string, match: User | null): Promise<SyncCredential> {
    const against = { userId: match?.id ?? null, hash: match?.passwordHash ?? null };
    // In each of its forms (NFC, then as typed: a hash made before passwords were normalised), as at sign-in.
    const same = against.hash !== null && (await matchingForm(this.verifier, password, against.hash)) !== null;
    return { kind: 'plain', against, same, newHash: same ? null : await this.hasher.hash(password) };
  }
}

/** An imported hash (recognised by its digest when sent again), or no password at all. */
function withoutPassword(dto: SyncUserDto): SyncCredential {
  return dto.passwordHash === undefined ? { kind: 'none' } : { kind: 'imported', hash: dto.passwordHash, digest: importedHashDigest(dto.passwordHash) };
}
