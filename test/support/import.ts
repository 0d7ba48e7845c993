import type { ImportResult, ImportSummary } from '../../src/users/import/import-result';
import { SYSTEM_CTX } from './seed';
import { HasHttp } from './test-app';

export type { ImportResult, ImportSummary };

/** An NDJSON body: objects as JSON, strings as they are (to send malformed lines), one per line. */
export function ndjson(lines: (object | string)[]): string {
  return lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n';
}

/** The answer of the import split into its result lines and its summary line. */
export function readAnswer(text: string): { results: ImportResult[]; summary: ImportSummary } {
  const lines = text.split('\n').filter((l) => l.length > 0).map((l) => JSON.parse(l) as ImportResult | { summary: ImportSummary });
  const last = lines[lines.length - 1];
  if (!last || !('summary' in last)) throw new Error(`the answer does not end with a summary: ${text.slice(-300)}`);
  return { results: lines.slice(0, -1) as ImportResult[], summary: last.summary };
}

/** POST /api/users/import (system context unless other headers are given); the raw response, its text in `body`. */
export function postImport(t: HasHttp, body: string, headers: Record<string, string> = { 'x-user-ctx': SYSTEM_CTX }) {
  return t
    .http()
    .post('/api/users/import')
    .set({ 'content-type': 'application/x-ndjson', ...headers })
    .buffer(true)
    .parse((res, done) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => done(null, text));
    })
    .send(body);
}

/** An import that must be answered 200; its results and summary. */
export async function importLines(t: HasHttp, lines: (object | string)[]): Promise<{ results: ImportResult[]; summary: ImportSummary }> {
  const res = await postImport(t, ndjson(lines));
  if (res.status !== 200) throw new Error(`import failed: ${res.status} ${JSON.stringify(res.body)}`);
  return readAnswer(res.body as string);
}
