import { Inject, Injectable, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ALL_CONFIG } from '../config/configuration.module';
import { AllConfig } from '../config/load-config';
import { CliDatabaseModule } from './cli-database.module';

/**
 * Runs a command's work in a context of its own on the database, closed afterwards with every shutdown hook (audit
 * events flushed, hashing threads, Redis and the pool closed), so the command's process exits as soon as it is done.
 * A lazily loaded module would not do: Nest runs no lifecycle hook in one, and the open pool kept the process
 * alive for its idle timeout.
 */
@Injectable()
export class DatabaseCommands {
  constructor(@Inject(ALL_CONFIG) private readonly config: AllConfig) {}

  async run<T>(work: (context: INestApplicationContext) => Promise<T>): Promise<T> {
    const context = await NestFactory.createApplicationContext(CliDatabaseModule.forRoot(this.config), { logger: ['error', 'warn'], abortOnError: false });
    try {
      return await work(context);
    } finally {
      await context.close();
    }
  }
}
