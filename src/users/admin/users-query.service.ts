import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { FindOptionsWhere, IsNull, Not, Raw, Repository } from 'typeorm';
import { Errors } from '../../common/errors/api-error';
import { normalizeIdentifier } from '../../common/validation/normalize';
import { ListUsersQuery } from '../dto/list-users.query';
import { User } from '../user.entity';

export interface UserPage {
  items: User[];
  total: number;
  page: number;
  limit: number;
}

/** `%` and `_` typed by an admin are literal characters, not wildcards; the text is normalised as stored values are. */
function containsPattern(text: string): string {
  return `%${normalizeIdentifier(text).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * E-mails and usernames are stored lower-cased, so a LIKE on the lower-cased input is case-insensitive on both databases.
 * `param` names the bound parameter: it must differ per condition, since one query shares one parameter namespace
 * (two `:pattern`s would both run with the last value).
 */
const contains = (param: string, text: string) =>
  Raw((column) => `${column} LIKE :${param} ESCAPE '\\'`, { [param]: containsPattern(text) });

/** Admin reads of users: a filtered page with its total, and one user by id (soft-deleted ones included). */
@Injectable()
export class UsersQueryService {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  async list(query: ListUsersQuery): Promise<UserPage> {
    const page = query.page ?? 1;
    const limit = query.limit ?? 20;
    const where: FindOptionsWhere<User> = {};
    if (query.email !== undefined) where.email = contains('emailPattern', query.email);
    if (query.username !== undefined) where.username = contains('usernamePattern', query.username);
    if (query.active !== undefined) where.isActive = query.active;
    if (query.locked !== undefined) where.isLocked = query.locked;
    if (query.deleted === 'only') where.deletedAt = Not(IsNull());
    const [items, total] = await this.users.findAndCount({
      where,
      withDeleted: query.deleted === 'include' || query.deleted === 'only',
      // Ids are time-ordered and unique: a stable order, so pages neither repeat nor skip users.
      order: { id: 'ASC' },
      skip: (page - 1) * limit,
      take: limit,
    });
    return { items, total, page, limit };
  }

  async get(id: string): Promise<User> {
    const user = await this.users.findOne({ where: { id }, withDeleted: true });
    if (!user) throw Errors.notFound(`No user with id ${id}`);
    return user;
  }
}
