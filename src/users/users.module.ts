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
import { SyncCredentials } from './sync/sync-credentials.service';
import { UsersAdminController } from './users-admin.controller';
import { User } from './user.entity';
import { UsersController } from './users.controller';
import { UsersImportController } from './users-import.controller';
import { UserImportService } from './import/user-import.service';
import { LineParsers } from './import/line-parsers';
import { UsersService } from './users.service';
import { RecentUsers } from './recent-users';
import { SelfServiceUsers } from './self-service/self-service-users.service';
import { PasswordHashProfile } from './password-profiles/password-hash-profile.entity';
import { PasswordProfiles } from './password-profiles/password-profiles.service';
import { UserChangeBroadcast } from './user-change-broadcast';
import { AdminAccounts } from './admin/admin-accounts.service';

/** Owns the User table. Exports the services, never the repository. */
@Module({
  imports: [TypeOrmModule.forFeature([User, Identity, PasswordHashProfile]), PasswordsModule, AuditModule],
  // UsersController first: its static /me routes are registered before the admin controller's /:id.
  controllers: [UsersController, UsersImportController, UsersAdminController],
  providers: [
    UsersService,
    RecentUsers,
    UserSyncService,
    SyncCredentials,
    UserImportService,
    LineParsers,
    PasswordProfiles,
    ExternalAccountsService,
    UsersQueryService,
    UsersAdminService,
    OwnAccountService,
    UserLocksService,
    SelfServiceUsers,
    AdminAccounts,
    UserChangeBroadcast,
  ],
  exports: [UsersService, UserSyncService, ExternalAccountsService, OwnAccountService, UserLocksService, PasswordProfiles, SelfServiceUsers, AdminAccounts],
})
export class UsersModule {}
