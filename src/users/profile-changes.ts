import { UserProfileDto } from './dto/sync-user.dto';
import { User } from './user.entity';

export const PROFILE_FIELDS: (keyof UserProfileDto)[] = [
  'name', 'firstName', 'lastName', 'locale', 'phoneNumber', 'avatar', 'birthday', 'gender',
];

/** The profile fields present in a body (an explicit null or "" clears one). */
export function profileChanges(dto: UserProfileDto): Partial<User> {
  const out: Partial<User> = {};
  for (const f of PROFILE_FIELDS) if (dto[f] !== undefined) out[f] = dto[f] ?? null;
  return out;
}
