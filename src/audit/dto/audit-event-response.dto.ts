import { ApiProperty } from '@nestjs/swagger';
import { AUDIT_EVENT_TYPES, AuditEventType } from '../audit-event-types';

export class AuditEventResponseDto {
  @ApiProperty({ example: '1209604101843542017' })
  id!: string;

  @ApiProperty({ enum: AUDIT_EVENT_TYPES, example: 'login.failed' })
  type!: AuditEventType;

  @ApiProperty({ type: String, nullable: true, example: '__system', description: 'Who acted; null for an anonymous caller' })
  actorId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '1209604101843542016', description: 'The user the event is about' })
  subjectId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'client-app-id' })
  clientId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '203.0.113.7' })
  ip!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Mozilla/5.0 …', description: 'Truncated to 256 characters' })
  userAgent!: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, example: { reason: 'wrong_password' } })
  details!: Record<string, unknown> | null;

  @ApiProperty({ example: '2026-11-22T07:00:00.000Z' })
  createdAt!: string;
}
