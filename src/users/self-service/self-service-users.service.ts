import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { isUniqueViolation } from '../../common/errors/database-errors';
import { normalizeIdentifier } from '../../common/validation/normalize';
import { newUserRow } from '../new-user';
import { User } from '../user.entity';
import { nextGeneration } from '../users.service';
import { SIGN_UP } from './signed-up';

export interface SignUpFields {
  email: string;
  username: string | null;
  name: string | null;
  passwordHash: string;
}

export type SignUpResult = { user: User } | { taken: 'email' | 'username' };

/**
 * What the e-mail flows (SelfServiceModule) read and write in the users table: the account an address belongs to,
 * a password set from a reset link, an address proven, an account made by sign-up. The writes that follow a link
 * are conditional on the address the link was sent to, so a link mailed before an e-mail change does nothing.
 */
@Injectable()
export class SelfServiceUsers {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  /** The account of an address (normalizeIdentifier: NFKC, lower case), soft-deleted ones included: their address stays taken. */
  findByEmail(email: string): Promise<User | null> {
    return this.users.findOne({ where: { email: normalizeIdentifier(email) }, withDeleted: true });
  }

  /**
   * From a reset link: the new password, every session ended (token generation raised) and the address proven
   * (the link reached it), in one UPDATE. False when the user is gone or no longer has that address.
   */
  async setPasswordFromLink(em: EntityManager, userId: string, email: string, passwordHash: string): Promise<boolean> {
    const changes = { passwordHash, tokenGeneration: nextGeneration, emailVerified: true, updatedAt: new Date(), updatedBy: userId };
    const result = await em.getRepository(User).update({ id: userId, email, deletedAt: IsNull() }, changes);
    return result.affected === 1;
  }

  /** From a verification link: the address is proven. False when the user is gone or no longer has that address. */
  async markEmailVerified(em: EntityManager, userId: string, email: string): Promise<boolean> {
    const result = await em.getRepository(User).update({ id: userId, email, deletedAt: IsNull() }, { emailVerified: true, updatedAt: new Date(), updatedBy: userId });
    return result.affected === 1;
  }

  /** A signed-up account: a plain user, address not proven yet. `taken` when the e-mail or username is someone's. */
  async createSignedUp(fields: SignUpFields): Promise<SignUpResult> {
    if (fields.username && (await this.users.exists({ where: { username: fields.username }, withDeleted: true }))) return { taken: 'username' };
    const user = newUserRow(
      { email: fields.email, username: fields.username, passwordHash: fields.passwordHash, roles: ['user'], profile: { name: fields.name } },
      SIGN_UP,
    );
    try {
      await this.users.insert(user);
      return { user };
    } catch (e) {
      // A concurrent sign-up or sync took the address or the username between the reads and this insert.
      if (!isUniqueViolation(e)) throw e;
      return { taken: (await this.findByEmail(fields.email)) ? 'email' : 'username' };
    }
  }
}
