import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { FastifyRequest } from 'fastify';
import { Errors } from '../../common/errors/api-error';
import { CidrRange, isInRanges, parseCidrList } from '../../common/net/ip-ranges';
import { appConfig } from '../../config/app.config';

export const SYSTEM_CONTEXT_HEADER = 'x-user-ctx';

/** `{ id, user }` from base64 JSON, or plain JSON (the seed's own example forgets to encode). */
export function parseSystemContext(raw: string): { id: string; user: string } | null {
  const text = raw.trim();
  const candidates = text.startsWith('{') ? [text] : [Buffer.from(text, 'base64').toString('utf8')];
  for (const candidate of candidates) {
    try {
      const parsed = JSON.parse(candidate) as { id?: unknown; user?: unknown };
      const idOk = typeof parsed.id === 'string' && /^[\w.:@-]{1,64}$/.test(parsed.id);
      const userOk = parsed.user === undefined || (typeof parsed.user === 'string' && parsed.user.length <= 128);
      if (idOk && userOk) return { id: parsed.id as string, user: (parsed.user as string | undefined) ?? (parsed.id as string) };
    } catch {
      // not JSON: malformed
    }
  }
  return null;
}

/**
 * Honours `x-user-ctx` only when the caller's address is inside TRUSTED_NETWORKS. The address is the TCP peer, or
 * the X-Forwarded-For client when the peer is a TRUST_PROXY proxy (Fastify's trustProxy works it out), so a
 * client on the Internet cannot claim to be a system by sending the header or by forging X-Forwarded-For.
 */
@Injectable()
export class SystemContextGuard implements CanActivate {
  private readonly trusted: CidrRange[];

  constructor(@Inject(appConfig.KEY) app: ConfigType<typeof appConfig>) {
    this.trusted = parseCidrList(app.trustedNetworks);
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const raw = request.headers[SYSTEM_CONTEXT_HEADER];
    if (typeof raw !== 'string') throw Errors.unauthenticated();
    if (!isInRanges(request.ip, this.trusted)) {
      throw Errors.forbidden(`The ${SYSTEM_CONTEXT_HEADER} header is not accepted from this network`);
    }
    const ctx = parseSystemContext(raw);
    if (!ctx) {
      throw Errors.badInput([{ field: SYSTEM_CONTEXT_HEADER, reason: 'must be base64 of JSON {"id": "...", "user": "..."}' }]);
    }
    request.principal = { kind: 'system', ...ctx };
    return true;
  }
}
