import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { User } from './user.entity';

/** Reads of users. The only holder of the User repository outside the write use cases of this module. */
@Injectable()
export class UsersService {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  findById(id: string): Promise<User | null> {
    return this.users.findOneBy({ id });
  }

  /** An identifier with `@` is an e-mail (usernames cannot contain one); both are stored lower-cased. */
  findByLogin(emailOrUsername: string): Promise<User | null> {
    const key = emailOrUsername.trim().toLowerCase();
    return this.users.findOneBy(key.includes('@') ? { email: key } : { username: key });
  }

  findByEmail(email: string): Promise<User | null> {
    return this.users.findOneBy({ email: email.trim().toLowerCase() });
  }

  /** Swaps a hash only if it is still the one that was verified, so a concurrent password change is never undone. */
  async replacePasswordHash(id: string, oldHash: string, newHash: string): Promise<void> {
    await this.users.update({ id, passwordHash: oldHash }, { passwordHash: newHash });
  }

  /** Ends every session of the user: access and refresh tokens of the previous generation are refused. */
  async revokeSessions(id: string): Promise<void> {
    await this.users.update({ id }, { tokenGeneration: nextGeneration });
  }
}

/** `tokenGeneration + 1` computed by the database, so concurrent revocations never lose an increment. */
export const nextGeneration = (): string => '"tokenGeneration" + 1';
