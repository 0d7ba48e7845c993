import { applyDecorators } from '@nestjs/common';
import { IsDefined, ValidateIf } from 'class-validator';

/**
 * An optional field that, when sent, must have a value: absent is fine, `null` is a 400 naming the field.
 * `@IsOptional()` skips validation for null too, which let `null` reach NOT NULL columns (a 500) or services that
 * expect a value (e.g. the password hasher). Use this instead wherever null has no meaning; keep `@IsOptional()`
 * only where null means "clear the value" (nullable profile columns).
 */
export function IsOptionalButNotNull(): PropertyDecorator {
  return applyDecorators(
    ValidateIf((_object: object, value: unknown) => value !== undefined),
    IsDefined({ message: 'must not be null' }),
  );
}
