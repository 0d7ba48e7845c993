import { AuditService } from '../../src/audit/audit.service';
import { sql } from './sql';
import { TestApp } from './test-app';

/** Audit writes run in the background; tests wait for them before reading. */
export function flushAudit(t: TestApp): Promise<void> {
  return t.app.get(AuditService).flush();
}

export interface AuditRow {
  type: string;
  actorId: string | null;
  details: Record<string, unknown> | null;
}

/** The audit events about one user, oldest first, once the writes in flight are done. */
export async function auditOf(t: TestApp, userId: string): Promise<AuditRow[]> {
  if (!/^\d+$/.test(userId)) throw new Error(`not a user id: ${userId}`);
  await flushAudit(t);
  const rows = await sql<{ type: string; actorId: string | null; details: string | null }>(
    t,
    `SELECT type, "actorId", details FROM audit_events WHERE "subjectId" = '${userId}' ORDER BY "createdAt", id`,
  );
  return rows.map((r) => ({ type: r.type, actorId: r.actorId, details: r.details ? (JSON.parse(r.details) as Record<string, unknown>) : null }));
}
