import { isEmail } from 'class-validator';
import { Command, CommandRunner, InquirerService, Option } from 'nest-commander';
import { AdminAccounts } from '../users/admin/admin-accounts.service';
import { ADMIN_PASSWORD_QUESTIONS, AdminPasswordAnswers } from './admin-password.questions';
import { CliFailure } from './cli-failure';
import { DatabaseCommands } from './database-commands';
import { readPiped } from './read-password';

interface CreateAdminOptions {
  username?: string;
}

/** `create-admin <email> [--username <name>]`: a new user with the admin role; the password is asked for, or piped in. */
@Command({ name: 'create-admin', arguments: '<email>', description: 'Create an admin user; the password is read from a prompt or from standard input' })
export class CreateAdminCommand extends CommandRunner {
  constructor(
    private readonly database: DatabaseCommands,
    private readonly inquirer: InquirerService,
  ) {
    super();
  }

  async run([rawEmail]: string[], options: CreateAdminOptions): Promise<void> {
    const email = rawEmail.trim().toLowerCase();
    if (!isEmail(email)) throw new CliFailure(`${rawEmail} is not a valid e-mail address`);
    const password = await this.password();
    const username = options.username?.trim().toLowerCase() ?? null;
    const user = await this.database.run((db) => db.get(AdminAccounts).create({ email, username, password, createdBy: 'cli', passwordField: 'password' }));
    process.stdout.write(`Created admin ${user.email}, user id ${user.id}\n`);
  }

  @Option({ flags: '--username <name>', description: 'Also a username to sign in with' })
  parseUsername(value: string): string {
    return value;
  }

  private async password(): Promise<string> {
    if (!process.stdin.isTTY) return readPiped(process.stdin);
    const answers = await this.inquirer.ask<AdminPasswordAnswers>(ADMIN_PASSWORD_QUESTIONS, undefined);
    if (answers.password !== answers.repeated) throw new CliFailure('The two passwords differ; nothing was created');
    return answers.password;
  }
}
