import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEventsController } from './audit-events.controller';
import { AuditEvent } from './audit-event.entity';
import { AuditQueryService } from './audit-query.service';
import { AuditService } from './audit.service';

/** The audit trail: AuditService.record() for every area, GET /api/audit-events for admins. */
@Module({
  imports: [TypeOrmModule.forFeature([AuditEvent])],
  controllers: [AuditEventsController],
  providers: [AuditService, AuditQueryService],
  exports: [AuditService],
})
export class AuditModule {}
