import { AuthConfig } from '../../config/auth.config';
import { AccessTokenClaims } from './access-token.service';
import { VerifiedTokenCache } from './verified-token-cache';

const cacheOf = (size: number) => new VerifiedTokenCache({ accessTokenCacheSize: size } as AuthConfig);
const claimsExpiringAt = (exp: number) => ({ sub: '1', exp }) as AccessTokenClaims;

describe('VerifiedTokenCache', () => {
  const now = Date.UTC(2026, 10, 22, 12, 0, 0);
  beforeEach(() => jest.useFakeTimers({ now }));
  afterEach(() => jest.useRealTimers());

  it('returns the claims remembered for exactly that token text, and nothing for any other text', () => {
    const cache = cacheOf(10);
    const claims = claimsExpiringAt(now / 1000 + 60);
    cache.remember('aaa.bbb.ccc', claims);
    expect(cache.get('aaa.bbb.ccc')).toBe(claims);
    expect(cache.get('aaa.bbb.ccd')).toBeUndefined();
    expect(cache.get('aaa.bbb.cc')).toBeUndefined();
  });

  it('stops returning a token in the second its exp names, as jsonwebtoken would refuse it', () => {
    const cache = cacheOf(10);
    cache.remember('t', claimsExpiringAt(now / 1000 + 2));
    jest.setSystemTime(now + 1999);
    expect(cache.get('t')).toBeDefined();
    jest.setSystemTime(now + 2000);
    expect(cache.get('t')).toBeUndefined();
  });

  it('does not remember claims that have already expired or carry no exp', () => {
    const cache = cacheOf(10);
    cache.remember('old', claimsExpiringAt(now / 1000));
    cache.remember('none', { sub: '1' } as AccessTokenClaims);
    expect(cache.get('old')).toBeUndefined();
    expect(cache.get('none')).toBeUndefined();
  });

  it('keeps at most ACCESS_TOKEN_CACHE_SIZE tokens, and none when it is 0', () => {
    const small = cacheOf(2);
    for (const t of ['a', 'b', 'c']) small.remember(t, claimsExpiringAt(now / 1000 + 60));
    expect(['a', 'b', 'c'].filter((t) => small.get(t) !== undefined)).toEqual(['b', 'c']);
    const off = cacheOf(0);
    off.remember('a', claimsExpiringAt(now / 1000 + 60));
    expect(off.get('a')).toBeUndefined();
  });
});
