import { createHash, timingSafeEqual } from 'node:crypto';
import { FastifyRequest } from 'fastify';
import { CidrRange, isInRanges, parseCidrList } from '../common/net/ip-ranges';

export interface MetricsAccessConfig {
  /** METRICS_NETWORKS, or TRUSTED_NETWORKS when it is unset. */
  networks: string[];
  /** METRICS_TOKEN, or null. */
  token: string | null;
}

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/**
 * Who may read the metrics: a caller inside the metrics networks (the address as the system context sees it: the
 * TCP peer, or the X-Forwarded-For client of a TRUST_PROXY proxy), or one that sends the metrics token as a Bearer
 * token. The token is compared in constant time, on SHA-256 digests so that its length does not show either.
 */
export class MetricsAccess {
  private readonly networks: CidrRange[];
  private readonly tokenDigest: Buffer | null;

  constructor(config: MetricsAccessConfig) {
    this.networks = parseCidrList(config.networks);
    this.tokenDigest = config.token ? digest(config.token) : null;
  }

  allows(request: FastifyRequest): boolean {
    return isInRanges(request.ip, this.networks) || this.hasToken(request.headers.authorization);
  }

  private hasToken(header: string | undefined): boolean {
    if (!this.tokenDigest || !header) return false;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return match !== null && timingSafeEqual(digest(match[1]), this.tokenDigest);
  }
}
