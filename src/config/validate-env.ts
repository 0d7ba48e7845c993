import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

/**
 * Validates one config namespace's slice of the environment against its class.
 * A bad value stops start-up with a message naming the variable, never a half-configured service.
 */
export function validateEnv<T extends object>(schema: new () => T, env: NodeJS.ProcessEnv): T {
  const values = plainToInstance(schema, env, { enableImplicitConversion: false });
  const errors = validateSync(values, { skipMissingProperties: false, whitelist: false });
  if (errors.length > 0) {
    // The name and the reason only, never the value: AUTH_CLIENTS, DATABASE_URL, REDIS_URL or JWT_PRIVATE_KEY
    // would print their secrets to a log that many more people read than hold those secrets.
    const lines = errors.map((e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return values;
}

/** Comma-separated list → trimmed, non-empty entries. */
export function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** class-transformer hook for a numeric variable: unset or empty stays unset, anything else becomes a number to validate. */
export const toInt = ({ value }: { value: unknown }): number | undefined => (value === undefined || value === '' ? undefined : Number(value));
