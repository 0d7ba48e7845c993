import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { namespace } from './namespace';
import { Env, toInt, validateEnv } from './validate-env';

const MiB = 1024 * 1024;

class ImportEnv {
  /** Largest body of POST /api/users/import, bytes; only that route reads more than BODY_LIMIT. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1024) @Max(1024 * MiB)
  IMPORT_MAX_BODY?: number;

  /** Lines written per transaction. Above 1000 a batch holds SQLite's one writer longer than a sign-in should wait. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1000)
  IMPORT_BATCH_SIZE?: number;

  /**
   * Batches of one import written at once, on as many connections (only batches that touch different users). 2: the
   * next batch's statements run while the one before commits (+16% users/s into PostgreSQL on 2 cores); 1 writes
   * strictly one after the other. At most 4: each holds one of the pool's 10 connections, which sign-ins need too.
   */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(4)
  IMPORT_PARALLEL_BATCHES?: number;
}

export const importConfig = namespace('userImport', (vars: Env) => {
  const env = validateEnv(ImportEnv, vars);
  return {
    /** Bytes one POST /api/users/import may send (the CLI splits a larger file into several requests). */
    maxBody: env.IMPORT_MAX_BODY ?? 32 * MiB,
    /** Lines per batch: one SELECT, one multi-row upsert and one insert, one transaction. */
    batchSize: env.IMPORT_BATCH_SIZE ?? 500,
    /** Batches written at once (WriteQueue). */
    parallelBatches: env.IMPORT_PARALLEL_BATCHES ?? 2,
  };
});

export type ImportConfig = ReturnType<typeof importConfig>;
