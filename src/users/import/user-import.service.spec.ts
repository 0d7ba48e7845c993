import { settle, settled } from '../../../test/support/settled';
import { AuditService } from '../../audit/audit.service';
import { HttpConfig } from '../../config/http.config';
import { ImportConfig } from '../../config/import.config';
import { SyncUserDto } from '../dto/sync-user.dto';
import { SyncOptions, SyncOutcome, UserSyncService } from '../user-sync.service';
import { User } from '../user.entity';
import { LineParsers, ParsedLine } from './line-parsers';
import { UserImportService } from './user-import.service';

/** One syncMany call of the import, held until the test lets it read and then commit (or fail). */
interface HeldSync {
  dtos: SyncUserDto[];
  read(users: Partial<User>[]): void;
  commit(): void;
  fail(error: Error): void;
}

/** UserImportService over a sync whose calls the test settles by hand; batches of one line, two written at once. */
function importer() {
  const calls: HeldSync[] = [];
  const sync = {
    syncMany: (dtos: SyncUserDto[], _actor: string, options: SyncOptions) =>
      new Promise<SyncOutcome[]>((resolve, reject) => {
        calls.push({
          dtos,
          read: (users) => options.onRead?.(users as User[]),
          commit: () => resolve(dtos.map((dto, i) => ({ status: 'created', user: Object.assign(new User(), { id: `${dto.email}#${i}` }) }))),
          fail: reject,
        });
      }),
  } as unknown as UserSyncService;
  const parsers = {
    parse: async (lines: { line: number; text: string }[]): Promise<ParsedLine[]> =>
      lines.map(({ line, text }) => ({ line, dto: Object.assign(new SyncUserDto(), JSON.parse(text) as object) })),
  } as unknown as LineParsers;
  const audit = { insertMany: async () => undefined } as unknown as AuditService;
  const config: ImportConfig = { maxBody: 1 << 20, batchSize: 1, parallelBatches: 2 };
  const service = new UserImportService(sync, parsers, audit, config, { bodyLimit: 65536 } as HttpConfig);
  return { service, calls };
}

/** Runs the import of these lines in the background, collecting its answer. */
function start(service: UserImportService, lines: object[]) {
  const chunks: string[] = [];
  const body = (async function* () {
    yield Buffer.from(lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  })();
  const done = (async () => {
    for await (const chunk of service.run(body, '__system', {})) chunks.push(chunk);
  })();
  const answer = () => chunks.join('').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  return { done, answer };
}

describe('UserImportService: batches written at once', () => {
  it('writes the next batch alongside one in flight once that one has read, when they name different users', async () => {
    const { service, calls } = importer();
    const run = start(service, [{ email: 'one@x.test' }, { email: 'two@x.test' }]);
    await settle();
    expect(calls).toHaveLength(1);
    calls[0].read([]);
    await settle();
    expect(calls.map((c) => c.dtos[0].email)).toEqual(['one@x.test', 'two@x.test']);
    calls[1].commit();
    calls[0].commit();
    await run.done;
    expect(run.answer().map((a) => a.line ?? 'summary')).toEqual([1, 2, 'summary']);
  });

  it('holds back a batch that names, by another identifier, a user the batch in flight read', async () => {
    const { service, calls } = importer();
    const run = start(service, [{ email: 'one@x.test', username: 'new-name' }, { username: 'old-name', email: 'other@x.test' }]);
    await settle();
    calls[0].read([{ email: 'one@x.test', username: 'old-name' }]);
    await settle();
    // No line of the first batch names `old-name`: only the user it read does.
    expect(calls).toHaveLength(1);
    calls[0].commit();
    await settle();
    expect(calls).toHaveLength(2);
    calls[1].read([]);
    calls[1].commit();
    await run.done;
    expect(run.answer().map((a) => a.status ?? 'summary')).toEqual(['created', 'created', 'summary']);
  });

  it('answers nothing past a failed batch, not even one committed after it', async () => {
    const { service, calls } = importer();
    const run = start(service, [{ email: 'one@x.test' }, { email: 'two@x.test' }]);
    await settle();
    calls[0].read([]);
    await settle();
    calls[1].read([]);
    calls[0].fail(new Error('the database went away'));
    await settle();
    // The answer waits for the batch still in flight, committed after the failed one, and leaves it unanswered.
    expect(await settled(run.done)).toBe(false);
    calls[1].commit();
    await run.done;
    const answer = run.answer();
    expect(answer).toHaveLength(1);
    expect(answer[0]).toMatchObject({ summary: { lines: 0, created: 0, complete: false, error: { statusCode: 500 } } });
  });

  it('starts no batch once one in flight has failed, and answers those before it', async () => {
    const { service, calls } = importer();
    const run = start(service, [{ email: 'one@x.test' }, { email: 'two@x.test' }, { email: 'three@x.test' }]);
    await settle();
    calls[0].read([]);
    await settle();
    calls[1].read([]);
    calls[1].fail(new Error('the database went away'));
    await settle();
    calls[0].commit();
    await run.done;
    expect(calls.map((c) => c.dtos[0].email)).toEqual(['one@x.test', 'two@x.test']);
    expect(run.answer()).toEqual([
      { line: 1, status: 'created', id: 'one@x.test#0' },
      { summary: expect.objectContaining({ lines: 1, created: 1, complete: false }) },
    ]);
  });
});
