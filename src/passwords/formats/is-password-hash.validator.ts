import { applyDecorators } from '@nestjs/common';
import { IsString, ValidateBy, ValidationArguments } from 'class-validator';
import { parseStoredHash } from './stored-hash';

/**
 * A password hash made by another system, in a format Gatehouse verifies and within the bounds of what a check may
 * cost (hash-bounds.ts). The 400 says why (the format list, or the parameter out of bounds), never the hash itself.
 */
export function IsPasswordHash(): PropertyDecorator {
  return applyDecorators(
    IsString(),
    ValidateBy({
      name: 'passwordHash',
      validator: {
        validate: (v: unknown) => typeof v === 'string' && parseStoredHash(v).ok,
        defaultMessage: (args?: ValidationArguments) => {
          const parsed = typeof args?.value === 'string' ? parseStoredHash(args.value) : null;
          return parsed && !parsed.ok ? parsed.reason : 'must be a password hash';
        },
      },
    }),
  );
}
