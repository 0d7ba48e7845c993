import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, timingSafeEqual } from 'node:crypto';
import { Repository } from 'typeorm';
import { authConfig } from '../config/auth.config';
import { Errors } from '../common/errors/api-error';
import { ColumnLookup } from '../database/column-lookup';
import { Client } from './client.entity';

/**
 * Client secrets are machine-generated and high-entropy, so a fast SHA-256 is the right hash (as for API tokens):
 * a slow password hash would double the CPU cost of every login for no gain. Low-entropy secrets are warned about.
 */
function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

const MIN_SECRET_LENGTH = 32;

@Injectable()
export class ClientsService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Clients');
  /** Read at every sign-in: a statement built once (see ColumnLookup). */
  private readonly byId: ColumnLookup<Client>;

  constructor(
    @InjectRepository(Client) private readonly clients: Repository<Client>,
    @Inject(authConfig.KEY) private readonly auth: ConfigType<typeof authConfig>,
  ) {
    this.byId = new ColumnLookup(clients, 'id');
  }

  /** AUTH_CLIENTS is the source of truth: each listed client is created or its secret updated at start. */
  async onApplicationBootstrap(): Promise<void> {
    const now = new Date();
    for (const def of this.auth.clients) {
      if (def.secret !== null && def.secret.length < MIN_SECRET_LENGTH) {
        this.logger.warn(`Client "${def.id}" has a secret shorter than ${MIN_SECRET_LENGTH} characters; use a long random one in production`);
      }
      const secretHash = def.secret === null ? null : hashSecret(def.secret);
      // One upsert, not find-then-insert: instances started together on an empty database would both find nothing,
      // and the second insert would fail that instance's boot on the primary key. createdAt stays the first one's.
      await this.clients
        .createQueryBuilder()
        .insert()
        .values({ id: def.id, secretHash, createdAt: now, updatedAt: now })
        .orUpdate(['secretHash', 'updatedAt'], ['id'])
        .execute();
    }
    this.logger.log(`Clients registered: ${this.auth.clients.map((c) => c.id).join(', ') || '(none)'}`);
  }

  /** Unknown client, or a confidential client with a wrong or missing secret → 401 invalid_client. */
  async authenticate(clientId: string, clientSecret: string | undefined): Promise<Client> {
    // A client removed from AUTH_CLIENTS keeps its row (its refresh tokens point at it) but is refused at once:
    // removing it from the configuration is how it is revoked. The secret is checked against the row rather than
    // this instance's configuration (one primary-key read per sign-in): the row holds the secret of the latest
    // instance started, so a rotated secret stops working everywhere as soon as one instance runs the new one.
    if (!this.auth.clients.some((c) => c.id === clientId)) throw Errors.invalidClient();
    const client = await this.byId.find(clientId);
    if (!client) throw Errors.invalidClient();
    if (client.secretHash === null) return client;
    const given = Buffer.from(hashSecret(clientSecret ?? ''), 'hex');
    const expected = Buffer.from(client.secretHash, 'hex');
    // Constant-time comparison, so response time does not reveal how much of the secret was right.
    if (clientSecret === undefined || !timingSafeEqual(given, expected)) throw Errors.invalidClient();
    return client;
  }

  /** A browser client (`id::browser`): its refresh token lives in an HttpOnly cookie, never in JSON. */
  isBrowserClient(clientId: string): boolean {
    return this.auth.clients.some((c) => c.id === clientId && c.browser);
  }

  /** Every audience a Bearer token may carry: the registered client ids. */
  knownClientIds(): string[] {
    return this.auth.clients.map((c) => c.id);
  }
}
