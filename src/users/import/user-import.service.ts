import { Inject, Injectable, Logger } from '@nestjs/common';
import secureJson from 'secure-json-parse';
import { AuditEventInput, AuditService } from '../../audit/audit.service';
import { RequestMeta } from '../../audit/request-meta';
import { ApiError, Errors } from '../../common/errors/api-error';
import { isDatabaseUnavailable } from '../../common/errors/database-errors';
import { tooLarge } from '../../common/http/ndjson-body';
import { validateBody } from '../../common/pipes/validation';
import { httpConfig, HttpConfig } from '../../config/http.config';
import { importConfig, ImportConfig } from '../../config/import.config';
import { SyncUserDto } from '../dto/sync-user.dto';
import { sentFields } from '../sync/sent-fields';
import { SyncOutcome, UserSyncService } from '../user-sync.service';
import { ImportError, importError, ImportResult, ImportTally } from './import-result';
import { BodyTooLarge, NdjsonLine, ndjsonLines } from './ndjson-lines';

type ParsedLine = { line: number; dto: SyncUserDto } | { line: number; error: ApiError };

/**
 * POST /api/users/import: an NDJSON body of sync bodies, read as it arrives, in batches of IMPORT_BATCH_SIZE lines.
 * Each batch is validated line by line (exactly as PUT /api/users validates its body), then goes through
 * UserSyncService.syncMany (one transaction) and only then is answered, one result line per input line: a result
 * is only ever sent for a committed line. A bad line is that line's error; the others go on. If the import stops
 * (database down, body over IMPORT_MAX_BODY, the client gone) every batch answered is committed and the one in
 * progress is rolled back; the summary line says `complete: false` and why.
 */
@Injectable()
export class UserImportService {
  private readonly logger = new Logger('Import');

  constructor(
    private readonly sync: UserSyncService,
    private readonly audit: AuditService,
    @Inject(importConfig.KEY) private readonly config: ImportConfig,
    @Inject(httpConfig.KEY) private readonly http: HttpConfig,
  ) {}

  /** The answer, chunk by chunk (a batch's result lines, then the summary line), produced as it is read. */
  async *run(body: AsyncIterable<Buffer>, actorId: string, meta: RequestMeta): AsyncGenerator<string> {
    const tally = new ImportTally();
    try {
      const lines = ndjsonLines(body, this.config.maxBody, this.http.bodyLimit);
      for await (const batch of inBatches(lines, this.config.batchSize)) yield await this.importBatch(batch, actorId, meta, tally);
      yield tally.summaryLine();
    } catch (e) {
      yield tally.summaryLine(this.failure(e));
    }
  }

  private async importBatch(lines: NdjsonLine[], actorId: string, meta: RequestMeta, tally: ImportTally): Promise<string> {
    const parsed = await Promise.all(lines.map((l) => this.parse(l)));
    const bodies = parsed.filter((p): p is { line: number; dto: SyncUserDto } => 'dto' in p);
    const outcomes = await this.sync.syncMany(bodies.map((b) => b.dto), actorId, tally.timings);
    const byLine = new Map(bodies.map((b, i) => [b.line, outcomes[i]]));
    const results = parsed.map((p) => ('error' in p ? errorResult(p.line, p.error) : toResult(p.line, byLine.get(p.line)!)));
    this.audit.recordMany(bodies.flatMap((b, i) => auditEvent(b.dto, outcomes[i], actorId, meta)));
    tally.add(results);
    return results.map((r) => JSON.stringify(r)).join('\n') + '\n';
  }

  /** One line as PUT /api/users would read its body: JSON (prototype poisoning refused), then the DTO's rules. */
  private async parse(l: NdjsonLine): Promise<ParsedLine> {
    if ('tooLong' in l) {
      return { line: l.line, error: Errors.badInput([{ field: 'body', reason: `must be at most ${this.http.bodyLimit} bytes (BODY_LIMIT), as for PUT /api/users` }]) };
    }
    try {
      const value: unknown = secureJson.parse(l.text, undefined, { protoAction: 'error', constructorAction: 'error' });
      return { line: l.line, dto: await validateBody(SyncUserDto, value) };
    } catch (e) {
      if (e instanceof ApiError) return { line: l.line, error: e };
      const reason = /forbidden/i.test((e as Error).message) ? 'has a forbidden __proto__ or constructor.prototype key' : 'is not valid JSON';
      return { line: l.line, error: Errors.badInput([{ field: 'body', reason }]) };
    }
  }

  /** Why the import stopped, for its summary line; logged when it is not the client's doing. */
  private failure(e: unknown): ImportError {
    if (e instanceof BodyTooLarge) return importError(tooLarge(e.limit));
    if (e instanceof ApiError) return importError(e);
    if (isDatabaseUnavailable(e)) return { statusCode: 503, code: 'database_unavailable', message: 'The database is unreachable; the lines answered before are committed' };
    const err = e instanceof Error ? e : new Error(String(e));
    if ((e as { code?: string }).code === 'ECONNRESET' || err.message === 'aborted') {
      this.logger.warn('An import stopped: the client went away (the batches answered before are committed)');
      return { statusCode: 400, code: 'client_gone', message: 'The request was cut off' };
    }
    // The stack only, never the error object: a driver error carries the statement's parameters (password hashes).
    this.logger.error({ msg: `An import stopped: ${err.message}`, stack: err.stack });
    return { statusCode: 500, code: 'internal_error', message: 'Internal server error; the lines answered before are committed' };
  }
}

/** Lines grouped into batches of `size` (the last one shorter), read no further ahead than the batch being filled. */
async function* inBatches<T>(items: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

const errorResult = (line: number, error: ApiError): ImportResult => ({ line, status: 'error', error: importError(error) });

function toResult(line: number, outcome: SyncOutcome): ImportResult {
  return outcome.status === 'error' ? errorResult(line, outcome.error) : { line, status: outcome.status, id: outcome.user.id };
}

/** The event PUT /api/users records for the same change (none for an unchanged user or a refused line). */
function auditEvent(dto: SyncUserDto, outcome: SyncOutcome, actorId: string, meta: RequestMeta): AuditEventInput[] {
  if (outcome.status !== 'created' && outcome.status !== 'updated') return [];
  const type = outcome.status === 'created' ? 'user.created' : 'user.updated';
  return [{ ...meta, type, actorId, subjectId: outcome.user.id, details: { via: 'import', fields: sentFields(dto) } }];
}
