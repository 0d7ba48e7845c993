/**
 * The password rules in force. class-validator decorators are evaluated when the DTO classes load, before the
 * configuration exists, so the validator reads the policy when it validates; PasswordsModule sets it once at
 * start-up from PASSWORD_MIN_LENGTH (src/config/passwords.config.ts). The default is the configured default.
 */
export interface PasswordPolicy {
  minLength: number;
}

let current: PasswordPolicy = { minLength: 8 };

export function passwordPolicy(): PasswordPolicy {
  return current;
}

export function configurePasswordPolicy(policy: PasswordPolicy): void {
  current = { ...policy };
}
