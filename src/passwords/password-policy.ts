import { Inject, Injectable } from '@nestjs/common';
import { Errors } from '../common/errors/api-error';
import { characters } from '../common/validation/password.validator';
import { passwordsConfig, PasswordsConfig } from '../config/passwords.config';

/**
 * The configured rules for a new password (PASSWORD_MIN_LENGTH), one instance per application. The DTO's
 * @IsPassword() keeps the rules that never change; every place that sets a password calls check() before anything
 * else, so a short password is the same 400 as any invalid field, naming the field, and nothing is written.
 */
@Injectable()
export class PasswordPolicy {
  readonly minLength: number;

  constructor(@Inject(passwordsConfig.KEY) config: Pick<PasswordsConfig, 'minLength'>) {
    this.minLength = config.minLength;
  }

  /** 400 `invalid_request` naming `field` when the password is too short (in characters, not bytes). */
  check(password: string, field: string): void {
    if (characters(password) < this.minLength) {
      throw Errors.badInput([{ field, reason: `must be at least ${this.minLength} characters` }]);
    }
  }
}
