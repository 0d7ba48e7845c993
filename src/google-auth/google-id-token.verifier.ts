import {
  createRemoteJWKSet,
  decodeProtectedHeader,
  errors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { toProfile, type GoogleProfile } from './google-id-token.claims';
import { GoogleTokenError, type GoogleTokenErrorReason } from './google-token.error';

export interface GoogleIdTokenVerifierOptions {
  /** Google publishes https://www.googleapis.com/oauth2/v3/certs; tests use a local server. */
  jwksUri: string;
  /** OAuth client ids whose tokens we accept (the `aud` claim). */
  clientIds: string[];
  clockToleranceSeconds?: number;
  cooldownMs?: number;
  timeoutMs?: number;
  cacheMaxAgeMs?: number;
}

export type { GoogleProfile } from './google-id-token.claims';

// Both spellings appear in real Google tokens
// (https://developers.google.com/identity/openid-connect/openid-connect#validatinganidtoken).
const GOOGLE_ISSUERS = ['accounts.google.com', 'https://accounts.google.com'];

// Google signs ID tokens with RS256 only. Pinning the algorithm (rather than
// trusting the token's own `alg`) closes the classic holes: `alg: none`, and
// HS256 "signed" with the public key used as an HMAC secret.
const ALLOWED_ALGS = ['RS256'];

/**
 * Turns a Google ID token into a verified profile, or throws GoogleTokenError.
 * Framework-free on purpose: the Nest strategy wraps it and maps `status`.
 */
export class GoogleIdTokenVerifier {
  private readonly clientIds: string[];
  private readonly clockTolerance: number;
  private readonly keys: JWTVerifyGetKey;

  constructor(options: GoogleIdTokenVerifierOptions) {
    this.clientIds = options.clientIds.filter((id) => id.trim() !== '');
    // 60 s absorbs ordinary clock skew between us and Google without making an
    // expired token meaningfully longer-lived (they live one hour).
    this.clockTolerance = options.clockToleranceSeconds ?? 60;
    const remote = createRemoteJWKSet(new URL(options.jwksUri), {
      // Keys are cached and refetched only when a token names an unknown kid,
      // and then at most once per cool-down: a flood of tokens with made-up
      // kids cannot turn us into an amplifier against Google's key server
      // (nor slow every request down by a round trip).
      cooldownDuration: options.cooldownMs ?? 30_000,
      timeoutDuration: options.timeoutMs ?? 5_000,
      cacheMaxAge: options.cacheMaxAgeMs ?? 10 * 60_000,
    });
    this.keys = async (header, token) => {
      try {
        return await remote(header, token);
      } catch (e) {
        throw keyLookupError(e);
      }
    };
  }

  async verify(idToken: string): Promise<GoogleProfile> {
    if (this.clientIds.length === 0) {
      throw new GoogleTokenError('not_configured', 'no Google client id is configured');
    }
    assertRs256(idToken);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(idToken, this.keys, {
        algorithms: ALLOWED_ALGS,
        issuer: GOOGLE_ISSUERS,
        audience: this.clientIds,
        clockTolerance: this.clockTolerance,
        requiredClaims: ['exp', 'iat', 'sub', 'iss', 'aud'],
      }));
    } catch (e) {
      throw e instanceof GoogleTokenError ? e : fromJoseError(e);
    }
    // jose checks iat in the future only together with maxTokenAge, which we
    // do not want; exp already bounds the token's life.
    if (typeof payload.iat === 'number' && payload.iat > nowSeconds() + this.clockTolerance) {
      throw new GoogleTokenError('not_yet_valid', '"iat" is in the future');
    }
    return toProfile(payload, this.clientIds);
  }
}

/** Rejects non-JWTs and any alg but RS256 before a key is ever fetched. */
function assertRs256(token: string): void {
  if (typeof token !== 'string' || token.split('.').length !== 3) {
    throw new GoogleTokenError('malformed', 'not a compact JWS');
  }
  let alg: unknown;
  let kid: unknown;
  try {
    ({ alg, kid } = decodeProtectedHeader(token));
  } catch (e) {
    throw new GoogleTokenError('malformed', 'undecodable JWT header', { cause: e });
  }
  if (typeof alg !== 'string' || !ALLOWED_ALGS.includes(alg)) {
    throw new GoogleTokenError('unsupported_alg', `alg ${String(alg)} is not accepted`);
  }
  // Google always names its key; without a kid jose would try every key.
  if (typeof kid !== 'string' || kid === '') {
    throw new GoogleTokenError('malformed', 'JWT header has no kid');
  }
}

/** Anything but "no such key" while getting keys means the key server failed us. */
function keyLookupError(e: unknown): GoogleTokenError {
  if (e instanceof errors.JWKSNoMatchingKey || e instanceof errors.JWKSMultipleMatchingKeys) {
    return new GoogleTokenError('unknown_key', 'no Google key matches the token kid', { cause: e });
  }
  // Timeout, refused connection (fetch's TypeError), non-200, invalid JSON or
  // JWKS shape: the token may be fine, we just cannot check it now.
  return new GoogleTokenError('keys_unavailable', 'cannot get Google signing keys', {
    cause: e,
  });
}

function fromJoseError(e: unknown): GoogleTokenError {
  const reason = joseReason(e);
  const message = e instanceof Error ? e.message : reason;
  return new GoogleTokenError(reason, message, { cause: e });
}

function joseReason(e: unknown): GoogleTokenErrorReason {
  // JWTExpired extends JWTClaimValidationFailed, so test it first.
  if (e instanceof errors.JWTExpired) return 'expired';
  if (e instanceof errors.JWTClaimValidationFailed) {
    if (e.reason === 'missing') return 'claims_invalid';
    switch (e.claim) {
      case 'aud':
        return 'wrong_audience';
      case 'iss':
        return 'wrong_issuer';
      case 'nbf':
      case 'iat':
        return e.reason === 'check_failed' ? 'not_yet_valid' : 'claims_invalid';
      default:
        return 'claims_invalid';
    }
  }
  if (e instanceof errors.JWSSignatureVerificationFailed) return 'bad_signature';
  if (e instanceof errors.JOSEAlgNotAllowed) return 'unsupported_alg';
  // Bad base64url, a payload that is not a JSON object, an unknown `crit`
  // header (JOSENotSupported), or anything unexpected from parsing: the token
  // is not something we accept. Never a 5xx for what a client sent.
  return 'malformed';
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
