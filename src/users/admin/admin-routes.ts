import { applyDecorators, Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiParam, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { AllowSystemContext } from '../../common/decorators/allow-system-context.decorator';
import { Roles } from '../../common/decorators/roles.decorator';

/**
 * A controller of admin routes on users (/api/users…): an admin's Bearer token, or the system context from a
 * trusted network. Shared by every such controller, wherever its feature lives (the two-factor reset is AuthModule's).
 */
export const AdminUsersController = () =>
  applyDecorators(ApiTags('users (admin)'), Controller('api/users'), Roles('admin'), AllowSystemContext(), ApiBearerAuth(), ApiSecurity('x-user-ctx'));

export const AUTH_ERRORS: [number, string][] = [
  [401, 'No credentials, or an invalid or expired token'],
  [403, 'Not an admin, or x-user-ctx sent from an untrusted network'],
];
/** The errors of a route on one user by id. */
export const ID_ERRORS: [number, string][] = [[400, 'Malformed id (or body)'], ...AUTH_ERRORS, [404, 'No (live) user with this id']];
export const USER_ID = ApiParam({ name: 'id', example: '7512345678901234567', description: 'User id (decimal digits)' });
