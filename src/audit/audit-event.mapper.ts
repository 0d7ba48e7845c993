import { AuditEvent } from './audit-event.entity';
import { AuditEventResponseDto } from './dto/audit-event-response.dto';

export function toAuditEventResponse(e: AuditEvent): AuditEventResponseDto {
  return {
    id: e.id,
    type: e.type,
    actorId: e.actorId,
    subjectId: e.subjectId,
    clientId: e.clientId,
    ip: e.ip,
    userAgent: e.userAgent,
    details: e.details,
    createdAt: e.createdAt.toISOString(),
  };
}
