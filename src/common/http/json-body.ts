import { FastifyInstance } from 'fastify';
import { Errors } from '../errors/api-error';

/**
 * Deepest nesting of arrays and objects a JSON body may have. No body of this API nests more than three levels; 400
 * leaves room for any client while staying far below the depth at which a recursive walk (class-transformer,
 * class-validator) overflows the stack: a 5,000-level body under the size limit used to be a 500 logged with a stack
 * trace, once per request, on public routes.
 */
export const MAX_JSON_DEPTH = 400;

/**
 * Whether `text` nests arrays or objects deeper than `limit`, counted by one pass over the characters (brackets
 * inside strings ignored), so a hostile body is refused before anything recursive ever sees it. Malformed JSON is
 * left to the parser.
 */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return false;
}

/**
 * Fastify's own JSON parser (prototype-poisoning keys are an error), behind the depth check: a body nested deeper
 * than MAX_JSON_DEPTH is a 400 naming `body`, an ordinary client error (no error-level log line).
 */
export function registerJsonBodyParser(fastify: FastifyInstance): void {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (nestsDeeperThan(body as string, MAX_JSON_DEPTH)) {
      return done(Errors.badInput([{ field: 'body', reason: `must not nest arrays or objects deeper than ${MAX_JSON_DEPTH} levels` }]), undefined);
    }
    parse(request, body as string, done);
  });
}
