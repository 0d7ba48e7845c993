import type { OpenAPIObject } from '@nestjs/swagger';
import { documentSharedAnswers } from './shared-answers';

type Media = { example?: { code: string; statusCode: number }; examples?: Record<string, { value: { code: string; statusCode: number } }> };
type Op = { requestBody?: object; responses: Record<string, { description?: string; content?: Record<string, Media> }>; 'x-gatehouse-no-database'?: boolean };

function document(paths: Record<string, Record<string, Op>>): OpenAPIObject {
  return { openapi: '3.0.0', info: { title: 't', version: '1' }, paths } as unknown as OpenAPIObject;
}

const codes = (media: Media | undefined) => [media?.example, ...Object.values(media?.examples ?? {}).map((e) => e.value)].filter(Boolean).map((e) => `${e!.statusCode} ${e!.code}`);

describe('documentSharedAnswers', () => {
  it('adds 500 and 503 database_unavailable everywhere, 413 and 415 where there is a body', () => {
    const withBody: Op = { requestBody: {}, responses: { '200': {} } };
    const without: Op = { responses: { '200': {} } };
    documentSharedAnswers(document({ '/a': { post: withBody, get: without } }));
    const json = (op: Op, status: string) => op.responses[status]?.content?.['application/json'];
    expect(['413', '415', '500', '503'].map((s) => codes(json(withBody, s)))).toEqual([
      ['413 payload_too_large'],
      ['415 unsupported_media_type'],
      ['500 internal_error'],
      ['503 database_unavailable'],
    ]);
    expect(Object.keys(without.responses).sort()).toEqual(['200', '500', '503']);
  });

  it("keeps a route's own answer for a status and adds the shared one beside it, named by code", () => {
    const own = { statusCode: 503, code: 'google_sign_in_not_configured' };
    const op: Op = { responses: { '503': { description: 'Google is off', content: { 'application/json': { example: own } } } } };
    documentSharedAnswers(document({ '/a': { post: op } }));
    const media = op.responses['503'].content!['application/json'];
    expect(media.example).toBeUndefined();
    expect(Object.keys(media.examples!)).toEqual(['google_sign_in_not_configured', 'database_unavailable']);
    expect(op.responses['503'].description).toMatch(/^Google is off; or the database is unreachable/);
  });

  it('leaves an answer of the same code alone, and no 503 on a route marked as without database (the marker removed)', () => {
    const own = { statusCode: 415, code: 'unsupported_media_type' };
    const op: Op = { requestBody: {}, responses: { '415': { description: 'own', content: { 'application/json': { example: own } } } }, 'x-gatehouse-no-database': true };
    documentSharedAnswers(document({ '/a': { post: op } }));
    expect(op.responses['415'].content!['application/json'].example).toBe(own);
    expect(op.responses['503']).toBeUndefined();
    expect(op['x-gatehouse-no-database']).toBeUndefined();
  });
});
