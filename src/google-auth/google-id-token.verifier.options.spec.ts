import * as jose from 'jose';
import { GoogleIdTokenVerifier } from './google-id-token.verifier';

// Only the JWKS factory is watched: what the verifier asks of it is what bounds its traffic to Google's key server.
jest.mock('jose', () => {
  const actual = jest.requireActual<typeof jose>('jose');
  return { ...actual, createRemoteJWKSet: jest.fn(actual.createRemoteJWKSet) };
});
const createRemoteJWKSet = jose.createRemoteJWKSet as jest.MockedFunction<typeof jose.createRemoteJWKSet>;

describe('GoogleIdTokenVerifier: the key set it configures', () => {
  beforeEach(() => createRemoteJWKSet.mockClear());

  it('uses the configured cool-down, timeout and cache age', () => {
    new GoogleIdTokenVerifier({ jwksUri: 'http://127.0.0.1:9/certs', clientIds: ['a'], cooldownMs: 1234, timeoutMs: 567, cacheMaxAgeMs: 89 });
    expect(createRemoteJWKSet).toHaveBeenCalledWith(new URL('http://127.0.0.1:9/certs'), { cooldownDuration: 1234, timeoutDuration: 567, cacheMaxAge: 89 });
  });

  it('defaults to a 30 s cool-down, a 5 s timeout and keys kept 10 minutes', () => {
    new GoogleIdTokenVerifier({ jwksUri: 'http://127.0.0.1:9/certs', clientIds: ['a'] });
    expect(createRemoteJWKSet).toHaveBeenCalledWith(expect.any(URL), { cooldownDuration: 30_000, timeoutDuration: 5_000, cacheMaxAge: 600_000 });
  });

  it('keeps a configured 0 (no cool-down) rather than the default', () => {
    new GoogleIdTokenVerifier({ jwksUri: 'http://127.0.0.1:9/certs', clientIds: ['a'], cooldownMs: 0, timeoutMs: 0, cacheMaxAgeMs: 0 });
    expect(createRemoteJWKSet).toHaveBeenCalledWith(expect.any(URL), { cooldownDuration: 0, timeoutDuration: 0, cacheMaxAge: 0 });
  });
});
