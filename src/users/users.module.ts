import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PasswordsModule } from '../passwords/passwords.module';
import { AuditModule } from '../audit/audit.module';
import { UserLocksService } from './user-locks.service';
import { UserSyncService } from './user-sync.service';
import { User } from './user.entity';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** Owns the User table. Exports the services, never the repository. */
@Module({
  imports: [TypeOrmModule.forFeature([User]), PasswordsModule, AuditModule],
  controllers: [UsersController],
  providers: [UsersService, UserSyncService, UserLocksService],
  exports: [UsersService, UserSyncService, UserLocksService],
})
export class UsersModule {}
