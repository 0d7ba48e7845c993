import { Inject } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { Command, CommandRunner } from 'nest-commander';
import { configuredKeys } from '../auth/tokens/signing-keys';
import { authConfig } from '../config/auth.config';

/** `keys:list`: the keys the service loads with this configuration, the signing one first; kid and source only. */
@Command({ name: 'keys:list', description: 'List the configured signing keys (kid, size, where from; the first signs)' })
export class KeysListCommand extends CommandRunner {
  constructor(@Inject(authConfig.KEY) private readonly auth: ConfigType<typeof authConfig>) {
    super();
  }

  async run(): Promise<void> {
    const keys = await configuredKeys(this.auth);
    if (keys.length === 0) {
      process.stdout.write(`No signing key yet: one is generated in ${this.auth.keysDir} at the first start\n`);
      return;
    }
    keys.forEach(({ source, key }, i) => {
      const bits = key.privateKey.asymmetricKeyDetails?.modulusLength ?? 0;
      process.stdout.write(`${i === 0 ? 'signs   ' : 'verifies'}  ${key.kid}  RSA-${bits}  ${source}\n`);
    });
  }
}
