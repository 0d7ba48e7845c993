import { UserProfileDto } from './sync-user.dto';

/** PATCH /api/users/me: profile fields only; roles, isActive or anything else is an unknown field (400). */
export class UpdateMeDto extends UserProfileDto {}
