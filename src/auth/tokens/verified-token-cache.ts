import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { LRUCache } from 'lru-cache';
import { authConfig } from '../../config/auth.config';
import { AccessTokenClaims } from './access-token.service';

/**
 * Access tokens whose signature and claims were verified, by their exact text, until they expire. An SPA sends the
 * same token with every call for its whole lifetime; checking the RS256 signature of identical bytes again proves
 * nothing new and was the largest single cost of a token-checked read (docs/benchmarks.md).
 *
 * Safe because the key is the whole token: a token differing in any byte (another signature, a tampered claim) is a
 * miss and goes through full verification. Only what the signature proves is remembered; whether the user may still
 * use the token (deleted, locked, revoked generation) is checked on every request all the same. Expiry is checked on
 * every hit with jsonwebtoken's rule, so a remembered token ends when it would have. The size bounds the memory
 * (about 1 KB per token); ACCESS_TOKEN_CACHE_SIZE=0 turns the cache off.
 */
@Injectable()
export class VerifiedTokenCache {
  private readonly tokens: LRUCache<string, AccessTokenClaims> | null;

  constructor(@Inject(authConfig.KEY) auth: ConfigType<typeof authConfig>) {
    this.tokens = auth.accessTokenCacheSize > 0 ? new LRUCache({ max: auth.accessTokenCacheSize }) : null;
  }

  /** The claims of a token verified before and not expired since. */
  get(token: string): AccessTokenClaims | undefined {
    const claims = this.tokens?.get(token);
    if (claims === undefined) return undefined;
    if (!isUnexpired(claims)) {
      this.tokens?.delete(token);
      return undefined;
    }
    return claims;
  }

  /** Call only with claims that full verification returned for this token. */
  remember(token: string, claims: AccessTokenClaims): void {
    // Frozen: the same object is handed to every request that presents this token.
    if (isUnexpired(claims)) this.tokens?.set(token, Object.freeze(claims));
  }
}

/** jsonwebtoken's test (no clock tolerance): valid while the current whole second is before `exp`. */
function isUnexpired(claims: AccessTokenClaims): boolean {
  return typeof claims.exp === 'number' && Math.floor(Date.now() / 1000) < claims.exp;
}
