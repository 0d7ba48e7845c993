import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import { Piscina } from 'piscina';
import { ApiError, Errors } from '../../common/errors/api-error';
import { SyncUserDto } from '../dto/sync-user.dto';
import type { WireLine } from './line-parser';

export type ParsedLine = { line: number; dto: SyncUserDto } | { line: number; error: ApiError };

/** Characters of lines handed to a worker at once: a batch of long lines is split, so a worker's memory does not depend on them. */
export const TASK_CHARS = 2 * 1024 * 1024;

/** The lines cut into consecutive tasks of at most TASK_CHARS (a single longer line is a task of its own). */
export function tasks(lines: { line: number; text: string }[]): { line: number; text: string }[][] {
  const out: { line: number; text: string }[][] = [];
  let bytes = Infinity;
  for (const line of lines) {
    if (bytes + line.text.length > TASK_CHARS) {
      out.push([]);
      bytes = 0;
    }
    out[out.length - 1].push(line);
    bytes += line.text.length;
  }
  return out;
}

/**
 * The worker's code: the compiled line-parser.worker.js beside this file, or, when this file runs from the
 * TypeScript sources (ts-jest, ts-node), the .ts through ts-node's transpiler (as for the bcryptjs workers).
 */
function workerFile(): { filename: string; execArgv?: string[] } {
  const ext = extname(__filename);
  const filename = join(__dirname, `line-parser.worker${ext}`);
  return ext === '.ts' ? { filename, execArgv: ['--require', require.resolve('ts-node/register/transpile-only')] } : { filename };
}

/**
 * Parses and validates import lines in worker threads (one per core but one, for the database and the event loop),
 * started at the first import and stopped with the application.
 */
@Injectable()
export class LineParsers implements OnApplicationShutdown {
  private pool: Piscina<{ line: number; text: string }[], WireLine[]> | null = null;

  async parse(lines: { line: number; text: string }[]): Promise<ParsedLine[]> {
    this.pool ??= new Piscina({
      ...workerFile(),
      minThreads: 1,
      maxThreads: Math.max(1, availableParallelism() - 1),
      // A worker holds its modules and one task of at most TASK_CHARS of lines: a ceiling on its heap keeps V8 from
      // growing it far past that while an import runs for minutes (each megabyte counts toward the server's RSS).
      resourceLimits: { maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 8 },
    });
    const parsed = (await Promise.all(tasks(lines).map((task) => this.pool!.run(task)))).flat();
    // A worker's answer is a structured clone: the body is a plain object again, the refusal a list of fields.
    return parsed.map((p) => ('dto' in p ? { line: p.line, dto: Object.assign(new SyncUserDto(), p.dto) } : { line: p.line, error: Errors.badInput(p.fields) }));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool?.destroy();
    this.pool = null;
  }
}
