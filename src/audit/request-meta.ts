import { FastifyRequest } from 'fastify';

/** Where a request came from, for the audit trail. */
export interface RequestMeta {
  ip?: string | null;
  userAgent?: string | null;
  clientId?: string | null;
}

/**
 * The client address (request.ip honours TRUST_PROXY) and User-Agent. The client application, where there is one,
 * is added by whoever authenticated it (the sign-in flow).
 */
export function requestMeta(request: FastifyRequest): RequestMeta {
  const ua = request.headers['user-agent'];
  return { ip: request.ip ?? null, userAgent: typeof ua === 'string' ? ua : null, clientId: null };
}
