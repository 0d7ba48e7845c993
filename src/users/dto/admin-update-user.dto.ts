import { IntersectionType, PickType } from '@nestjs/swagger';
import { SyncUserDto, UserProfileDto } from './sync-user.dto';

/** PATCH /api/users/:id: profile, roles and isActive (same rules as the sync). E-mail and username are the sync's. */
export class AdminUpdateUserDto extends IntersectionType(UserProfileDto, PickType(SyncUserDto, ['roles', 'isActive'] as const)) {}
