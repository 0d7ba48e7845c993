import { ApiHeader } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { readCookie } from '../../common/http/cookies';
import { IssuedDeviceCredential } from '../../lockout/device-credentials';

/** The cookie a browser keeps the device credential in, and the header of clients that keep no cookies. */
export const DEVICE_COOKIE = 'gatehouse_device';
export const DEVICE_HEADER = 'x-device-token';

/** The device credentials a request presents, header first, unverified (DeviceCredentials decides which is valid). */
export function presentedDeviceTokens(request: FastifyRequest): string[] {
  const header = request.headers[DEVICE_HEADER];
  const tokens = [typeof header === 'string' ? header.trim() : '', readCookie(request.headers.cookie, DEVICE_COOKIE)];
  return [...new Set(tokens.filter((t) => t.length > 0))];
}

/**
 * Hands the device credential to a browser. HttpOnly: no script, an injected one included, can read it. SameSite=Lax:
 * not sent on cross-site requests (a page elsewhere cannot spend the device's budget in its name). Path=/: it must
 * reach every sign-in route (/api/auth, /users) and the password change. Secure whenever the request came over HTTPS
 * (directly, or as a TRUST_PROXY proxy says); over plain HTTP (local development) a Secure cookie would be dropped.
 */
export function setDeviceCookie(request: FastifyRequest, reply: FastifyReply, device: IssuedDeviceCredential | null): void {
  if (!device) return;
  const attributes = [`${DEVICE_COOKIE}=${device.token}`, 'Path=/', `Max-Age=${device.maxAgeSeconds}`, 'HttpOnly', 'SameSite=Lax'];
  if (request.protocol === 'https') attributes.push('Secure');
  void reply.header('set-cookie', attributes.join('; '));
}

/** OpenAPI: a route that reads the device credential (as the X-Device-Token header, or the gatehouse_device cookie). */
export const AcceptsDeviceCredential = () =>
  ApiHeader({
    name: 'X-Device-Token',
    required: false,
    description:
      'The device credential a sign-in on this client handed out (`deviceToken`), for clients that keep no cookies; ' +
      'browsers send the HttpOnly cookie gatehouse_device instead. With it, failed passwords count against this device ' +
      'only, and the client still signs in while the account is locked to clients without one.',
  });
