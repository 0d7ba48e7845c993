import { applyDecorators } from '@nestjs/common';
import { IsString, ValidateBy } from 'class-validator';
import { passwordPolicy } from './password-policy';

/** bcrypt reads only the first 72 bytes; anything longer would be silently truncated, so it is refused instead. */
export const BCRYPT_MAX_BYTES = 72;

/** Length in characters (code points), so "é" or an emoji counts once, as a person would count it. */
const characters = (v: string): number => [...v].length;

export function IsPassword(): PropertyDecorator {
  return applyDecorators(
    IsString(),
    ValidateBy({
      name: 'passwordMinLength',
      validator: {
        validate: (v: unknown) => typeof v === 'string' && characters(v) >= passwordPolicy().minLength,
        defaultMessage: () => `must be at least ${passwordPolicy().minLength} characters`,
      },
    }),
    ValidateBy({
      name: 'maxUtf8Bytes',
      validator: {
        validate: (v: unknown) => typeof v === 'string' && Buffer.byteLength(v, 'utf8') <= BCRYPT_MAX_BYTES,
        defaultMessage: () => `must be at most ${BCRYPT_MAX_BYTES} bytes of UTF-8`,
      },
    }),
  );
}
