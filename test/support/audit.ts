import { AuditService } from '../../src/audit/audit.service';
import { TestApp } from './test-app';

/** Audit writes run in the background; tests wait for them before reading. */
export function flushAudit(t: TestApp): Promise<void> {
  return t.app.get(AuditService).flush();
}
