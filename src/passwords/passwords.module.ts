import { Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { configurePasswordPolicy, PasswordPolicy } from '../common/validation/password-policy';
import { authConfig } from '../config/auth.config';
import { passwordsConfig } from '../config/passwords.config';
import { createPasswordHasher } from './create-password-hasher';
import { PasswordHasher } from './password-hasher';

/** Injection token of the password policy in force (also what the DTO validator reads). */
export const PASSWORD_POLICY = 'PASSWORD_POLICY';

@Module({
  providers: [
    {
      provide: PasswordHasher,
      inject: [authConfig.KEY, passwordsConfig.KEY],
      useFactory: (auth: ConfigType<typeof authConfig>, passwords: ConfigType<typeof passwordsConfig>): PasswordHasher => {
        const { hasher, reason } = createPasswordHasher(passwords, auth.bcryptCost);
        new Logger('Passwords').log(
          `Password hasher: ${hasher.name}, cost ${auth.bcryptCost}, ${passwords.threads} thread(s); ${reason}`,
        );
        return hasher;
      },
    },
    {
      // Set once at start-up: the validator of every password field reads this policy.
      provide: PASSWORD_POLICY,
      inject: [passwordsConfig.KEY],
      useFactory: (config: ConfigType<typeof passwordsConfig>): PasswordPolicy => {
        configurePasswordPolicy({ minLength: config.minLength });
        return { minLength: config.minLength };
      },
    },
  ],
  exports: [PasswordHasher, PASSWORD_POLICY],
})
export class PasswordsModule implements OnApplicationShutdown {
  constructor(@Inject(PasswordHasher) private readonly hasher: PasswordHasher) {}

  /** Worker threads would keep the process (or a test run) alive after the app has closed. */
  async onApplicationShutdown(): Promise<void> {
    await this.hasher.close();
  }
}
