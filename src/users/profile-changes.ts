import { UserProfileDto } from './dto/sync-user.dto';
import { User } from './user.entity';

export type ProfileField = keyof UserProfileDto & keyof User;

export const PROFILE_FIELDS: ProfileField[] = [
  'name', 'firstName', 'lastName', 'locale', 'phoneNumber', 'avatar', 'birthday', 'gender',
];

/** The profile fields present in a body (an explicit null or "" clears one); absent ones are left out. */
export function profileChanges(dto: UserProfileDto): Partial<Pick<User, ProfileField>> {
  const out: Partial<Pick<User, ProfileField>> = {};
  for (const f of PROFILE_FIELDS) if (dto[f] !== undefined) out[f] = dto[f] ?? null;
  return out;
}
