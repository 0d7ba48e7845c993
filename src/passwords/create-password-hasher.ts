import { PasswordsConfig } from '../config/passwords.config';
import { BcryptjsWorkersHasher } from './bcryptjs-workers.hasher';
import { loadNativeBcrypt } from './native-bcrypt';
import { NativeBcryptHasher } from './native-bcrypt.hasher';
import { PasswordHasher } from './password-hasher';

export interface ChosenHasher {
  hasher: PasswordHasher;
  /** Why this implementation, for the start-up log line. */
  reason: string;
}

/**
 * PASSWORD_HASHER=auto takes native bcrypt when its binary loads (fastest: ~25% less CPU per hash than bcryptjs)
 * and otherwise bcryptjs in worker threads, which always works. `native` refuses to start without the binary.
 * Both run on worker threads `hashThreadNice` below the event loop's priority (thread-priority.ts).
 */
export function createPasswordHasher(config: Pick<PasswordsConfig, 'mode' | 'threads' | 'hashThreadNice'>, cost: number): ChosenHasher {
  const { threads, hashThreadNice: nice } = config;
  if (config.mode === 'bcryptjs-workers') {
    return { hasher: new BcryptjsWorkersHasher(cost, threads, nice), reason: 'PASSWORD_HASHER=bcryptjs-workers' };
  }
  try {
    loadNativeBcrypt();
    return { hasher: new NativeBcryptHasher(cost, threads, nice), reason: `PASSWORD_HASHER=${config.mode}` };
  } catch (e) {
    const why = (e as Error).message.split('\n')[0];
    if (config.mode === 'native') throw new Error(`PASSWORD_HASHER=native but bcrypt could not be loaded: ${why}`);
    return { hasher: new BcryptjsWorkersHasher(cost, threads, nice), reason: `native bcrypt unavailable (${why})` };
  }
}
