import { Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { authConfig } from '../config/auth.config';
import { passwordsConfig } from '../config/passwords.config';
import { createPasswordHasher } from './create-password-hasher';
import { PasswordHasher } from './password-hasher';
import { PasswordPolicy } from './password-policy';
import { PasswordVerifier } from './password-verifier';

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
    PasswordPolicy,
    PasswordVerifier,
  ],
  exports: [PasswordHasher, PasswordPolicy, PasswordVerifier],
})
export class PasswordsModule implements OnApplicationShutdown {
  constructor(@Inject(PasswordHasher) private readonly hasher: PasswordHasher) {}

  /** Worker threads would keep the process (or a test run) alive after the app has closed. */
  async onApplicationShutdown(): Promise<void> {
    await this.hasher.close();
  }
}
