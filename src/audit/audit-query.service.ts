import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { FindOptionsWhere, Repository } from 'typeorm';
import { AuditEvent } from './audit-event.entity';
import { ListAuditEventsQuery } from './dto/list-audit-events.query';

export interface AuditEventsPage {
  items: AuditEvent[];
  page: number;
  pageSize: number;
  total: number;
}

/** Reads of the audit trail for admins: filtered by user and type, newest first, by page. */
@Injectable()
export class AuditQueryService {
  constructor(@InjectRepository(AuditEvent) private readonly events: Repository<AuditEvent>) {}

  async list(query: ListAuditEventsQuery): Promise<AuditEventsPage> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const where: FindOptionsWhere<AuditEvent> = {};
    if (query.userId) where.subjectId = query.userId;
    if (query.type) where.type = query.type;
    const [items, total] = await this.events.findAndCount({
      where,
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items, page, pageSize, total };
  }
}
