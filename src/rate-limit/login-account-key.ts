/** Longest identifier used as a rate-limit key (an e-mail is at most 254 characters). */
const MAX_KEY_LENGTH = 254;

/**
 * The account a login body names, normalised like UsersService.findByLogin (trimmed, lower-case): the password
 * login's `withPassword.emailOrUsername`, or the Orion form's `email`. Null when the body names none (a Google
 * login), in which case only the per-address limit applies. Read before validation, so nothing is assumed.
 */
export function loginAccountKey(body: unknown): string | null {
  if (!body || typeof body !== 'object') return null;
  const b = body as { withPassword?: unknown; email?: unknown };
  const nested = b.withPassword && typeof b.withPassword === 'object' ? (b.withPassword as { emailOrUsername?: unknown }).emailOrUsername : undefined;
  const raw = typeof nested === 'string' ? nested : typeof b.email === 'string' ? b.email : null;
  const key = raw?.trim().toLowerCase().slice(0, MAX_KEY_LENGTH);
  return key ? key : null;
}
