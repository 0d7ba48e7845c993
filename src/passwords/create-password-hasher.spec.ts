import { BcryptjsWorkersHasher } from './bcryptjs-workers.hasher';
import { createPasswordHasher } from './create-password-hasher';
import * as native from './native-bcrypt';

describe('createPasswordHasher', () => {
  afterEach(() => jest.restoreAllMocks());

  it('uses bcryptjs in worker threads when asked to', async () => {
    const { hasher } = createPasswordHasher({ mode: 'bcryptjs-workers', threads: 1, hashThreadNice: 0 }, 4);
    expect(hasher).toBeInstanceOf(BcryptjsWorkersHasher);
    expect(hasher.cost).toBe(4);
    await hasher.close();
  });

  it('falls back to bcryptjs in worker threads when native bcrypt does not load, and says why', async () => {
    jest.spyOn(native, 'loadNativeBcrypt').mockImplementation(() => {
      throw new Error('Cannot find module bcrypt/prebuilds/linux-x64/bcrypt.glibc.node');
    });
    const { hasher, reason } = createPasswordHasher({ mode: 'auto', threads: 1, hashThreadNice: 0 }, 4);
    expect(hasher).toBeInstanceOf(BcryptjsWorkersHasher);
    expect(reason).toContain('Cannot find module');
    await hasher.close();
  });

  it('refuses to start with PASSWORD_HASHER=native when native bcrypt does not load', () => {
    jest.spyOn(native, 'loadNativeBcrypt').mockImplementation(() => {
      throw new Error('no binary');
    });
    expect(() => createPasswordHasher({ mode: 'native', threads: 1, hashThreadNice: 0 }, 4)).toThrow(/PASSWORD_HASHER=native.*no binary/);
  });
});
