import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { AllowSystemContext } from '../common/decorators/allow-system-context.decorator';
import { Roles } from '../common/decorators/roles.decorator';
import { ApiErrors } from '../common/swagger/api-errors.decorator';
import { toAuditEventResponse } from './audit-event.mapper';
import { AuditQueryService } from './audit-query.service';
import { AuditEventsPageDto } from './dto/audit-events-page.dto';
import { ListAuditEventsQuery } from './dto/list-audit-events.query';

@ApiTags('audit')
@Controller('api/audit-events')
export class AuditEventsController {
  constructor(private readonly audit: AuditQueryService) {}

  @Get()
  @AllowSystemContext()
  @Roles('admin')
  @ApiBearerAuth()
  @ApiSecurity('x-user-ctx')
  @ApiOperation({
    summary: 'Security events: sign-ins, failures, lockouts, user changes',
    description: 'Newest first, by page; filter by the user the event is about (`userId`) and by `type`. Admins, or `x-user-ctx` from a trusted network.',
  })
  @ApiOkResponse({ type: AuditEventsPageDto })
  @ApiErrors(
    [400, 'Invalid or unknown query parameter (named in `fields`)'],
    [401, 'No credentials, or an invalid or expired token'],
    [403, 'Not an admin, or x-user-ctx sent from an untrusted network'],
  )
  async list(@Query() query: ListAuditEventsQuery): Promise<AuditEventsPageDto> {
    const page = await this.audit.list(query);
    return { ...page, items: page.items.map(toAuditEventResponse) };
  }
}
