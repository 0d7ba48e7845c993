import { Delete, HttpCode, Param, Req } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { requestMeta } from '../../audit/request-meta';
import { CurrentPrincipal } from '../../common/decorators/current-principal.decorator';
import { ParseUserIdPipe } from '../../common/pipes/parse-user-id.pipe';
import { actorId, Principal } from '../../common/principal';
import { ApiErrors } from '../../common/swagger/api-errors.decorator';
import { TwoFactorRemoval } from '../../mfa/two-factor-removal.service';
import { AdminUsersController, ID_ERRORS, USER_ID } from '../../users/admin/admin-routes';

/** An admin removing a user's second factor, for a user who lost the device. */
@AdminUsersController()
export class TwoFactorAdminController {
  constructor(private readonly removal: TwoFactorRemoval) {}

  @Delete(':id/2fa')
  @HttpCode(204)
  @USER_ID
  @ApiOperation({
    summary: 'Remove a user’s second factor (lost device): the secret and recovery codes go, and every session of the user ends',
    description: 'The user then signs in with the password alone and may enrol again. Recorded as mfa.reset_by_admin.',
  })
  @ApiNoContentResponse({ description: 'Two-factor sign-in is off for the user' })
  @ApiErrors(...ID_ERRORS)
  async reset(@Param('id', ParseUserIdPipe) id: string, @CurrentPrincipal() principal: Principal, @Req() request: FastifyRequest): Promise<void> {
    await this.removal.resetByAdmin(id, actorId(principal), requestMeta(request));
  }
}
