import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString, ValidateBy } from 'class-validator';

/** bcrypt reads only the first 72 bytes; anything longer would be silently truncated, so it is refused instead. */
export const BCRYPT_MAX_BYTES = 72;

/**
 * The form a password is hashed in: Unicode NFC, so "é" typed as one code point (most keyboards) or as "e" plus a
 * combining accent (some input methods, macOS file names pasted) is the same password. NIST SP 800-63B §5.1.1.2 asks
 * for normalisation before hashing; NFC rather than NFKC keeps distinct characters distinct (NFKC would make "²"
 * and "2" one password).
 */
export const normalizePassword = (v: string): string => v.normalize('NFC');

/** Length in characters (code points), so "é" or an emoji counts once, as a person would count it. */
export const characters = (v: string): number => [...v].length;

/**
 * The rules of a new password that hold for every deployment: a string, NFC-normalised (normalizePassword) before
 * anything else, at most 72 bytes of UTF-8 in that form. The minimum
 * length is configured per application (PASSWORD_MIN_LENGTH) and so is checked by PasswordPolicy where the password
 * is set: decorators are evaluated once per process, when the DTO classes load, and cannot see one app's settings.
 */
export function IsPassword(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }) => (typeof value === 'string' ? normalizePassword(value) : value)),
    IsString(),
    ValidateBy({
      name: 'maxUtf8Bytes',
      validator: {
        validate: (v: unknown) => typeof v === 'string' && Buffer.byteLength(v, 'utf8') <= BCRYPT_MAX_BYTES,
        defaultMessage: () => `must be at most ${BCRYPT_MAX_BYTES} bytes of UTF-8`,
      },
    }),
  );
}
