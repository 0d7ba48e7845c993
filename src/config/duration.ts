import { ValidateBy, ValidationOptions } from 'class-validator';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const DURATION = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$/;

/**
 * A duration from the environment, in milliseconds: a bare number is seconds (as ACCESS_TOKEN_TTL already is), or a
 * number with a unit: `500ms`, `30s`, `15m`, `1h`, `1d`. Returns null for anything else, including zero.
 */
export function parseDuration(value: string): number | null {
  const m = DURATION.exec(value.trim());
  if (!m) return null;
  const ms = Math.round(Number(m[1]) * UNIT_MS[m[2] ?? 's']);
  return ms > 0 && Number.isSafeInteger(ms) ? ms : null;
}

/** The env value is a duration parseDuration accepts. */
export function IsDuration(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isDuration',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && parseDuration(value) !== null,
        defaultMessage: () => 'must be a positive duration: seconds (900) or a number with ms, s, m, h or d (15m)',
      },
    },
    options,
  );
}
