import { Inject } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { Command, CommandRunner, Option } from 'nest-commander';
import { newKeyFileName, toSigningKey, writeNewSigningKey } from '../auth/tokens/signing-keys';
import { authConfig } from '../config/auth.config';

interface KeysGenerateOptions {
  out?: string;
}

/**
 * `keys:generate [--out <file>]`: a new RSA-2048 signing key, by default in JWT_KEYS_DIR under a name that sorts
 * last (the keys directory's newest key signs). Prints where it is and its kid, never the key.
 */
@Command({ name: 'keys:generate', description: 'Generate an RSA signing key (in JWT_KEYS_DIR, or --out <file>)' })
export class KeysGenerateCommand extends CommandRunner {
  constructor(@Inject(authConfig.KEY) private readonly auth: ConfigType<typeof authConfig>) {
    super();
  }

  async run(_args: string[], options: KeysGenerateOptions): Promise<void> {
    const path = resolve(options.out ?? join(this.auth.keysDir, newKeyFileName()));
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    writeNewSigningKey(path);
    const { kid } = await toSigningKey(readFileSync(path, 'utf8'));
    process.stdout.write(`Generated ${path}\nkid ${kid}\n`);
    process.stdout.write(`To rotate without refusing tokens: publish it first (JWT_PRIVATE_KEYS=<current>,${path}), then sign with it (JWT_PRIVATE_KEYS=${path},<current>); see the README.\n`);
  }

  @Option({ flags: '--out <file>', description: 'Where to write the key (refuses to overwrite a file)' })
  parseOut(value: string): string {
    return value;
  }
}
