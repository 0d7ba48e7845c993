import secureJson from 'secure-json-parse';
import { ApiError, FieldError } from '../../common/errors/api-error';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../../common/http/json-body';
import { validateBodySync } from '../../common/pipes/validation';
import { SyncUserDto } from '../dto/sync-user.dto';

/** A line read as PUT /api/users reads its body, as it crosses from the parsing thread: a body, or why not. */
export type WireLine = { line: number; dto: SyncUserDto } | { line: number; fields: FieldError[] };

/**
 * One line as PUT /api/users would read its body: JSON, with prototype poisoning refused as Fastify's parser
 * refuses it, then the DTO's rules (the same decorators, options and error shape as the global ValidationPipe).
 */
export function parseLine(line: number, text: string): WireLine {
  // The depth limit of every JSON body (see json-body.ts): checked before anything recursive sees the line.
  if (nestsDeeperThan(text, MAX_JSON_DEPTH)) return { line, fields: [{ field: 'body', reason: `must not nest arrays or objects deeper than ${MAX_JSON_DEPTH} levels` }] };
  let value: unknown;
  try {
    value = secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' });
  } catch (e) {
    const reason = /forbidden/i.test((e as Error).message) ? 'has a forbidden __proto__ or constructor.prototype key' : 'is not valid JSON';
    return { line, fields: [{ field: 'body', reason }] };
  }
  try {
    return { line, dto: validateBodySync(SyncUserDto, value) };
  } catch (e) {
    if (e instanceof ApiError && e.fields) return { line, fields: e.fields };
    throw e;
  }
}
