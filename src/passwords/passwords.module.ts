import { Logger, Module } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { authConfig } from '../config/auth.config';
import { BcryptjsHasher } from './bcryptjs.hasher';
import { PasswordHasher } from './password-hasher';

@Module({
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
  ],
  exports: [PasswordHasher],
})
export class PasswordsModule {}
