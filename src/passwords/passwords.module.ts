import { Logger, Module } from '@nestjs/common';
import { ConfigModule, ConfigType } from '@nestjs/config';
import { configurePasswordPolicy, PasswordPolicy } from '../common/validation/password-policy';
import { authConfig } from '../config/auth.config';
import { passwordsConfig } from '../config/passwords.config';
import { BcryptjsHasher } from './bcryptjs.hasher';
import { PasswordHasher } from './password-hasher';

/** Injection token of the password policy in force (also what the DTO validator reads). */
export const PASSWORD_POLICY = 'PASSWORD_POLICY';

@Module({
  imports: [ConfigModule.forFeature(passwordsConfig)],
  providers: [
    {
      provide: PasswordHasher,
      inject: [authConfig.KEY],
      useFactory: (auth: ConfigType<typeof authConfig>): PasswordHasher => {
        const hasher = new BcryptjsHasher(auth.bcryptCost);
        new Logger('Passwords').log(`Password hasher: ${hasher.name}, cost ${auth.bcryptCost}`);
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
export class PasswordsModule {}
