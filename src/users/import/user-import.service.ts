import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditEventInput, AuditService } from '../../audit/audit.service';
import { RequestMeta } from '../../audit/request-meta';
import { ApiError, Errors } from '../../common/errors/api-error';
import { isDatabaseUnavailable } from '../../common/errors/database-errors';
import { tooLarge } from '../../common/http/ndjson-body';
import { httpConfig, HttpConfig } from '../../config/http.config';
import { importConfig, ImportConfig } from '../../config/import.config';
import { SyncUserDto } from '../dto/sync-user.dto';
import { sentFields } from '../sync/sent-fields';
import { User } from '../user.entity';
import { SyncOutcome, SyncTimings, UserSyncService } from '../user-sync.service';
import { ImportError, importError, ImportResult, ImportTally } from './import-result';
import { LineParsers, ParsedLine } from './line-parsers';
import { BodyTooLarge, NdjsonLine, ndjsonLines } from './ndjson-lines';
import { BatchWrite, namesOf, WriteQueue } from './write-queue';

/**
 * POST /api/users/import: an NDJSON body of sync bodies, read as it arrives, in batches of IMPORT_BATCH_SIZE lines.
 * Each batch is validated line by line (exactly as PUT /api/users validates its body, in a worker), then goes through
 * UserSyncService.syncMany (one transaction) and only then is answered, one result line per input line: a result
 * is only ever sent for a committed line. A bad line is that line's error; the others go on. If the import stops
 * (database down, body over IMPORT_MAX_BODY, the client gone) every batch answered is committed, a batch in progress
 * commits whole or not at all, and no line is answered past one that did not commit; the summary line says
 * `complete: false` and why.
 */
@Injectable()
export class UserImportService {
  private readonly logger = new Logger('Import');

  constructor(
    private readonly sync: UserSyncService,
    private readonly parsers: LineParsers,
    private readonly audit: AuditService,
    @Inject(importConfig.KEY) private readonly config: ImportConfig,
    @Inject(httpConfig.KEY) private readonly http: HttpConfig,
  ) {}

  /**
   * The answer, chunk by chunk (a batch's result lines, then the summary line), produced as it is read. The next
   * batch is read and validated (CPU) while the ones before are in the database, and up to IMPORT_PARALLEL_BATCHES
   * batches that touch different users are written at once (WriteQueue); a batch naming a user of one in flight waits
   * for it. Answers go out in the order of the lines, each once its batch is committed.
   */
  async *run(body: AsyncIterable<Buffer>, actorId: string, meta: RequestMeta): AsyncGenerator<string> {
    const tally = new ImportTally();
    const queue = new WriteQueue(this.config.parallelBatches);
    let writeFailed = false;
    const answer = async (): Promise<string> => {
      const results = await queue.next().catch((e: unknown) => {
        writeFailed = true;
        throw e;
      });
      tally.add(results);
      return results.map((r) => JSON.stringify(r)).join('\n') + '\n';
    };
    try {
      const lines = ndjsonLines(body, this.config.maxBody, this.http.bodyLimit);
      for await (const batch of inBatches(lines, this.config.batchSize)) {
        const parsed = await this.parseAll(batch);
        const names = namesOf(parsed.flatMap((p) => ('dto' in p ? [p.dto] : [])));
        while (await queue.mustWait(names)) yield await answer();
        queue.push(this.write(parsed, names, actorId, meta, tally.timings));
      }
      while (queue.size > 0) yield await answer();
      yield tally.summaryLine();
    } catch (e) {
      // Reading stopped (body too large, client gone): the batches in flight commit, so answer them, in order, up to
      // one that fails. After a failed batch nothing more is answered: a later one may have committed, but a line is
      // never reported done past one that is not (--resume sends them again, and finds them unchanged).
      while (!writeFailed && queue.size > 0) {
        // A batch failing now is not the import's reason to stop (that is `e`), but it is logged all the same.
        const chunk = await answer().catch((failure: unknown) => {
          this.failure(failure);
          return null;
        });
        if (chunk === null) break;
        yield chunk;
      }
      // The answer ends only once nothing of this import is still being written (a retry then never races it).
      await queue.settle();
      yield tally.summaryLine(this.failure(e));
    }
  }

  /**
   * One batch through the sync (one transaction, its audit events in it); its result lines, in the order of its lines.
   * `names`: the e-mails and usernames its lines carry (namesOf).
   */
  private write(parsed: ParsedLine[], names: string[], actorId: string, meta: RequestMeta, timings: SyncTimings): BatchWrite {
    const bodies = parsed.filter((p): p is { line: number; dto: SyncUserDto } => 'dto' in p);
    let read: (users: User[]) => void = () => undefined;
    const stored = new Promise<User[]>((resolve) => (read = resolve));
    const outcomes = this.sync.syncMany(
      bodies.map((b) => b.dto),
      actorId,
      {
        timings,
        onRead: (users) => read(users),
        // The events of each transaction's changes go in with them: no batch committed without its trail.
        alongside: (em, decided) => this.audit.insertMany(em, decided.flatMap(({ dto, outcome }) => auditEvent(dto, outcome, actorId, meta))),
      },
    );
    const results = outcomes.then((done) => {
      const byLine = new Map(bodies.map((b, i) => [b.line, done[i]]));
      return parsed.map((p) => ('error' in p ? errorResult(p.line, p.error) : toResult(p.line, byLine.get(p.line)!)));
    });
    // Handled when answered; until then a failure must not count as an unhandled rejection.
    results.catch(() => undefined);
    // A batch that read nothing (every line refused, or a failure first) touches only the names its lines carry.
    void outcomes.finally(() => read([])).catch(() => undefined);
    const touched = stored.then((users) => new Set([...names, ...namesOf(users)]));
    return { touched, results };
  }

  /** A batch's lines parsed and validated (in a worker thread); a line over BODY_LIMIT is refused unread. */
  private async parseAll(lines: NdjsonLine[]): Promise<ParsedLine[]> {
    const texts = lines.flatMap((l) => ('text' in l ? [l] : []));
    const parsed = new Map((texts.length > 0 ? await this.parsers.parse(texts) : []).map((p) => [p.line, p]));
    const tooLong = Errors.badInput([{ field: 'body', reason: `must be at most ${this.http.bodyLimit} bytes (BODY_LIMIT), as for PUT /api/users` }]);
    return lines.map((l) => parsed.get(l.line) ?? { line: l.line, error: tooLong });
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

/**
 * A line that looks like it carries a plain password weighs this many lines in a batch: it is hashed (tens a second
 * per core, where a pre-hashed line takes microseconds), and a batch is answered only once it is all committed, so
 * batches of them are kept short enough to report progress every second or two. Only the batching depends on it.
 */
const PLAIN_PASSWORD_WEIGHT = 10;
const PLAIN_PASSWORD = /"password"\s*:/;

/** Chunks of lines regrouped into batches of `size` lines or their weight, read no further ahead than needed. */
async function* inBatches(chunks: AsyncIterable<NdjsonLine[]>, size: number): AsyncGenerator<NdjsonLine[]> {
  let batch: NdjsonLine[] = [];
  let weight = 0;
  for await (const chunk of chunks) {
    for (const line of chunk) {
      batch.push(line);
      weight += 'text' in line && PLAIN_PASSWORD.test(line.text) ? PLAIN_PASSWORD_WEIGHT : 1;
      if (weight >= size) {
        yield batch;
        batch = [];
        weight = 0;
      }
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
