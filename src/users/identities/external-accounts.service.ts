import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull, Not } from 'typeorm';
import { normalizeIdentifier } from '../../common/validation/normalize';
import { newUserRow } from '../new-user';
import { User } from '../user.entity';
import { Identity } from './identity.entity';

/** What an outside provider tells us about a person we are about to create. */
export interface ExternalUserProfile {
  email: string;
  name: string | null;
  firstName: string | null;
  lastName: string | null;
  avatar: string | null;
}

/** Roles of a user created by an outside sign-in: a plain user, never more. */
const EXTERNAL_USER_ROLES = ['user'];

/** Keeps a provider's free text within the column sizes (PostgreSQL refuses an over-long varchar). */
function fit(value: string | null, max: number): string | null {
  return value === null ? null : value.slice(0, max);
}

/**
 * The writes and reads an outside sign-in (Google) needs, for AuthModule to compose inside one transaction: every
 * method takes the transaction's EntityManager. The sign-in decision itself lives in AuthModule; this service only
 * keeps the User and Identity tables in UsersModule's hands.
 */
@Injectable()
export class ExternalAccountsService {
  /** The user linked to this provider account, deleted ones included (the caller refuses them). */
  async findLinkedUser(em: EntityManager, provider: string, subject: string): Promise<User | null> {
    const identity = await em.getRepository(Identity).findOneBy({ provider, subject, unlinkedAt: IsNull() });
    if (!identity) return null;
    return em.getRepository(User).findOne({ where: { id: identity.userId }, withDeleted: true });
  }

  /** By e-mail, deleted users included, so a deleted account is refused rather than re-created under its e-mail. */
  findByEmail(em: EntityManager, email: string): Promise<User | null> {
    return em.getRepository(User).findOne({ where: { email: normalizeIdentifier(email) }, withDeleted: true });
  }

  /** The user's link to this provider, if any (a user has at most one linked per provider). */
  findIdentity(em: EntityManager, provider: string, userId: string): Promise<Identity | null> {
    return em.getRepository(Identity).findOneBy({ provider, userId, unlinkedAt: IsNull() });
  }

  /** Whether the owner once unlinked an account of this provider (sign-in then links none by e-mail). */
  async hasUnlinked(em: EntityManager, provider: string, userId: string): Promise<boolean> {
    return em.getRepository(Identity).existsBy({ provider, userId, unlinkedAt: Not(IsNull()) });
  }

  /**
   * Links the provider account to the user (the caller has checked it is linked to nobody). A row left by an earlier
   * unlinking of that account is replaced. A concurrent identical link fails on the primary key, and a second link
   * of the same user to this provider on the unique (provider, userId) index.
   */
  async link(em: EntityManager, provider: string, subject: string, userId: string): Promise<Identity> {
    const identities = em.getRepository(Identity);
    await identities.delete({ provider, subject, unlinkedAt: Not(IsNull()) });
    const identity: Identity = { provider, subject, userId, createdAt: new Date(), unlinkedAt: null };
    await identities.insert(identity);
    return identity;
  }

  /** Unlinks the user's account of this provider, keeping the row as the owner's decision (see Identity.unlinkedAt). */
  async unlink(em: EntityManager, provider: string, userId: string): Promise<boolean> {
    const result = await em.getRepository(Identity).update({ provider, userId, unlinkedAt: IsNull() }, { unlinkedAt: new Date() });
    return (result.affected ?? 0) > 0;
  }

  /** Whether the user can sign in with a password, read in the transaction (not from a cached row). */
  async hasPassword(em: EntityManager, userId: string): Promise<boolean> {
    const user = await em.getRepository(User).findOne({ where: { id: userId }, select: { id: true, passwordHash: true } });
    return !!user?.passwordHash;
  }

  /** A user vouched for by the provider: e-mail verified, no password, plain user role. */
  async createUser(em: EntityManager, profile: ExternalUserProfile, createdBy: string): Promise<User> {
    const user = newUserRow(
      {
        email: normalizeIdentifier(profile.email),
        emailVerified: true,
        roles: [...EXTERNAL_USER_ROLES],
        profile: {
          name: fit(profile.name, 200),
          firstName: fit(profile.firstName, 100),
          lastName: fit(profile.lastName, 100),
          // A truncated URL is a broken one: drop an over-long picture instead.
          avatar: profile.avatar !== null && profile.avatar.length <= 2048 ? profile.avatar : null,
        },
      },
      createdBy,
    );
    await em.getRepository(User).insert(user);
    return user;
  }
}
