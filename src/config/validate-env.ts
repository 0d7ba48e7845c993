import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { StartupError } from '../common/process/startup-error';

/** The environment as the config namespaces read it (process.env, or the merge of it with the .env file). */
export type Env = Record<string, string | undefined>;

/**
 * Invalid configuration: one line per problem, each naming the variable and the reason, never the value (AUTH_CLIENTS,
 * DATABASE_URL, REDIS_URL or JWT_PRIVATE_KEY would print their secrets to a log that many more people read than hold
 * those secrets).
 */
export class ConfigError extends StartupError {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
}

/** An empty (or blank) variable means unset: `TRUST_PROXY=` in a compose file must not stop start-up. */
export function isBlank(value: string | undefined): boolean {
  return value === undefined || value.trim() === '';
}

/** class-validator prefixes its default messages with the property name; the line names the variable once. */
function problemsOf(errors: ValidationError[]): string[] {
  return errors.map((e) => {
    const reasons = Object.values(e.constraints ?? {}).map((r) => (r.startsWith(`${e.property} `) ? r.slice(e.property.length + 1) : r));
    return `${e.property}: ${reasons.join('; ')}`;
  });
}

export interface ValidateEnvOptions {
  /** Variables for which an empty value is an error rather than "unset" (JWT_ISSUER: an empty issuer is a mistake). */
  emptyRefused?: readonly string[];
  /** Problems the namespace found itself (across variables), reported with the others. */
  extraProblems?: string[];
}

/**
 * Validates one config namespace's slice of the environment against its class. Empty variables are dropped first
 * (unset), except those in `emptyRefused`. A bad value stops start-up, never a half-configured service.
 */
export function validateEnv<T extends object>(schema: new () => T, env: Env, options: ValidateEnvOptions = {}): T {
  const keepEmpty = new Set(options.emptyRefused ?? []);
  const present = Object.fromEntries(Object.entries(env).filter(([k, v]) => v !== undefined && (!isBlank(v) || keepEmpty.has(k))));
  const values = plainToInstance(schema, present, { enableImplicitConversion: false });
  const problems = [...problemsOf(validateSync(values, { skipMissingProperties: false, whitelist: false })), ...(options.extraProblems ?? [])];
  if (problems.length > 0) throw new ConfigError(problems);
  return values;
}

/** Comma-separated list → trimmed, non-empty entries. */
export function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** class-transformer hook for a numeric variable: unset stays unset, anything else becomes a number to validate. */
export const toInt = ({ value }: { value: unknown }): number | undefined => (value === undefined ? undefined : Number(value));

/** class-transformer hook for a flag: `true`/`false` (any case); anything else stays a string for @IsBoolean to refuse. */
export const toBoolean = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  return v === 'true' ? true : v === 'false' ? false : value;
};
