/**
 * `npm run import -- users.ndjson --url http://localhost:8080`: moves users into Gatehouse from an NDJSON file (one
 * PUT /api/users body per line, `password` or `passwordHash`) through POST /api/users/import. See the README,
 * "Moving users in".
 */
import { Command, InvalidArgumentError } from 'commander';
import { countLines } from './file-lines';
import { progressBar, serverSplit } from './progress-bar';
import { ImportOutcome, runImport } from './run-import';

const positive = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a positive whole number');
  return n;
};

const program = new Command('import')
  .description('Create or update the users of an NDJSON file through POST /api/users/import, with progress, a report of the failed lines, and --resume.')
  .argument('<file>', 'NDJSON file: one PUT /api/users body per line')
  .requiredOption('--url <url>', 'Gatehouse base URL, e.g. http://localhost:8080')
  .option('--token <token>', 'an admin access token (or GATEHOUSE_TOKEN); without one, the system context is sent (trusted networks only)')
  .option('--context-id <id>', 'the id the system context records as createdBy / updatedBy', '__system')
  .option('--resume', 'skip the lines an earlier run of this file finished; send its failed lines again', false)
  .option('--state <path>', 'where the progress is kept (default: <file>.import-state.json)')
  .option('--report <path>', 'where the failed lines are listed (default: <file>.failed.ndjson)')
  .option('--max-request-bytes <n>', 'largest body of one request; keep it under the server\'s IMPORT_MAX_BODY', positive, 16 * 1024 * 1024)
  .option('--max-errors <n>', 'stop once this many lines have failed', positive, 10_000)
  .option('--no-progress', 'no progress bar (the summary is printed anyway)')
  .action(async (file: string, opts: Record<string, string | number | boolean | undefined>) => {
    process.exitCode = await importFile(file, opts);
  });

async function importFile(file: string, opts: Record<string, string | number | boolean | undefined>): Promise<number> {
  const total = await countLines(file);
  const bar = opts.progress && process.stderr.isTTY ? progressBar(total) : null;
  const abort = new AbortController();
  process.once('SIGINT', () => abort.abort());
  const outcome = await runImport({
    file,
    url: String(opts.url),
    token: (opts.token as string | undefined) ?? process.env.GATEHOUSE_TOKEN,
    context: { id: String(opts.contextId), user: String(opts.contextId) },
    resume: Boolean(opts.resume),
    statePath: String(opts.state ?? `${file}.import-state.json`),
    reportPath: String(opts.report ?? `${file}.failed.ndjson`),
    maxRequestBytes: Number(opts.maxRequestBytes),
    maxErrors: Number(opts.maxErrors),
    signal: abort.signal,
    onProgress: (p) => bar?.update(p),
  });
  bar?.stop();
  printSummary(outcome, total, String(opts.report ?? `${file}.failed.ndjson`));
  if (!outcome.complete) return outcome.stoppedBy === 'interrupted' ? 130 : 2;
  return outcome.stillFailing > 0 ? 1 : 0;
}

function printSummary(o: ImportOutcome, total: number, report: string): void {
  const seconds = o.elapsedMs / 1000;
  const lines = [
    `${o.complete ? 'Done' : `Stopped (${o.stoppedBy})`}: ${o.done} of ${total} lines in ${seconds.toFixed(1)} s (${Math.round(o.done / Math.max(seconds, 0.001))} lines/s)` +
      (o.skipped ? `, ${o.skipped} skipped (finished by an earlier run)` : ''),
    `  created ${o.created}, updated ${o.updated}, unchanged ${o.unchanged}, failed ${o.failed}`,
    `  server time: ${serverSplit(o)}`,
    o.stillFailing > 0 ? `  ${o.stillFailing} lines failing, listed in ${report}; fix them and run again with --resume` : '  no line failing',
  ];
  if (!o.complete) lines.push('  run the same command with --resume to go on from here');
  console.error(lines.join('\n'));
}

program.parseAsync().catch((e: Error) => {
  console.error(`import: ${e.message}`);
  process.exitCode = 2;
});
