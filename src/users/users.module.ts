import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PasswordsModule } from '../passwords/passwords.module';
import { ExternalAccountsService } from './identities/external-accounts.service';
import { Identity } from './identities/identity.entity';
import { UserSyncService } from './user-sync.service';
import { User } from './user.entity';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** Owns the User table. Exports the services, never the repository. */
@Module({
  imports: [TypeOrmModule.forFeature([User, Identity]), PasswordsModule],
  controllers: [UsersController],
  providers: [UsersService, UserSyncService, ExternalAccountsService],
  exports: [UsersService, UserSyncService, ExternalAccountsService],
})
export class UsersModule {}
