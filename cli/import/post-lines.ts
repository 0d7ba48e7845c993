import { once } from 'node:events';
import { Agent as HttpAgent, IncomingMessage, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { createInterface } from 'node:readline';
import type { ImportResult, ImportSummary } from '../../src/users/import/import-result';

const agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };

/** The server refused the request as a whole (401, 403, 413…): nothing of it was imported. */
export class ImportRefused extends Error {
  constructor(
    readonly status: number,
    body: string,
  ) {
    super(`the server answered ${status}: ${body.slice(0, 500)}`);
  }
}

/**
 * One POST /api/users/import: writes `lines` as the body while the answer streams back (the server answers each
 * batch as soon as it is committed, before the body has all arrived), and hands each result line to `onResult`.
 * The body is written as fast as the server reads it, never faster (back-pressure), so memory stays flat.
 */
export async function postLines(
  url: URL,
  headers: Record<string, string>,
  lines: AsyncIterable<string>,
  onResult: (result: ImportResult) => void,
  signal?: AbortSignal,
): Promise<ImportSummary> {
  const https = url.protocol === 'https:';
  const req = (https ? httpsRequest : httpRequest)(url, {
    method: 'POST',
    agent: https ? agents.https : agents.http,
    headers: { ...headers, 'content-type': 'application/x-ndjson', 'transfer-encoding': 'chunked' },
    signal,
  });
  const response = once(req, 'response') as Promise<[IncomingMessage]>;
  const written = writeBody(req, lines);
  const [res] = await response;
  if (res.statusCode !== 200) {
    req.destroy();
    throw new ImportRefused(res.statusCode ?? 0, await text(res));
  }
  const summary = await readAnswer(res, onResult);
  await written;
  return summary;
}

async function writeBody(req: ReturnType<typeof httpRequest>, lines: AsyncIterable<string>): Promise<void> {
  try {
    for await (const line of lines) {
      if (req.destroyed) return;
      if (!req.write(`${line}\n`)) await once(req, 'drain');
    }
    req.end();
  } catch {
    // The request was refused or cut off: its answer (or its error) says what happened.
  }
}

async function readAnswer(res: IncomingMessage, onResult: (result: ImportResult) => void): Promise<ImportSummary> {
  for await (const line of createInterface({ input: res, crlfDelay: Infinity })) {
    if (!line) continue;
    const parsed = JSON.parse(line) as ImportResult | { summary: ImportSummary };
    if ('summary' in parsed) return parsed.summary;
    onResult(parsed);
  }
  throw new Error('the answer ended without a summary line (the connection was cut)');
}

async function text(res: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of res) body += String(chunk);
  return body;
}
