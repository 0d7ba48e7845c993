import { registerAs } from '@nestjs/config';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { validateEnv } from './validate-env';

class PasswordsEnv {
  /** 8 is NIST SP 800-63B's floor; above 64 no password would fit bcrypt's 72 bytes with multi-byte characters. */
  @IsOptional() @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt() @Min(8) @Max(64)
  PASSWORD_MIN_LENGTH?: number;
}

export const passwordsConfig = registerAs('passwords', () => {
  const env = validateEnv(PasswordsEnv, process.env);
  return { minLength: env.PASSWORD_MIN_LENGTH ?? 8 };
});

export type PasswordsConfig = ReturnType<typeof passwordsConfig>;
