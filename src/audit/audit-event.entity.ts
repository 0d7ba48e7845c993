import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { AuditEventType } from './audit-event-types';

/** Small, flat, never secret: reasons, counts, field names. */
export type AuditDetails = Record<string, string | number | boolean | null | string[]>;

/** One security-relevant event. Append-only; `details` is small JSON and never holds a secret. */
@Entity('audit_events')
@Index('IDX_audit_events_subject', ['subjectId', 'createdAt'])
@Index('IDX_audit_events_type', ['type', 'createdAt'])
@Index('IDX_audit_events_created', ['createdAt'])
export class AuditEvent {
  /** Snowflake: time-ordered, so id order is creation order (a stable tie-break for paging). */
  @PrimaryColumn({ type: 'varchar', length: 20 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  type!: AuditEventType;

  /** Who acted: a user id, a system-context id (`__system`), or null for an anonymous caller (a login). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  actorId!: string | null;

  /** The user the event is about. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  subjectId!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  clientId!: string | null;

  @Column({ type: 'varchar', length: 45, nullable: true })
  ip!: string | null;

  @Column({ type: 'varchar', length: 256, nullable: true })
  userAgent!: string | null;

  @Column({ type: 'simple-json', nullable: true })
  details!: AuditDetails | null;

  @Column({ type: Date })
  createdAt!: Date;
}
