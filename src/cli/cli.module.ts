import { DynamicModule, Module } from '@nestjs/common';
import { ConfigurationModule } from '../config/configuration.module';
import { AllConfig } from '../config/load-config';
import { AdminPasswordQuestions } from './admin-password.questions';
import { CreateAdminCommand } from './create-admin.command';
import { DatabaseCommands } from './database-commands';
import { KeysGenerateCommand } from './keys-generate.command';
import { KeysListCommand } from './keys-list.command';
import { UsersUnlockCommand } from './users-unlock.command';

/**
 * The admin CLI (`npm run cli -- <command>`, src/cli.ts): the commands, on the service's own configuration. The
 * database is connected only by the commands that need it (DatabaseCommands), whose logs go to standard error:
 * standard output carries only what a command prints.
 */
@Module({})
export class CliModule {
  static forRoot(config: AllConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [ConfigurationModule.forRoot(config)],
      providers: [DatabaseCommands, AdminPasswordQuestions, CreateAdminCommand, KeysGenerateCommand, KeysListCommand, UsersUnlockCommand],
    };
  }
}
