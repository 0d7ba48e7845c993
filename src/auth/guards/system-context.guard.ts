import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { FastifyRequest } from 'fastify';
import { Errors } from '../../common/errors/api-error';
import { CidrRange, isInRanges, parseCidrList } from '../../common/net/ip-ranges';
import { appConfig } from '../../config/app.config';
import { SYSTEM_CONTEXT_SIGNATURE_HEADER, signatureProblem } from './system-context-signature';

export const SYSTEM_CONTEXT_HEADER = 'x-user-ctx';

/**
 * Headers only a browser adds (the Fetch standard's request metadata, and Origin on every cross-origin or
 * non-GET request). A system calling us server to server sends none of them. Not Sec-Fetch-Mode: Node's own fetch
 * (undici) sends `Sec-Fetch-Mode: cors` on every request, so refusing it would refuse every back end written with
 * fetch(); a browser that sends it always sends Sec-Fetch-Site beside it, which is refused.
 */
const BROWSER_HEADERS = ['origin', 'sec-fetch-site', 'sec-fetch-dest', 'sec-fetch-user'];

/** The shape of a user id (decimal snowflakes, see ParseUserIdPipe). */
const USER_ID_SHAPE = /^\d+$/;

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
 * Honours `x-user-ctx`, the system context of a trusted back end, only when every one of these holds:
 * - the caller's address is inside TRUSTED_NETWORKS: the TCP peer, or the X-Forwarded-For client when the peer is a
 *   TRUST_PROXY proxy (Fastify's trustProxy works it out), so a client on the Internet cannot claim to be a system by
 *   sending the header or by forging X-Forwarded-For;
 * - no browser sent it: a page opened inside the trusted network (or one whose name an attacker re-pointed at an
 *   internal address, DNS rebinding) can reach the service from a trusted address, but its requests carry Origin or
 *   Sec-Fetch-* headers, which no server-to-server client sends;
 * - with SYSTEM_CONTEXT_SECRET set, it is signed with that secret (x-user-ctx-signature), so a trusted network alone
 *   is not enough;
 * - its id is not shaped like a user id: the id is written to createdBy and updatedBy, where a user's id would make a
 *   system's write look like that user's.
 */
@Injectable()
export class SystemContextGuard implements CanActivate {
  private readonly trusted: CidrRange[];
  private readonly secret: string | null;

  constructor(@Inject(appConfig.KEY) app: ConfigType<typeof appConfig>) {
    this.trusted = parseCidrList(app.trustedNetworks);
    this.secret = app.systemContextSecret;
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const raw = request.headers[SYSTEM_CONTEXT_HEADER];
    if (typeof raw !== 'string') throw Errors.unauthenticated();
    if (!isInRanges(request.ip, this.trusted)) {
      throw Errors.forbidden(`The ${SYSTEM_CONTEXT_HEADER} header is not accepted from this network`);
    }
    if (BROWSER_HEADERS.some((name) => request.headers[name] !== undefined)) {
      throw Errors.forbidden(`The ${SYSTEM_CONTEXT_HEADER} header is not accepted from a browser (the request carries Origin or Sec-Fetch-* headers)`);
    }
    this.assertSigned(raw, request.headers[SYSTEM_CONTEXT_SIGNATURE_HEADER]);
    const ctx = parseSystemContext(raw);
    if (!ctx) {
      throw Errors.badInput([{ field: SYSTEM_CONTEXT_HEADER, reason: 'must be base64 of JSON {"id": "...", "user": "..."}' }]);
    }
    if (USER_ID_SHAPE.test(ctx.id)) {
      throw Errors.badInput([{ field: SYSTEM_CONTEXT_HEADER, reason: 'id must name a system, not a user id (decimal digits)' }]);
    }
    request.principal = { kind: 'system', ...ctx };
    return true;
  }

  private assertSigned(raw: string, signature: unknown): void {
    if (this.secret === null) return;
    const problem = signatureProblem(raw, signature, this.secret, Math.floor(Date.now() / 1000));
    if (problem) throw Errors.systemContextSignature(problem);
  }
}
