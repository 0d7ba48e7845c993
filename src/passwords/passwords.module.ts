import { Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { authConfig } from '../config/auth.config';
import { passwordsConfig } from '../config/passwords.config';
import { Metrics } from '../metrics/metrics';
import { createPasswordHasher } from './create-password-hasher';
import { PasswordHasher } from './password-hasher';
import { PasswordPolicy } from './password-policy';
import { PasswordVerifier } from './password-verifier';

@Module({
  providers: [
    {
      provide: PasswordHasher,
      // Metrics are optional: the CLI hashes a password without serving any.
      inject: [authConfig.KEY, passwordsConfig.KEY, { token: Metrics, optional: true }],
      useFactory: (auth: ConfigType<typeof authConfig>, passwords: ConfigType<typeof passwordsConfig>, metrics?: Metrics): PasswordHasher => {
        const { hasher, reason } = createPasswordHasher(passwords, auth.bcryptCost);
        if (metrics) {
          hasher.onTimed = (operation, seconds) => metrics.passwordHashed(operation, seconds);
          metrics.watchHashQueue(() => hasher.waiting);
        }
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
