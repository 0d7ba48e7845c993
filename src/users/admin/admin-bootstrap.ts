import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { ApiError } from '../../common/errors/api-error';
import { StartupError } from '../../common/process/startup-error';
import { bootstrapConfig } from '../../config/bootstrap.config';
import { AdminAccounts } from './admin-accounts.service';

const PASSWORD_VARIABLE = 'BOOTSTRAP_ADMIN_PASSWORD(_FILE)';

/**
 * BOOTSTRAP_ADMIN_EMAIL: at start, when no admin exists, that admin is created with the configured password. Once
 * any admin exists nothing here runs again, so the account is never reset by a restart and the variables can stay
 * set (or be removed) without effect.
 */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger('AdminBootstrap');

  constructor(
    @Inject(bootstrapConfig.KEY) private readonly config: ConfigType<typeof bootstrapConfig>,
    private readonly admins: AdminAccounts,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const admin = this.config.admin;
    if (!admin || (await this.admins.anyAdmin())) return;
    try {
      const user = await this.admins.create({ ...admin, createdBy: 'bootstrap', passwordField: PASSWORD_VARIABLE });
      this.logger.log(`Created the first admin, user ${user.id}, from BOOTSTRAP_ADMIN_EMAIL`);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      // A password the policy refuses is a configuration error: stop, naming the variable (never the value).
      if (e.fields?.length) throw new StartupError(`Invalid configuration:\n${e.fields.map((f) => `  ${f.field}: ${f.reason}`).join('\n')}`);
      if (await this.admins.anyAdmin()) return; // another instance starting at the same time created it
      // Not fatal: the service is fine, it only has no admin; the CLI makes one.
      this.logger.warn(`BOOTSTRAP_ADMIN_EMAIL names an existing user who is not an admin: no admin created (npm run cli -- create-admin <another e-mail>)`);
    }
  }
}
