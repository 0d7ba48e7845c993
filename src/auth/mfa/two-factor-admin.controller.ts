import { Controller, Delete, HttpCode, Param, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiParam, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { requestMeta } from '../../audit/request-meta';
import { AllowSystemContext } from '../../common/decorators/allow-system-context.decorator';
import { CurrentPrincipal } from '../../common/decorators/current-principal.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import { ParseUserIdPipe } from '../../common/pipes/parse-user-id.pipe';
import { actorId, Principal } from '../../common/principal';
import { ApiErrors } from '../../common/swagger/api-errors.decorator';
import { TwoFactorRemoval } from '../../mfa/two-factor-removal.service';

/** An admin removing a user's second factor, for a user who lost the device. */
@ApiTags('users (admin)')
@Controller('api/users')
@Roles('admin')
@AllowSystemContext()
@ApiBearerAuth()
@ApiSecurity('x-user-ctx')
export class TwoFactorAdminController {
  constructor(private readonly removal: TwoFactorRemoval) {}

  @Delete(':id/2fa')
  @HttpCode(204)
  @ApiParam({ name: 'id', example: '7512345678901234567', description: 'User id (decimal digits)' })
  @ApiOperation({
    summary: 'Remove a user’s second factor (lost device): the secret and recovery codes go, and every session of the user ends',
    description: 'The user then signs in with the password alone and may enrol again. Recorded as mfa.reset_by_admin.',
  })
  @ApiNoContentResponse({ description: 'Two-factor sign-in is off for the user' })
  @ApiErrors(
    [400, 'Malformed id'],
    [401, 'No credentials, or an invalid or expired token'],
    [403, 'Not an admin, or x-user-ctx sent from an untrusted network'],
    [404, 'No (live) user with this id'],
  )
  async reset(@Param('id', ParseUserIdPipe) id: string, @CurrentPrincipal() principal: Principal, @Req() request: FastifyRequest): Promise<void> {
    await this.removal.resetByAdmin(id, actorId(principal), requestMeta(request));
  }
}
