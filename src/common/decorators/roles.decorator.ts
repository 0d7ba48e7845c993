import { SetMetadata } from '@nestjs/common';

export const REQUIRED_ROLES = 'gatehouse:roles';

/** The caller must hold one of these roles (a trusted system context passes too, where the route allows it). */
export const Roles = (...roles: string[]) => SetMetadata(REQUIRED_ROLES, roles);
