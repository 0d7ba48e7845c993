import { ValidateBy, ValidationOptions } from 'class-validator';

/** What a `code` field holds: a TOTP code or a recovery code, told apart by their shape. */
export type SecondFactorCode = { kind: 'totp'; code: string } | { kind: 'recovery_code'; code: string };
export type SecondFactorKind = SecondFactorCode['kind'];

/** The methods a challenge offers; every user with two-factor sign-in has both. */
export const SECOND_FACTOR_METHODS: readonly SecondFactorKind[] = ['totp', 'recovery_code'];

/** Recovery codes: 12 characters of base32 (60 random bits), shown as xxxx-xxxx-xxxx; case, spaces and dashes ignored. */
export const RECOVERY_CODE_LENGTH = 12;
const RECOVERY_CODE = new RegExp(`^[a-z2-7]{${RECOVERY_CODE_LENGTH}}$`);

/** Six digits (apps often show "123 456") → TOTP; twelve base32 characters → recovery code; anything else → null. */
export function parseSecondFactorCode(input: string): SecondFactorCode | null {
  const compact = input.replace(/[\s-]/g, '').toLowerCase();
  if (/^\d{6}$/.test(compact)) return { kind: 'totp', code: compact };
  if (RECOVERY_CODE.test(compact)) return { kind: 'recovery_code', code: compact };
  return null;
}

/** A DTO field that must be a TOTP code or a recovery code (else a 400 naming the field). */
export function IsSecondFactorCode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isSecondFactorCode',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && value.length <= 64 && parseSecondFactorCode(value) !== null,
        defaultMessage: () => 'must be a 6-digit code from the authenticator app or a recovery code (xxxx-xxxx-xxxx)',
      },
    },
    options,
  );
}
