import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PasswordsModule } from '../passwords/passwords.module';
import { ExternalAccountsService } from './identities/external-accounts.service';
import { Identity } from './identities/identity.entity';
import { UsersAdminService } from './admin/users-admin.service';
import { UsersQueryService } from './admin/users-query.service';
import { OwnAccountService } from './me/own-account.service';
import { AuditModule } from '../audit/audit.module';
import { UserLocksService } from './user-locks.service';
import { UserSyncService } from './user-sync.service';
import { UsersAdminController } from './users-admin.controller';
import { User } from './user.entity';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';
import { RecentUsers } from './recent-users';
import { UserChangeBroadcast } from './user-change-broadcast';
import { AdminAccounts } from './admin/admin-accounts.service';

/** Owns the User table. Exports the services, never the repository. */
@Module({
  imports: [TypeOrmModule.forFeature([User, Identity]), PasswordsModule, AuditModule],
  // UsersController first: its static /me routes are registered before the admin controller's /:id.
  controllers: [UsersController, UsersAdminController],
  providers: [UsersService, RecentUsers, UserSyncService, ExternalAccountsService, UsersQueryService, UsersAdminService, OwnAccountService, UserLocksService, AdminAccounts, UserChangeBroadcast],
  exports: [UsersService, UserSyncService, ExternalAccountsService, OwnAccountService, UserLocksService, AdminAccounts],
})
export class UsersModule {}
