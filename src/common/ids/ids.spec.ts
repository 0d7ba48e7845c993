import { newUserGuid, newUserId } from './ids';

describe('ids', () => {
  it('mints snowflake ids as 19-digit decimal strings that sort in creation order', () => {
    const ids = Array.from({ length: 2000 }, () => newUserId());
    for (const id of ids) expect(id).toMatch(/^[1-9]\d{18}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('mints guids as user_ + 26 base62 characters, all distinct', () => {
    const guids = Array.from({ length: 1000 }, () => newUserGuid());
    for (const g of guids) expect(g).toMatch(/^user_[0-9A-Za-z]{26}$/);
    expect(new Set(guids).size).toBe(guids.length);
  });
});
