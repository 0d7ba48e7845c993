import type { RegisteredRoute } from './registered-routes';

/** The parts of an OpenAPI 3 document the audit reads. */
export interface OpenApiSchema {
  $ref?: string;
  description?: string;
  type?: string;
  example?: unknown;
  enum?: unknown[];
  properties?: Record<string, OpenApiSchema>;
  items?: OpenApiSchema;
  allOf?: OpenApiSchema[];
  oneOf?: OpenApiSchema[];
  anyOf?: OpenApiSchema[];
}
export interface OpenApiMedia {
  schema?: OpenApiSchema;
  example?: unknown;
  examples?: Record<string, unknown>;
}
export interface OpenApiResponse {
  description?: string;
  content?: Record<string, OpenApiMedia>;
}
export interface OpenApiOperation {
  tags?: string[];
  requestBody?: { content?: Record<string, OpenApiMedia> };
  responses?: Record<string, OpenApiResponse>;
  security?: Record<string, string[]>[];
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  tags?: { name: string; description?: string }[];
  components?: { schemas?: Record<string, OpenApiSchema>; securitySchemes?: Record<string, unknown> };
}

/** The names the app's security schemes are registered under (setup-swagger.ts). */
export const BEARER_SCHEME = 'bearer';
export const SYSTEM_CONTEXT_SCHEME = 'x-user-ctx';
export const ERROR_SCHEMA = 'ErrorResponseDto';

/** /api/users/:id → /api/users/{id} */
export function openApiPath(fastifyPath: string): string {
  return fastifyPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function resolve(doc: OpenApiDocument, schema: OpenApiSchema): OpenApiSchema {
  const name = schema.$ref?.split('/').pop();
  return name ? (doc.components?.schemas?.[name] ?? {}) : schema;
}

/** The properties of the component schema `name` that have no description. */
export function undescribedProperties(doc: OpenApiDocument, name: string): string[] {
  const properties = doc.components?.schemas?.[name]?.properties ?? {};
  return Object.entries(properties)
    .filter(([, p]) => !p.description?.trim())
    .map(([k]) => k);
}

/** Paths of the leaves of `schema` that have no example (Swagger UI would show "string" or 0 there). */
export function missingExamples(doc: OpenApiDocument, schema: OpenApiSchema, at = '', seen = new Set<string>()): string[] {
  if (schema.$ref) {
    if (seen.has(schema.$ref)) return [];
    return missingExamples(doc, resolve(doc, schema), at, new Set([...seen, schema.$ref]));
  }
  if (schema.example !== undefined || schema.enum?.length) return [];
  const parts = [...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])];
  if (parts.length) return parts.flatMap((p) => missingExamples(doc, p, at, seen));
  if (schema.properties) {
    return Object.entries(schema.properties).flatMap(([k, p]) => missingExamples(doc, p, at ? `${at}.${k}` : k, seen));
  }
  if (schema.items) return missingExamples(doc, schema.items, `${at}[]`, seen);
  return [at || '(the whole body)'];
}

function mediaProblems(doc: OpenApiDocument, what: string, content: Record<string, OpenApiMedia> | undefined): string[] {
  const media = Object.values(content ?? {});
  if (!media.some((m) => m.schema)) return [`${what} has no schema`];
  if (media.some((m) => m.example !== undefined || Object.keys(m.examples ?? {}).length)) return [];
  const gaps = media.flatMap((m) => (m.schema ? missingExamples(doc, m.schema) : []));
  return gaps.length ? [`${what} has no example for: ${gaps.join(', ')}`] : [];
}

/** A success answer: 2xx with a body schema and examples; 204 and redirects have no body to describe. */
function successProblems(doc: OpenApiDocument, responses: Record<string, OpenApiResponse>): string[] {
  const statuses = Object.keys(responses).filter((s) => /^[23]\d\d$/.test(s));
  if (!statuses.length) return ['no 2xx response documented'];
  if (statuses.some((s) => s === '204' || s.startsWith('3'))) return [];
  return statuses.flatMap((s) => mediaProblems(doc, `the ${s} response`, responses[s].content));
}

function errorProblems(route: RegisteredRoute, op: OpenApiOperation, responses: Record<string, OpenApiResponse>): string[] {
  const problems: string[] = [];
  const need = (status: string, why: string) => {
    if (!responses[status]) problems.push(`no ${status} response documented, although ${why}`);
  };
  if (route.takesBody || op.requestBody) need('400', 'it takes a body');
  else if (route.validatesQuery) need('400', 'it validates a query DTO');
  if (!route.isPublic) need('401', 'it is not @Public()');
  if (route.roles.length) need('403', `it requires the role ${route.roles.join(' or ')}`);
  for (const [status, response] of Object.entries(responses)) {
    if (!/^4\d\d$/.test(status)) continue;
    const refs = Object.values(response.content ?? {}).map((m) => m.schema?.$ref ?? '');
    if (!refs.some((ref) => ref.endsWith(`/${ERROR_SCHEMA}`))) problems.push(`the ${status} response is not an ${ERROR_SCHEMA} (use @ApiErrors)`);
  }
  return problems;
}

/** Every example of one media type: the single `example` and the values of the named `examples`. */
function examplesOf(media: OpenApiMedia): unknown[] {
  const named = Object.values(media.examples ?? {}).map((e) => (e as { value?: unknown }).value);
  return media.example !== undefined ? [media.example, ...named] : named;
}

/**
 * Each documented error status has an example of its own, and every example shown under a status is a body of that
 * status (a 429 shows a 429 body, not the 400 generated from the error schema's defaults). A success example that
 * looks like an error body is wrong too.
 */
export function exampleStatusProblems(responses: Record<string, OpenApiResponse>): string[] {
  return Object.entries(responses).flatMap(([status, response]) => {
    const examples = Object.values(response.content ?? {}).flatMap(examplesOf);
    const isError = /^[45]\d\d$/.test(status);
    if (isError && !examples.length) return [`the ${status} response has no example of its own`];
    return examples
      .filter((e) => (isError ? (e as { statusCode?: unknown })?.statusCode !== Number(status) : typeof e === 'object' && e !== null && 'statusCode' in e))
      .map((e) => `the ${status} response shows an example of another status (${JSON.stringify((e as { statusCode?: unknown })?.statusCode)})`);
  });
}

function securityProblems(doc: OpenApiDocument, route: RegisteredRoute, op: OpenApiOperation): string[] {
  if (route.isPublic) return [];
  const alternatives = (op.security ?? []).flatMap((s) => Object.keys(s));
  if (!alternatives.length) return ['no security requirement, although it is not @Public()'];
  const problems = alternatives
    .filter((name) => !doc.components?.securitySchemes?.[name])
    .map((name) => `the security scheme "${name}" is not defined`);
  if (!alternatives.includes(BEARER_SCHEME)) problems.push(`"${BEARER_SCHEME}" is not among its security requirements`);
  if (route.allowsSystemContext && !alternatives.includes(SYSTEM_CONTEXT_SCHEME)) {
    problems.push(`"${SYSTEM_CONTEXT_SCHEME}" is not among its security requirements, although it is @AllowSystemContext()`);
  }
  return problems;
}

/** What the document gets wrong or leaves out about one served route. */
export function routeProblems(doc: OpenApiDocument, route: RegisteredRoute): string[] {
  if (!route.handler) return ['served by Fastify outside any Nest controller, so the document cannot describe it'];
  const op = doc.paths[openApiPath(route.path)]?.[route.method.toLowerCase()];
  if (!op) return ['not in the OpenAPI document'];
  const responses = op.responses ?? {};
  const body = op.requestBody ? mediaProblems(doc, 'the request body', op.requestBody.content) : [];
  return [
    ...successProblems(doc, responses),
    ...body,
    ...errorProblems(route, op, responses),
    ...exampleStatusProblems(responses),
    ...securityProblems(doc, route, op),
  ];
}

/** Every problem of every route, as `PUT /api/users: …` lines; plus operations the app does not serve. */
export function auditDocument(doc: OpenApiDocument, routes: RegisteredRoute[]): string[] {
  const served = new Set(routes.map((r) => `${r.method.toLowerCase()} ${openApiPath(r.path)}`));
  const stale = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops)
      .filter((method) => !served.has(`${method} ${path}`))
      .map((method) => `${method.toUpperCase()} ${path}: documented but not served`),
  );
  const perRoute = routes.flatMap((r) => routeProblems(doc, r).map((p) => `${r.method} ${r.path} (${r.handler ?? 'no controller'}): ${p}`));
  return [...perRoute, ...stale];
}
