import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { PassportStrategy } from '@nestjs/passport';
import { FastifyRequest } from 'fastify';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { runStrategy } from '../../common/passport/run-strategy';
import { ClientsService } from '../../clients/clients.service';
import { Errors } from '../../common/errors/api-error';
import { authConfig } from '../../config/auth.config';
import { isAdminLocked } from '../../users/user-lock';
import { User } from '../../users/user.entity';
import { UsersService } from '../../users/users.service';
import { AccessTokenClaims } from './access-token.service';
import { SigningKeys } from './signing-keys';
import { VerifiedTokenCache } from './verified-token-cache';

/** A verified Bearer token and the user it was issued to. */
export interface Bearer {
  user: User;
  claims: AccessTokenClaims;
}

/** `Authorization: Bearer <token>`, as passport-jwt reads it. */
const bearerToken = ExtractJwt.fromAuthHeaderAsBearerToken();
type PassportRequest = Parameters<typeof bearerToken>[0];

/** passport-jwt's extractor reads only `headers`, which a Fastify request has too (its types name Express's). */
const tokenOf = (request: FastifyRequest): string | null => bearerToken(request as unknown as PassportRequest);

/** How far in the future `iat` may be: clock skew between the instances that issue and check tokens. */
export const ISSUED_AT_LEEWAY_SECONDS = 60;

/**
 * passport-jwt (jsonwebtoken) checks `exp` only when it is there, and `iat` not at all. Every token we issue has
 * both, so a correctly signed token without them was not made by our issuing code (a key used elsewhere, a bug) and
 * would never expire; one issued in the future was signed by a clock that is wrong, or to outlive its lifetime.
 */
function assertTimeClaims(claims: AccessTokenClaims): void {
  if (typeof claims.exp !== 'number' || typeof claims.iat !== 'number') {
    throw Errors.unauthenticated('The token has no expiry (exp) or issue time (iat)');
  }
  if (claims.iat > Math.floor(Date.now() / 1000) + ISSUED_AT_LEEWAY_SECONDS) {
    throw Errors.unauthenticated('The token was issued in the future (iat)');
  }
}

function headerKid(rawJwt: string): string | undefined {
  try {
    const header = JSON.parse(Buffer.from(rawJwt.split('.')[0], 'base64url').toString('utf8')) as { kid?: unknown };
    return typeof header.kid === 'string' ? header.kid : undefined;
  } catch {
    // Not JSON: no kid.
  }
  return undefined;
}

/**
 * Bearer access tokens. Only RS256 is accepted and the key is picked by `kid` among our own keys, which rules out
 * `alg: none` and the HS256-with-the-public-key confusion. `iss` and `aud` must be ours.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    keys: SigningKeys,
    clients: ClientsService,
    @Inject(authConfig.KEY) auth: ConfigType<typeof authConfig>,
    private readonly users: UsersService,
    private readonly verified: VerifiedTokenCache,
  ) {
    super({
      jwtFromRequest: bearerToken,
      algorithms: ['RS256'],
      issuer: auth.issuer,
      audience: [auth.defaultAudience, ...clients.knownClientIds()],
      ignoreExpiration: false,
      passReqToCallback: true,
      secretOrKeyProvider: (_req: FastifyRequest, rawJwt: string, done: (err: unknown, key?: string | Buffer) => void) => {
        const key = keys.find(headerKid(rawJwt));
        if (!key) return done(Errors.unauthenticated('The token was not signed by a key of this service'));
        // jsonwebtoken accepts a KeyObject (parsed once) though passport-jwt's types only name string | Buffer.
        done(null, key.publicKey as unknown as Buffer);
      },
    });
  }

  /** The caller of `request`, from its `Authorization: Bearer` header; a 401 for anything else. */
  check(request: FastifyRequest): Promise<Bearer> {
    return runStrategy<Bearer>(this, request);
  }

  /**
   * A token whose exact text passport-jwt verified before (and that has not expired since) skips the signature check;
   * everything else goes through passport-jwt, which calls `validate`. See VerifiedTokenCache.
   */
  override authenticate(req: PassportRequest, options?: unknown): void {
    const request = req as unknown as FastifyRequest;
    const token = tokenOf(request);
    const claims = token ? this.verified.get(token) : undefined;
    if (!claims) return super.authenticate(req, options);
    // As passport-jwt's own callback does: a thrown error → error(), a user → success().
    this.admit(claims).then(
      (bearer) => this.success(bearer),
      (err: Error) => this.error(err),
    );
  }

  /**
   * passport-jwt's callback, after it verified the signature, `iss`, `aud`, `exp` and `nbf`: our time claims, the
   * checks of `admit`, then the token is remembered.
   */
  async validate(request: FastifyRequest, claims: AccessTokenClaims): Promise<Bearer> {
    assertTimeClaims(claims);
    const bearer = await this.admit(claims);
    const token = tokenOf(request);
    if (token) this.verified.remember(token, claims);
    return bearer;
  }

  /**
   * The token is genuine; the user must still exist and be allowed in (deleted, disabled, locked by an admin → 401; an
   * automatic lock never ends a session: it is about passwords typed by anyone, see LockoutService), and the token
   * must be of the user's current generation: a password
   * change, lock, delete or logout-everywhere raises it, so every token issued before stops working. An exact
   * counter rather than a time cutoff compared with `iat` (whole seconds): a token issued in the same second as the
   * revocation is still told apart correctly.
   */
  private async admit(claims: AccessTokenClaims): Promise<Bearer> {
    const user = await this.users.findForTokenCheck(claims.sub, claims.gen ?? 0);
    if (!user || !user.isActive || isAdminLocked(user)) throw Errors.unauthenticated('The user of this token can no longer sign in');
    if ((claims.gen ?? 0) !== user.tokenGeneration) throw Errors.unauthenticated('This session has been revoked; sign in again');
    return { user, claims };
  }
}
