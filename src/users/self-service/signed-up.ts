import { User } from '../user.entity';

/** `createdBy` of an account made by sign-up (POST /api/auth/signup), as "google" is for a Google sign-in. */
export const SIGN_UP = 'signup';

/**
 * A signed-up account whose address was never proven. Accounts from a sync or from Google are vouched for by
 * whoever made them; one from open sign-up only by its verification link, so until then it is held to stricter
 * rules (the sign-in policy, and no linking of a Google account to it by e-mail).
 */
export function isUnverifiedSignUp(user: Pick<User, 'createdBy' | 'emailVerified'>): boolean {
  return user.createdBy === SIGN_UP && !user.emailVerified;
}
