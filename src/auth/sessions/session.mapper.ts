import { toOrionUser, toUserResponse } from '../../users/user.mapper';
import { OrionAuthenticationDto } from '../sign-in/dto/orion-authentication.dto';
import { OrionMfaRequiredDto } from '../sign-in/dto/orion-mfa-required.dto';
import { isMfaChallenge, SignInResult } from '../sign-in/sign-in-attempt';
import { SessionResponseDto } from './dto/session-response.dto';
import { IssuedRefreshToken } from './refresh/issued-refresh-token';
import { Session } from './session';

/** Seconds until the family's absolute end (rotation never moves it). */
export const secondsUntil = (refresh: IssuedRefreshToken): number => Math.max(0, Math.floor((refresh.expiresAt.getTime() - Date.now()) / 1000));

/**
 * POST /api/auth/login and, without refresh token for a token of no client, POST /api/users/me/password. The device
 * credential is in the body too (the route also sets it as a cookie), for clients that keep no cookies.
 */
export function toSessionResponse(session: Session): SessionResponseDto {
  const { access, refresh, user, device } = session;
  const tokens = { accessToken: access.accessToken, tokenType: 'Bearer' as const, expiresIn: access.expiresIn };
  const deviceToken = device ? { deviceToken: device.token } : {};
  if (!refresh) return { ...tokens, ...deviceToken, user: toUserResponse(user) };
  return { ...tokens, refreshToken: refresh.token, refreshExpiresIn: secondsUntil(refresh), ...deviceToken, user: toUserResponse(user) };
}

/**
 * The same for a browser client: no refresh token and no device credential in the JSON, where an injected script
 * could read them; both are HttpOnly cookies (see BrowserSessions). refreshExpiresIn stays: it is no secret.
 */
export function toBrowserSessionResponse(session: Session): SessionResponseDto {
  const { refreshToken: _inCookie, deviceToken: _alsoInCookie, ...rest } = toSessionResponse(session);
  return rest;
}

/**
 * The Orion routes (POST /users/login, /users/login/google, /users/login/2fa): `{ user, token }`, exactly (the device
 * credential: cookie only); or, after the first factor of a user with two-factor sign-in, `{ requires2FA, mfaToken,
 * message }` (a 200, as Orion clients expect, with no user and no token).
 */
export function toOrionAuthentication(result: SignInResult): OrionAuthenticationDto | OrionMfaRequiredDto {
  if (isMfaChallenge(result)) {
    return { requires2FA: true, mfaToken: result.mfaToken, message: 'Two-factor authentication required: send mfaToken and a code to /users/login/2fa' };
  }
  return { user: toOrionUser(result.user), token: result.access.accessToken };
}
