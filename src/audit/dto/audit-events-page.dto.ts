import { ApiProperty } from '@nestjs/swagger';
import { AuditEventResponseDto } from './audit-event-response.dto';

export class AuditEventsPageDto {
  @ApiProperty({ type: [AuditEventResponseDto], description: 'Newest first' })
  items!: AuditEventResponseDto[];

  @ApiProperty({ example: 1 })
  page!: number;

  @ApiProperty({ example: 50 })
  pageSize!: number;

  @ApiProperty({ example: 123, description: 'Events matching the filters, over all pages' })
  total!: number;
}
