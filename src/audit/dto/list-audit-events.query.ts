import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { AUDIT_EVENT_TYPES, AuditEventType } from '../audit-event-types';

export const MAX_PAGE_SIZE = 100;

/** GET /api/audit-events query string. */
export class ListAuditEventsQuery {
  @ApiPropertyOptional({ example: '1209604101843542016', description: 'Only events about this user (subjectId)' })
  @IsOptional() @Matches(/^[\w.:@-]{1,64}$/, { message: 'must be a user id' })
  userId?: string;

  @ApiPropertyOptional({ enum: AUDIT_EVENT_TYPES, example: 'login.failed' })
  @IsOptional() @IsIn(AUDIT_EVENT_TYPES as unknown as string[], { message: `must be one of: ${AUDIT_EVENT_TYPES.join(', ')}` })
  type?: AuditEventType;

  @ApiPropertyOptional({ example: 1, default: 1, minimum: 1 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1_000_000)
  page?: number;

  @ApiPropertyOptional({ example: 50, default: 50, minimum: 1, maximum: MAX_PAGE_SIZE })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE_SIZE)
  pageSize?: number;
}
