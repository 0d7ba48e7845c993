import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { PasswordHasher } from '../../passwords/password-hasher';
import { PasswordVerifier } from '../../passwords/password-verifier';
import { SyncUserDto } from '../dto/sync-user.dto';
import { User } from '../user.entity';
import { SyncCredential } from './sync-credential';

/** Recognises an imported hash sent again (User.importedPasswordDigest). */
export const importedHashDigest = (hash: string): string => createHash('sha256').update(hash).digest('hex');

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
    const matches = dtos.some((d) => d.password !== undefined) ? await currentMatches() : [];
    return Promise.all(dtos.map((dto, i) => this.resolveOne(dto, matches[i] ?? null)));
  }

  private async resolveOne(dto: SyncUserDto, match: User | null): Promise<SyncCredential> {
    if (dto.passwordHash !== undefined) return { kind: 'imported', hash: dto.passwordHash, digest: importedHashDigest(dto.passwordHash) };
    if (dto.password === undefined) return { kind: 'none' };
    const against = { userId: match?.id ?? null, hash: match?.passwordHash ?? null };
    const same = against.hash !== null && (await this.verifier.verify(dto.password, against.hash));
    return { kind: 'plain', against, same, newHash: same ? null : await this.hasher.hash(dto.password) };
  }
}
