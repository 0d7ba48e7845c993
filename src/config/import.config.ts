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
}

export const importConfig = namespace('userImport', (vars: Env) => {
  const env = validateEnv(ImportEnv, vars);
  return {
    /** Bytes one POST /api/users/import may send (the CLI splits a larger file into several requests). */
    maxBody: env.IMPORT_MAX_BODY ?? 32 * MiB,
    /** Lines per batch: one SELECT, one multi-row upsert, one transaction. */
    batchSize: env.IMPORT_BATCH_SIZE ?? 500,
  };
});

export type ImportConfig = ReturnType<typeof importConfig>;
