import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Errors } from '../common/errors/api-error';
import { PasswordHasher } from '../passwords/password-hasher';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { assertMaySignIn } from './sign-in-policy';

/** Checks an e-mail-or-username and password; the one place that decides whether a password sign-in succeeds. */
@Injectable()
export class CredentialsService implements OnModuleInit {
  private readonly logger = new Logger('Credentials');
  /** Compared against when there is no user or no password, so every failure costs one bcrypt comparison. */
  private dummyHash = '';

  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
  ) {}

  async onModuleInit(): Promise<void> {
    this.dummyHash = await this.hasher.hash(randomBytes(24).toString('base64'));
  }

  async verifyPassword(emailOrUsername: string, password: string): Promise<User> {
    const user = await this.users.findByLogin(emailOrUsername);
    // Always run one comparison: an unknown user must take as long as a wrong password (no user enumeration).
    const matches = await this.hasher.verify(password, user?.passwordHash ?? this.dummyHash);
    if (!user) throw Errors.invalidCredentials();
    // A locked account answers 423 whatever the password: answering differently for the right one would let a
    // guesser keep going through the lock.
    if (user.isLocked) throw Errors.accountLocked();
    // A user made by Google sign-in has no password: the usual 401, however the dummy comparison went.
    if (!matches || !user.passwordHash) throw Errors.invalidCredentials();
    assertMaySignIn(user);
    this.rehashIfNeeded(user, password);
    return user;
  }

  /** Upgrades a hash made at another cost (e.g. the seed's $2b$06$) after a successful sign-in; best effort. */
  private rehashIfNeeded(user: User, password: string): void {
    const oldHash = user.passwordHash;
    if (!oldHash || !this.hasher.needsRehash(oldHash)) return;
    this.hasher
      .hash(password)
      .then((hash) => this.users.replacePasswordHash(user.id, oldHash, hash))
      .catch((e: Error) => this.logger.warn(`Rehash of user ${user.id} failed: ${e.message}`));
  }
}
