import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { abuseConfig } from './abuse.config';
import { appConfig } from './app.config';
import { authConfig, keySettings } from './auth.config';
import { bootstrapConfig } from './bootstrap.config';
import { databaseConfig } from './database.config';
import { encryptionConfig } from './encryption.config';
import { googleConfig } from './google.config';
import { httpConfig } from './http.config';
import { importConfig } from './import.config';
import { mailConfig } from './mail.config';
import { metricsConfig } from './metrics.config';
import { mfaConfig } from './mfa.config';
import { Namespace } from './namespace';
import { passwordsConfig } from './passwords.config';
import { redisConfig } from './redis.config';
import { selfServiceConfig } from './self-service.config';
import { signingKeyProblems } from './signing-key-check';
import { ConfigError, Env, isBlank } from './validate-env';

/** Every namespace, by the name it has in AllConfig. */
export const NAMESPACES = {
  app: appConfig,
  http: httpConfig,
  database: databaseConfig,
  auth: authConfig,
  abuse: abuseConfig,
  redis: redisConfig,
  google: googleConfig,
  passwords: passwordsConfig,
  encryption: encryptionConfig,
  mail: mailConfig,
  mfa: mfaConfig,
  selfService: selfServiceConfig,
  userImport: importConfig,
  metrics: metricsConfig,
  bootstrap: bootstrapConfig,
} as const;

type Namespaces = typeof NAMESPACES;

/** The whole configuration, typed, validated, read once. */
export type AllConfig = { readonly [K in keyof Namespaces]: Namespaces[K] extends Namespace<infer T> ? T : never };

export interface LoadConfigOptions {
  /** The .env file read under the environment (default: ENV_FILE, else `.env` in the working directory); null reads none. */
  envFile?: string | null;
}

/**
 * ENV_FILE names the file read under the environment; `none` reads none. The tests set `none`, so a developer's
 * `.env` (made by the quick start, e.g. with CORS_ORIGINS) never changes what they test.
 */
function envFileOf(env: Env): string | null {
  const named = env.ENV_FILE?.trim();
  if (!named) return '.env';
  return named === 'none' ? null : named;
}

/**
 * The only place the application reads its environment: the variables, over the `.env` file (a variable already
 * set wins; an empty one counts as unset, so the file's value applies). Every namespace is validated and every
 * problem reported at once, in one ConfigError, rather than the first one per start attempt.
 */
export function loadConfig(env: Env = process.env, options: LoadConfigOptions = {}): AllConfig {
  const vars = withEnvFile(env, options.envFile === undefined ? envFileOf(env) : options.envFile);
  const problems: string[] = [];
  const config: Partial<Record<keyof Namespaces, unknown>> = {};
  for (const [name, ns] of Object.entries(NAMESPACES) as [keyof Namespaces, Namespace<object>][]) {
    try {
      config[name] = ns.read(vars);
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      problems.push(...e.problems);
    }
  }
  problems.push(...signingKeyProblems(keySettings(vars)));
  if (problems.length > 0) throw new ConfigError(problems);
  return config as AllConfig;
}

function withEnvFile(env: Env, path: string | null): Env {
  if (path === null || !existsSync(path)) return env;
  const file = parseEnv(readFileSync(path, 'utf8'));
  const merged: Env = { ...file };
  for (const [k, v] of Object.entries(env)) if (!isBlank(v) || isBlank(file[k])) merged[k] = v;
  return merged;
}
