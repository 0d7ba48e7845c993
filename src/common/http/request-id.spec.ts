import { IncomingMessage } from 'node:http';
import { parseCidrList } from '../net/ip-ranges';
import { requestIdGenerator } from './request-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const req = (peer: string, id?: string) => ({ headers: id === undefined ? {} : { 'x-request-id': id }, socket: { remoteAddress: peer } }) as unknown as IncomingMessage;

describe('requestIdGenerator', () => {
  const fromProxy = requestIdGenerator(parseCidrList('10.0.0.0/8'));

  it('keeps a well-formed id sent by a trusted proxy', () => {
    expect(fromProxy(req('10.1.2.3', 'gw-1234abcd'))).toBe('gw-1234abcd');
    expect(fromProxy(req('::ffff:10.1.2.3', 'gw-1234abcd'))).toBe('gw-1234abcd');
  });

  it('makes a fresh UUID for anyone else, for a malformed id, and when no proxy is trusted', () => {
    expect(fromProxy(req('203.0.113.9', 'gw-1234abcd'))).toMatch(UUID);
    for (const bad of ['short', 'has space in it', 'x'.repeat(129), 'line\nbreak-123', '']) expect(fromProxy(req('10.1.2.3', bad))).toMatch(UUID);
    expect(fromProxy(req('10.1.2.3'))).toMatch(UUID);
    expect(requestIdGenerator([])(req('10.1.2.3', 'gw-1234abcd'))).toMatch(UUID);
  });
});
