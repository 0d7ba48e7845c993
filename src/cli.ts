import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { CliModule } from './cli/cli.module';
import { CliFailure } from './cli/cli-failure';
import { ApiError } from './common/errors/api-error';
import { StartupError } from './common/process/startup-error';
import { loadConfig } from './config/load-config';

/** What the operator reads when a command fails: our own refusals in one line, anything else whole. */
function report(e: unknown): void {
  if (e instanceof CliFailure || e instanceof StartupError) console.error(e.message);
  else if (e instanceof ApiError) console.error(e.fields?.length ? e.fields.map((f) => `${f.field} ${f.reason}`).join('\n') : e.message);
  else console.error(e);
  process.exitCode = 1;
}

/** Commander's own exits (an unknown command: 1; --help: 0) become the exit code instead of a process.exit(). */
const exitAsCommanderSays = (e: Error): void => {
  process.exitCode = (e as Error & { exitCode?: number }).exitCode ?? 1;
};

/**
 * The admin CLI: `npm run cli -- <command>` (or `node dist/src/cli.js <command>` in the built image), on the
 * configured database, with no server running. `npm run cli -- --help` lists the commands.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  await CommandFactory.run(CliModule.forRoot(config), { cliName: 'npm run cli --', logger: ['error', 'warn'], serviceErrorHandler: report, errorHandler: exitAsCommanderSays });
}

main().catch(report);
