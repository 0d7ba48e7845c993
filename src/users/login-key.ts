/**
 * The form in which an e-mail or username is looked up (both are stored trimmed and lower-cased). One function, so
 * that the lockout counts an identifier that matches no user under the same key a real account would be found by.
 */
export function loginKey(emailOrUsername: string): string {
  return emailOrUsername.trim().toLowerCase();
}
