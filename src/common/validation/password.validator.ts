import { applyDecorators } from '@nestjs/common';
import { IsString, MinLength, ValidateBy } from 'class-validator';

/** bcrypt reads only the first 72 bytes; anything longer would be silently truncated, so it is refused instead. */
export const BCRYPT_MAX_BYTES = 72;
export const PASSWORD_MIN_LENGTH = 8;

export function IsPassword(): PropertyDecorator {
  return applyDecorators(
    IsString(),
    MinLength(PASSWORD_MIN_LENGTH, { message: `must be at least ${PASSWORD_MIN_LENGTH} characters` }),
    ValidateBy({
      name: 'maxUtf8Bytes',
      validator: {
        validate: (v: unknown) => typeof v === 'string' && Buffer.byteLength(v, 'utf8') <= BCRYPT_MAX_BYTES,
        defaultMessage: () => `must be at most ${BCRYPT_MAX_BYTES} bytes of UTF-8`,
      },
    }),
  );
}
