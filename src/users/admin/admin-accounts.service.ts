import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { Errors } from '../../common/errors/api-error';
import { isUniqueViolation } from '../../common/errors/database-errors';
import { PasswordHasher } from '../../passwords/password-hasher';
import { PasswordPolicy } from '../../passwords/password-policy';
import { newUserRow } from '../new-user';
import { User } from '../user.entity';

export interface NewAdmin {
  email: string;
  username?: string | null;
  password: string;
  /** Who creates it, as createdBy and the audit actor: `bootstrap` (start-up) or `cli`. */
  createdBy: string;
  /** The name the password goes by where it came from, for the policy's message (a variable, an input). */
  passwordField: string;
}

/**
 * Admins made outside the HTTP API: the first one at start-up (AdminBootstrap) and any made with the CLI
 * (`npm run cli -- create-admin`). A new user only: an e-mail that is already taken is refused rather than the
 * existing user promoted, so no setting or command can turn someone's account into an admin by naming it.
 */
@Injectable()
export class AdminAccounts {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly hasher: PasswordHasher,
    private readonly policy: PasswordPolicy,
    private readonly audit: AuditService,
  ) {}

  /** Whether a live (not deleted) user holds the admin role. Roles are stored as a JSON array in text. */
  anyAdmin(): Promise<boolean> {
    return this.users.createQueryBuilder('u').where('u.deletedAt IS NULL').andWhere('u.roles LIKE :admin', { admin: '%"admin"%' }).getExists();
  }

  /** 409 `email_taken` when a user (deleted ones included) has the e-mail; 400 naming `passwordField` for a short password. */
  async create(admin: NewAdmin): Promise<User> {
    this.policy.check(admin.password, admin.passwordField);
    if (await this.users.exists({ where: { email: admin.email }, withDeleted: true })) throw emailTaken(admin.email);
    const passwordHash = await this.hasher.hash(admin.password);
    const user = newUserRow({ email: admin.email, username: admin.username, emailVerified: true, passwordHash, roles: ['admin'] }, admin.createdBy);
    try {
      await this.users.insert(user);
    } catch (e) {
      // Created at the same moment elsewhere (several instances starting with the same BOOTSTRAP_ADMIN_EMAIL).
      if (isUniqueViolation(e)) throw emailTaken(admin.email);
      throw e;
    }
    this.audit.record({ type: 'user.created', actorId: admin.createdBy, subjectId: user.id, details: { roles: ['admin'] } });
    return user;
  }
}

const emailTaken = (email: string) => Errors.conflict('email_taken', `A user with the e-mail ${email} exists already`);
