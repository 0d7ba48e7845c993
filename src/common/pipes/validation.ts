import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate, validateSync } from 'class-validator';
import { Errors, FieldError } from '../errors/api-error';
import { notPlainText } from '../validation/plain-text';

/** Flattens class-validator's tree into `withPassword.password: must be a string` pairs. */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((reason) => ({
      field,
      // class-validator prefixes messages with the property name; the field is reported on its own.
      reason: reason.startsWith(`${e.property} `) ? reason.slice(e.property.length + 1) : reason,
    }));
    return [...own, ...toFieldErrors(e.children ?? [], field)];
  });
}

const VALIDATOR_OPTIONS = {
  // Unknown fields are an error, not silently dropped: a typo in a sync body must not be mistaken for success.
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
} as const;

/** 400 naming every string of a body or query that is not plain text (control characters: see plain-text.ts). */
function assertPlainText(value: unknown): void {
  const fields = notPlainText(value);
  if (fields.length > 0) throw Errors.badInput(fields);
}

/** ValidationPipe, with the plain-text rule applied to the whole body or query first. */
class GatehouseValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') assertPlainText(value);
    return super.transform(value, metadata) as Promise<unknown>;
  }
}

/** The global pipe: every DTO is validated, unknown fields refused, errors name the field and the reason. */
export function createValidationPipe(): ValidationPipe {
  return new GatehouseValidationPipe({
    ...VALIDATOR_OPTIONS,
    transform: true,
    exceptionFactory: (errors) => Errors.badInput(toFieldErrors(errors)),
  });
}

/** Validates a body outside the global pipe (see validated-body.ts) with the same rules and error shape. */
export async function validateBody<T extends object>(schema: new () => T, body: unknown): Promise<T> {
  const instance = toInstance(schema, body);
  const errors = await validate(instance, VALIDATOR_OPTIONS);
  if (errors.length > 0) throw Errors.badInput(toFieldErrors(errors));
  return instance;
}

/**
 * validateBody without promises, for a schema with synchronous rules only (every DTO here): what the import runs
 * on each of its lines, where a promise per rule per line was a good part of the cost.
 */
export function validateBodySync<T extends object>(schema: new () => T, body: unknown): T {
  const instance = toInstance(schema, body);
  const errors = validateSync(instance, VALIDATOR_OPTIONS);
  if (errors.length > 0) throw Errors.badInput(toFieldErrors(errors));
  return instance;
}

function toInstance<T extends object>(schema: new () => T, body: unknown): T {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw Errors.badInput([{ field: 'body', reason: 'must be a JSON object' }]);
  }
  assertPlainText(body);
  return plainToInstance(schema, body);
}
