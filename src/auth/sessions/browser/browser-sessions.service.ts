import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { FastifyReply, FastifyRequest } from 'fastify';
import { ClientsService } from '../../../clients/clients.service';
import { ApiError, Errors } from '../../../common/errors/api-error';
import { readCookie } from '../../../common/http/cookies';
import { appConfig } from '../../../config/app.config';
import { httpConfig } from '../../../config/http.config';
import { SessionResponseDto } from '../dto/session-response.dto';
import { secondsUntil, toBrowserSessionResponse, toSessionResponse } from '../session.mapper';
import { Session } from '../session';
import { cookieRequestRefusal, REQUESTED_WITH_HEADER } from './cookie-request-check';
import { clearedRefreshCookieHeader, refreshCookieHeader, RefreshCookieSettings, refreshCookieSettings } from './refresh-cookie';

/**
 * The refresh token of a browser client (`AUTH_CLIENTS` entry `id::browser`) lives in an HttpOnly cookie, out of
 * reach of the page's scripts, and never in a JSON answer; the access token stays in the page's memory. This is where
 * the cookie is set, read (with the CSRF check of cookie-carrying requests) and cleared.
 */
@Injectable()
export class BrowserSessions {
  private readonly cookie: RefreshCookieSettings;

  constructor(
    @Inject(appConfig.KEY) app: ConfigType<typeof appConfig>,
    @Inject(httpConfig.KEY) private readonly http: ConfigType<typeof httpConfig>,
    private readonly clients: ClientsService,
  ) {
    this.cookie = refreshCookieSettings(app.publicUrl);
  }

  /**
   * The JSON answer of a session for `clientId` (null: no client). For a browser client the refresh token is set as
   * the cookie and left out of the JSON, and so is the device credential (its own HttpOnly cookie carries it).
   */
  respond(session: Session, clientId: string | null, reply: FastifyReply): SessionResponseDto {
    if (!session.refresh || clientId === null || !this.clients.isBrowserClient(clientId)) return toSessionResponse(session);
    void reply.header('set-cookie', refreshCookieHeader(this.cookie, session.refresh.token, secondsUntil(session.refresh)));
    return toBrowserSessionResponse(session);
  }

  /**
   * A refresh with no `withRefreshToken`: only a browser client may take the token from its cookie, and only on a
   * request that passes the CSRF check. No cookie (signed out, or the session ended) is a 401 like a dead token.
   */
  refreshTokenFromCookie(clientId: string, request: FastifyRequest): string {
    if (!this.clients.isBrowserClient(clientId)) {
      throw Errors.badInput([{ field: 'withRefreshToken', reason: 'is required when type is "refresh_token" (only a browser client may send its cookie instead)' }]);
    }
    this.assertCookieRequestAllowed(request);
    const token = readCookie(request.headers.cookie, this.cookie.name);
    if (!token) throw new ApiError(HttpStatus.UNAUTHORIZED, 'invalid_refresh_token', `No ${this.cookie.name} cookie: sign in again`);
    return token;
  }

  /**
   * A logout with no refreshToken in the body ends the session of the cookie, if any. A request that shows no sign of
   * being a browser's (neither the cookie nor X-Requested-With) is answered as before: refreshToken is required.
   */
  refreshTokenForLogout(request: FastifyRequest): string | null {
    const token = readCookie(request.headers.cookie, this.cookie.name);
    if (!token && request.headers[REQUESTED_WITH_HEADER] === undefined) {
      throw Errors.badInput([{ field: 'refreshToken', reason: `is required (a browser client sends the ${this.cookie.name} cookie and X-Requested-With instead)` }]);
    }
    this.assertCookieRequestAllowed(request);
    return token || null;
  }

  /** Removes the cookie: at logout, and when the token it held was refused (it can never work again). */
  clearCookie(reply: FastifyReply): void {
    void reply.header('set-cookie', clearedRefreshCookieHeader(this.cookie));
  }

  private assertCookieRequestAllowed(request: FastifyRequest): void {
    const refusal = cookieRequestRefusal(request.headers, this.http.corsOrigins);
    if (refusal) throw refusal;
  }
}
