import { MAX_JSON_DEPTH } from '../../common/http/json-body';
import { parseLine } from './line-parser';

describe('parseLine (one NDJSON line, read as PUT /api/users reads its body)', () => {
  it('reads a valid line into the sync body', () => {
    expect(parseLine(1, '{"email":"Ada@Example.TEST","password":"An-0k-password"}')).toMatchObject({ line: 1, dto: { email: 'ada@example.test' } });
  });

  it('refuses a line nested deeper than the body limit before parsing it (no stack overflow in the parsing thread)', () => {
    const deep = `{"email":"a@example.test","name":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    expect(parseLine(2, deep)).toEqual({ line: 2, fields: [{ field: 'body', reason: `must not nest arrays or objects deeper than ${MAX_JSON_DEPTH} levels` }] });
  });

  it('refuses control characters in a field, naming it, as PUT /api/users does', () => {
    expect(parseLine(3, '{"email":"a@example.test","name":"A\\u0000B"}')).toMatchObject({ line: 3, fields: [expect.objectContaining({ field: 'name' })] });
  });

  it('refuses prototype poisoning and broken JSON with a reason naming the body', () => {
    expect(parseLine(4, '{"__proto__":{"isAdmin":true}}')).toMatchObject({ fields: [{ field: 'body', reason: expect.stringMatching(/__proto__/) }] });
    expect(parseLine(5, '{"email":')).toEqual({ line: 5, fields: [{ field: 'body', reason: 'is not valid JSON' }] });
  });
});
