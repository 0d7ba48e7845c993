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
    const lines = errors.map((e) => {
      const reasons = Object.values(e.constraints ?? {}).join('; ');
      return `  ${e.property}=${JSON.stringify(env[e.property] ?? null)}: ${reasons}`;
    });
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
