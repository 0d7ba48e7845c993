import { ConfigFactoryKeyHost, registerAs } from '@nestjs/config';
import { Env } from './validate-env';

/**
 * One config namespace: `read(env)` validates and types its variables (loadConfig calls it for every namespace on
 * one merged environment), and `KEY` is the injection token under which ConfigurationModule provides the result, so
 * `@Inject(authConfig.KEY) auth: ConfigType<typeof authConfig>` works as with @nestjs/config. Calling the namespace
 * itself reads process.env alone (no .env file, no cross-namespace checks): the namespace's unit specs do that; the
 * application never does, it uses loadConfig().
 */
export type Namespace<T extends object> = (() => T) & ConfigFactoryKeyHost<T> & { read(env: Env): T };

export function namespace<T extends object>(name: string, read: (env: Env) => T): Namespace<T> {
  return Object.assign(registerAs<T, () => T>(name, () => read(process.env)), { read });
}
