import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { newUserId } from '../common/ids/ids';
import { PendingWork } from '../common/process/pending-work';
import { BulkRows } from '../database/bulk-rows';
import { AuditDetails, AuditEvent } from './audit-event.entity';
import { AuditEventType } from './audit-event-types';
import { RequestMeta } from './request-meta';

export interface AuditEventInput extends RequestMeta {
  type: AuditEventType;
  actorId?: string | null;
  subjectId?: string | null;
  /** Small and never secret: no password, hash, token or client secret. */
  details?: AuditDetails;
}

const MAX_USER_AGENT = 256;
const MAX_IP = 45;
const MAX_DETAILS_CHARS = 2000;

/**
 * The audit trail. `record` never throws and never makes the caller wait: the insert runs in the background (one
 * INSERT, off the login hot path, outside any transaction: on SQLite it waits for one in progress, see
 * TransactionRunner) and a failure is logged, not turned into a failed request. `flush()` waits for
 * the writes in flight (tests call it before reading; shutdown calls it so no event is lost).
 */
@Injectable()
export class AuditService implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Audit');
  private readonly pending = new PendingWork();
  /** Made at the first insertMany (it reads the entity's metadata, which record() never needs). */
  private bulk: BulkRows<AuditEvent> | null = null;

  constructor(@InjectRepository(AuditEvent) private readonly events: Repository<AuditEvent>) {}

  record(event: AuditEventInput): void {
    let row: AuditEvent;
    try {
      row = this.toRow(event);
    } catch (e) {
      this.logger.error(`Audit event ${event.type} not recorded: ${(e as Error).message}`);
      return;
    }
    this.pending.add(this.events.insert(row).catch((e: Error) => this.logger.error(`Audit event ${row.type} (${row.id}) not recorded: ${e.message}`)));
  }

  /**
   * Many events in one multi-row INSERT, through `em`: inside a transaction, the events commit or roll back with the
   * change they record (the import writes a batch's users and their events in one transaction, so a batch is never
   * committed without its trail, nor a trail left of a batch rolled back). An event that cannot be made into a row is
   * logged and left out; a database error is the caller's (it fails the transaction).
   */
  async insertMany(em: EntityManager, events: AuditEventInput[]): Promise<void> {
    const rows = events.flatMap((event) => {
      try {
        return [this.toRow(event)];
      } catch (e) {
        this.logger.error(`Audit event ${event.type} not recorded: ${(e as Error).message}`);
        return [];
      }
    });
    this.bulk ??= new BulkRows(this.events);
    await this.bulk.insert(em, rows);
  }

  flush(): Promise<void> {
    return this.pending.idle();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.flush();
  }

  private toRow(e: AuditEventInput): AuditEvent {
    const details = e.details && Object.keys(e.details).length > 0 ? e.details : null;
    if (details && JSON.stringify(details).length > MAX_DETAILS_CHARS) throw new Error('details too large');
    return Object.assign(new AuditEvent(), {
      id: newUserId(),
      type: e.type,
      actorId: e.actorId ?? null,
      subjectId: e.subjectId ?? null,
      clientId: e.clientId ?? null,
      ip: e.ip ? e.ip.slice(0, MAX_IP) : null,
      userAgent: e.userAgent ? e.userAgent.slice(0, MAX_USER_AGENT) : null,
      details,
      createdAt: new Date(),
    });
  }
}
