import { API_TAGS } from '../src/common/swagger/api-tags';
import { DOCS_JSON_PATH, DOCS_PATH } from '../src/common/swagger/setup-swagger';
import { SQLITE } from './support/databases';
import { auditDocument, exampleStatusProblems, OpenApiDocument, OpenApiOperation, routeProblems, undescribedProperties } from './support/openapi-audit';
import { RegisteredRoute, registeredRoutes } from './support/registered-routes';
import { useTestApp } from './support/test-app';

/** Swagger UI's own pages and the documents themselves are not API operations. */
function isDocsRoute(path: string): boolean {
  return path === `/${DOCS_PATH}` || path.startsWith(`/${DOCS_PATH}/`) || path.startsWith(`/${DOCS_PATH}-`);
}

/**
 * Every route the app serves (read from Fastify, whoever added it) must be in /docs-json with a success schema and
 * examples, the error statuses its guards and pipes can answer, and its security schemes. The document does not
 * depend on the database, so this runs on SQLite only.
 */
describe('OpenAPI document covers every served route', () => {
  let doc: OpenApiDocument;
  let routes: RegisteredRoute[];
  /** Every operation of the document, keyed `get /path`. */
  const operations = (): [string, OpenApiOperation][] =>
    Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]): [string, OpenApiOperation] => [`${method} ${path}`, op]));

  const t = useTestApp(SQLITE);
  beforeAll(async () => {
    const res = await t.http().get(`/${DOCS_JSON_PATH}`);
    expect(res.status).toBe(200);
    doc = res.body as OpenApiDocument;
    routes = registeredRoutes(t.app, isDocsRoute);
  });

  it('finds the routes of the foundation (the inventory itself works)', () => {
    const keys = routes.map((r) => `${r.method} ${r.path}`);
    expect(keys).toEqual(expect.arrayContaining(['POST /api/auth/login', 'PUT /api/users', 'GET /api/users/me']));
    expect(routes.find((r) => r.path === '/api/auth/login')).toMatchObject({ isPublic: true, takesBody: true });
    expect(routes.find((r) => r.path === '/api/users')).toMatchObject({ isPublic: false, allowsSystemContext: true, roles: ['admin'] });
    expect(keys.filter((k) => k.includes(`/${DOCS_PATH}`))).toEqual([]);
  });

  it('documents every served route completely (any problem is listed by route)', () => {
    expect(auditDocument(doc, routes)).toEqual([]);
  });

  it('defines the Bearer and x-user-ctx security schemes', () => {
    expect(doc.components?.securitySchemes).toMatchObject({
      bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
      'x-user-ctx': { type: 'apiKey', in: 'header', name: 'x-user-ctx' },
    });
  });

  it('offers the seed bodies as the first examples of POST /api/auth/login and PUT /api/users', () => {
    const first = (path: string, method: string) => {
      const examples = (doc.paths[path][method].requestBody?.content?.['application/json'].examples ?? {}) as Record<string, { value: unknown }>;
      return Object.values(examples)[0]?.value;
    };
    expect(first('/api/auth/login', 'post')).toEqual({
      type: 'password',
      clientId: 'client-app-id',
      clientSecret: 'client-app-secret',
      withPassword: { emailOrUsername: 'cersei-lannister@gmail.com', password: 'C3rs3i#L4nnist3r' },
    });
    expect(first('/api/users', 'put')).toEqual({
      username: 'cersei.lannister',
      email: 'cersei-lannister@gmail.com',
      password: 'C3rs3i#L4nnist3r',
      emailVerified: true,
    });
  });

  it('shows error examples with the code the route really answers', () => {
    // POST /api/auth/login has several 401 answers, each its own named example; the first is the wrong password.
    const examples = doc.paths['/api/auth/login'].post.responses?.['401'].content?.['application/json'].examples as Record<string, { value: unknown }>;
    expect(Object.values(examples)[0].value).toMatchObject({ statusCode: 401, error: 'Unauthorized', code: 'invalid_credentials' });
    const example = doc.paths['/users/login/2fa'].post.responses?.['401'].content?.['application/json'].example;
    expect(example).toMatchObject({ statusCode: 401, error: 'Unauthorized', code: 'invalid_mfa_code' });
  });

  it('documents the two-factor sign-in: the 401 mfa_required example with its mfaToken, the "mfa" type, and both Orion answers', () => {
    const login = doc.paths['/api/auth/login'].post;
    const examples = login.responses?.['401'].content?.['application/json'].examples as Record<string, { value: unknown }>;
    expect(examples.mfa_required.value).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      code: 'mfa_required',
      message: expect.stringContaining('type "mfa"'),
      mfaToken: expect.stringMatching(/^[\w-]{43}$/),
      methods: ['totp', 'recovery_code'],
      requestId: expect.any(String),
    });
    expect(Object.keys(examples)).toEqual(expect.arrayContaining(['invalid_mfa_code', 'invalid_mfa_token']));
    const mfaStep = Object.values(login.requestBody?.content?.['application/json'].examples ?? {}).map((e) => (e as { value: { type: string } }).value.type);
    expect(mfaStep).toContain('mfa');
    expect(doc.components?.schemas?.LoginDto.properties?.withMfa).toBeDefined();
    const orion = doc.paths['/users/login'].post.responses?.['200'].content?.['application/json'].schema;
    expect(orion?.oneOf?.map((s) => s.$ref)).toEqual(['#/components/schemas/OrionAuthenticationDto', '#/components/schemas/OrionMfaRequiredDto']);
    for (const path of ['/api/users/me/2fa/totp', '/api/users/me/2fa/totp/confirm', '/api/users/me/2fa/recovery-codes', '/users/login/google/2fa']) {
      expect(doc.paths[path]?.post).toBeDefined();
    }
    expect(doc.paths['/api/users/me/2fa'].delete).toBeDefined();
    expect(doc.paths['/api/users/{id}/2fa'].delete).toBeDefined();
  });

  it('lists the tags in the order of a user\'s journey, and files every operation under exactly one of them', () => {
    expect(doc.tags?.map((t) => t.name)).toEqual(API_TAGS.map((t) => t.name));
    expect(doc.tags?.[0].name).toBe('auth');
    expect(doc.tags?.every((t) => t.description)).toBe(true);
    const declared = new Set(API_TAGS.map((t) => t.name as string));
    const misfiled = operations().filter(([, op]) => op.tags?.length !== 1 || !declared.has(op.tags[0]));
    expect(misfiled.map(([key, op]) => `${key}: ${JSON.stringify(op.tags)}`)).toEqual([]);
  });

  it('describes every field of both user shapes (the sync/login user and the Orion user)', () => {
    expect(Object.keys(doc.components?.schemas?.UserResponseDto.properties ?? {}).length).toBeGreaterThanOrEqual(24);
    expect(undescribedProperties(doc, 'UserResponseDto')).toEqual([]);
    expect(undescribedProperties(doc, 'OrionUserDto')).toEqual([]);
  });

  it('shows roles as null in the user example (a synced user without roles), and says tokens carry the group user', () => {
    const roles = doc.components?.schemas?.UserResponseDto.properties?.roles;
    expect(roles?.example).toBeNull();
    expect(roles?.description).toContain('groups: ["user"]');
  });

  it('offers a request example for every sign-in type of POST /api/auth/login', () => {
    const examples = doc.paths['/api/auth/login'].post.requestBody?.content?.['application/json'].examples ?? {};
    const types = Object.values(examples).map((e) => (e as { value: { type: string } }).value.type);
    expect(new Set(types)).toEqual(new Set(['password', 'google', 'refresh_token', 'mfa']));
  });

  it('documents 503 database_unavailable on every route that reads the database, and 413 and 415 on every route with a body', () => {
    const codes = (op: OpenApiOperation, status: string) => {
      const media = Object.values(op.responses?.[status]?.content ?? {});
      return media.flatMap((m) => [m.example, ...Object.values(m.examples ?? {}).map((e) => (e as { value: unknown }).value)]).map((e) => (e as { code?: string } | undefined)?.code);
    };
    // Probes, metrics and keys read no database; forgot-password and sign-up answer before anything reads it.
    const withoutDatabase = /^(get \/health\/|get \/metrics|get \/\.well-known\/|post \/api\/auth\/password\/forgot|post \/api\/auth\/signup)/;
    const gaps = operations().flatMap(([key, op]) => [
      ...(!withoutDatabase.test(key) && !codes(op, '503').includes('database_unavailable') ? [`${key}: no 503 database_unavailable`] : []),
      ...(op.requestBody && !codes(op, '413').includes('payload_too_large') ? [`${key}: no 413`] : []),
      ...(op.requestBody && !codes(op, '415').includes('unsupported_media_type') ? [`${key}: no 415`] : []),
    ]);
    expect(gaps).toEqual([]);
    // A route's own 503 stays beside the shared one.
    expect(codes(doc.paths['/api/auth/login'].post, '503')).toEqual(expect.arrayContaining(['google_sign_in_not_configured', 'database_unavailable']));
    expect(codes(doc.paths['/health/ready'].get, '503')).toEqual(['not_ready']);
  });

  it('shows no password or hash in any response schema', () => {
    const responses = JSON.stringify(Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((op) => op.responses)));
    const schemas = JSON.stringify(doc.components?.schemas?.UserResponseDto);
    expect(schemas).not.toMatch(/password/i);
    expect(responses).not.toMatch(/\$2[aby]\$/);
  });
});

/** The audit must be able to fail: each gap it is meant to catch, shown on a small hand-made document. */
describe('OpenAPI audit catches gaps', () => {
  const route = (over: Partial<RegisteredRoute> = {}): RegisteredRoute => ({
    method: 'POST',
    path: '/api/things/:id',
    handler: 'ThingsController.create',
    isPublic: false,
    allowsSystemContext: false,
    roles: [],
    takesBody: true,
    validatesQuery: false,
    ...over,
  });
  const error = (status: number) => ({
    content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponseDto' }, example: { statusCode: status, code: 'x' } } },
  });
  const good = (): OpenApiDocument => ({
    paths: {
      '/api/things/{id}': {
        post: {
          requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
          responses: {
            '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
            '400': error(400),
            '401': error(401),
          },
          security: [{ bearer: [] }],
        },
      },
    },
    components: {
      schemas: { Thing: { type: 'object', properties: { name: { type: 'string', example: 'x' } } } },
      securitySchemes: { bearer: {}, 'x-user-ctx': {} },
    },
  });

  it('passes a complete document', () => {
    expect(auditDocument(good(), [route()])).toEqual([]);
  });

  it('reports a served route missing from the document, and a documented route nobody serves', () => {
    expect(auditDocument(good(), [route({ path: '/api/other' })])).toEqual([
      'POST /api/other (ThingsController.create): not in the OpenAPI document',
      'POST /api/things/{id}: documented but not served',
    ]);
  });

  it('reports a route served outside any controller', () => {
    expect(routeProblems(good(), route({ handler: null }))).toEqual([expect.stringContaining('outside any Nest controller')]);
  });

  it('reports a missing 2xx, 400, 401, 403 and security requirement', () => {
    const doc = good();
    const op = doc.paths['/api/things/{id}'].post;
    op.responses = {};
    delete op.security;
    expect(routeProblems(doc, route({ roles: ['admin'] }))).toEqual([
      'no 2xx response documented',
      expect.stringContaining('no 400 response'),
      expect.stringContaining('no 401 response'),
      expect.stringContaining('no 403 response'),
      expect.stringContaining('no security requirement'),
    ]);
  });

  it('reports a missing example, an error not shaped as ErrorResponseDto, and a missing x-user-ctx scheme', () => {
    const doc = good();
    doc.components!.schemas!.Thing.properties!.count = { type: 'number' };
    doc.paths['/api/things/{id}'].post.responses!['401'] = { description: 'no body' };
    expect(routeProblems(doc, route({ allowsSystemContext: true }))).toEqual([
      'the 200 response has no example for: count',
      'the request body has no example for: count',
      expect.stringContaining('the 401 response is not an ErrorResponseDto'),
      'the 401 response has no example of its own',
      expect.stringContaining('"x-user-ctx" is not among its security requirements'),
    ]);
  });

  it('asks for a 400 on a route that validates a query DTO', () => {
    const doc = good();
    const op = doc.paths['/api/things/{id}'].post;
    delete op.requestBody;
    delete op.responses!['400'];
    expect(routeProblems(doc, route({ takesBody: false, validatesQuery: true }))).toEqual([expect.stringContaining('no 400 response documented, although it validates a query DTO')]);
  });

  it('asks nothing about security of a @Public() route without a body', () => {
    const doc = good();
    const op = doc.paths['/api/things/{id}'].post;
    delete op.security;
    delete op.requestBody;
    op.responses = { '200': op.responses!['200'] };
    expect(routeProblems(doc, route({ isPublic: true, takesBody: false }))).toEqual([]);
  });

  it('reports an error status without an example, and an example of another status under a status', () => {
    const doc = good();
    const responses = doc.paths['/api/things/{id}'].post.responses!;
    responses['429'] = error(400);
    responses['503'] = { content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponseDto' } } } };
    responses['401'].content!['application/json'].examples = { other: { value: { statusCode: 403 } } };
    expect(routeProblems(doc, route())).toEqual([
      'the 401 response shows an example of another status (403)',
      'the 429 response shows an example of another status (400)',
      'the 503 response has no example of its own',
    ]);
  });

  it('reports a success example that is an error body', () => {
    const responses = { '200': { content: { 'application/json': { example: { statusCode: 400, code: 'invalid_request' } } } } };
    expect(exampleStatusProblems(responses)).toEqual(['the 200 response shows an example of another status (400)']);
  });

  it('reports user fields without a description', () => {
    const doc = good();
    doc.components!.schemas!.Thing.properties!.described = { type: 'string', description: 'said' };
    expect(undescribedProperties(doc, 'Thing')).toEqual(['name']);
  });
});
