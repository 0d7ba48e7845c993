import { Command, CommandRunner } from 'nest-commander';
import { UserLocksService } from '../users/user-locks.service';
import { UsersService } from '../users/users.service';
import { CliFailure } from './cli-failure';
import { DatabaseCommands } from './database-commands';

/** `users:unlock <email>`: lifts any lock (automatic or by an admin), as POST /api/users/:id/unlock does; audited as `cli`. */
@Command({ name: 'users:unlock', arguments: '<email>', description: 'Unlock the user with this e-mail (any lock, automatic or admin)' })
export class UsersUnlockCommand extends CommandRunner {
  constructor(private readonly database: DatabaseCommands) {
    super();
  }

  async run([email]: string[]): Promise<void> {
    const message = await this.database.run(async (db) => {
      // findByLogin reads an identifier without `@` as a username: this command takes e-mails only.
      const user = email.includes('@') ? await db.get(UsersService).findByLogin(email) : null;
      if (!user) throw new CliFailure(`No user with the e-mail ${email}`);
      if (!user.isLocked) return `User ${user.id} (${user.email}) is not locked; nothing to do`;
      await db.get(UserLocksService).unlock(user.id, 'cli');
      return `Unlocked user ${user.id} (${user.email})`;
    });
    process.stdout.write(`${message}\n`);
  }
}
