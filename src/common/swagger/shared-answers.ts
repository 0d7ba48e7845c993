import { ApiExtension } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { ExamplesObject, OperationObject, ResponseObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { errorExample } from './api-errors.decorator';

const NO_DATABASE = 'x-gatehouse-no-database';

/**
 * On a controller (or route) that never answers 503 `database_unavailable`: it reads nothing from the database
 * (JWKS, metrics, liveness) or says so in its own words (readiness). Read and removed by documentSharedAnswers.
 */
export const ApiWithoutDatabase = () => ApiExtension(NO_DATABASE, true);

type Example = ReturnType<typeof errorExample>;

/** One answer of the global filter for `status`, as the filter words it (checked against real answers by the e2e tests). */
function answer(status: number, code: string, message: string, description: string): Example {
  return { ...errorExample(status, description), code, message };
}

/**
 * Adds `example` to the operation's answer for `status`: a new answer when none is documented, or one more named
 * example beside the route's own (Swagger UI offers the choice), keyed by code.
 */
function addAnswer(op: OperationObject, status: number, description: string, example: Example): void {
  const key = String(status);
  const existing = op.responses[key] as ResponseObject | undefined;
  const media = existing?.content?.['application/json'] ?? Object.values(existing?.content ?? {})[0];
  if (!existing || !media) {
    op.responses[key] = {
      description,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponseDto' }, example } },
    };
    return;
  }
  const own = media.example as Example | undefined;
  const named = (media.examples ?? (own ? { [own.code]: { summary: own.code, value: own } } : {})) as ExamplesObject;
  if (own?.code === example.code || named[example.code]) return;
  media.examples = { ...named, [example.code]: { summary: example.code, value: example } };
  delete media.example;
  existing.description = `${existing.description}; or ${description[0].toLowerCase()}${description.slice(1)}`;
}

function operations(document: OpenAPIObject): OperationObject[] {
  return Object.values(document.paths).flatMap((item) =>
    [item.get, item.put, item.post, item.delete, item.patch].filter((op): op is OperationObject => op !== undefined),
  );
}

/**
 * The answers that do not depend on the route, added to the document in one place instead of on every handler, so
 * no route can forget one: the global filter's 500; the 503 of an unreachable database (every route that reads it:
 * every token check reads the user); and, on every route that takes a body, the 413 of a body over BODY_LIMIT and
 * the 415 of a content type the route does not read. A route that documents an answer of its own for one of these
 * statuses keeps it, with the shared one as a second example.
 */
export function documentSharedAnswers(document: OpenAPIObject): void {
  for (const op of operations(document)) {
    const extensions = op as unknown as Record<string, unknown>;
    const withoutDatabase = extensions[NO_DATABASE] === true;
    delete extensions[NO_DATABASE];
    if (op.requestBody) {
      const tooLarge = 'Body over BODY_LIMIT bytes';
      addAnswer(op, 413, tooLarge, answer(413, 'payload_too_large', 'Request body is too large', tooLarge));
      const jsonOnly = 'Content type the route does not read (a form where JSON is expected, multipart, XML…)';
      addAnswer(op, 415, jsonOnly, answer(415, 'unsupported_media_type', 'This route reads JSON only (Content-Type: application/json)', jsonOnly));
    }
    if (!withoutDatabase) {
      const down = 'The database is unreachable (database_unavailable); retry shortly';
      addAnswer(op, 503, down, answer(503, 'database_unavailable', 'The database is unreachable; try again shortly', down));
    }
    if (!op.responses['500']) {
      const unexpected = 'Unexpected error (logged with the request id)';
      addAnswer(op, 500, unexpected, answer(500, 'internal_error', 'Internal server error', unexpected));
    }
  }
}
