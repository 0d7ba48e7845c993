import { getRepositoryToken } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ColumnLookup } from '../src/database/column-lookup';
import { User } from '../src/users/user.entity';
import { describeEachDatabase } from './support/databases';
import { bearer } from './support/sessions';
import { useTestApp } from './support/test-app';
import { adminToken, syncUser } from './support/users';

/** The prepared lookups of every request return exactly the entity TypeORM's findOneBy returns. */
describeEachDatabase('ColumnLookup', (kind) => {
  let users: Repository<User>;
  let admin: string;

  const t = useTestApp(kind);
  beforeAll(async () => {
    users = t.app.get(getRepositoryToken(User));
    admin = await adminToken(t);
  });

  it('hydrates every column as findOneBy does: strings, nulls, booleans, integers, dates, simple-json', async () => {
    const { id } = (await syncUser(t, {
      username: 'full.row',
      email: 'full.row@example.test',
      password: 'Full-row-pass1',
      name: 'Full Row',
      roles: ['admin', 'auditor'],
      emailVerified: true,
      locale: 'fr-FR',
    })) as { id: string };
    expect((await t.http().post(`/api/users/${id}/lock`).set('authorization', bearer(admin)).send({})).status).toBe(200);
    const expected = await users.findOneByOrFail({ id });
    expect(expected.lockedAt).toBeInstanceOf(Date);

    for (const [column, value] of [['id', id], ['email', 'full.row@example.test'], ['username', 'full.row']] as const) {
      const found = await new ColumnLookup(users, column).find(value);
      expect(found).toBeInstanceOf(User);
      expect(found).toEqual(expected);
    }
  });

  it('finds nothing for an unknown value or a soft-deleted row, as findOneBy', async () => {
    const { id } = (await syncUser(t, { email: 'gone@example.test', password: 'Gone-pass-123' })) as { id: string };
    expect((await t.http().delete(`/api/users/${id}`).set('authorization', bearer(admin))).status).toBe(204);
    expect(await users.findOneBy({ id })).toBeNull();
    expect(await new ColumnLookup(users, 'id').find(id)).toBeNull();
    expect(await new ColumnLookup(users, 'email').find('nobody@example.test')).toBeNull();
  });
});
