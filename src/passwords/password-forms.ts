import { BCRYPT_MAX_BYTES, normalizePassword } from '../common/validation/password.validator';

/**
 * The forms in which a typed password is compared with a stored hash. First its NFC form: every password set since
 * passwords are normalised was hashed in it. Then, when the typing was not NFC, the password exactly as typed: a hash
 * made before normalisation holds whatever form was sent then, and its owner must still get in (the sign-in that
 * matches that way rehashes the NFC form, see PasswordCheck). A form over 72 bytes is left out: bcrypt would compare
 * only its first 72 bytes, so "the password followed by anything" would match; no password that long was ever set.
 * Empty when no form can be a password.
 */
export function passwordForms(typed: string): string[] {
  const nfc = normalizePassword(typed);
  const forms = nfc === typed ? [nfc] : [nfc, typed];
  return forms.filter((form) => Buffer.byteLength(form, 'utf8') <= BCRYPT_MAX_BYTES);
}

/** What checks a password against a stored hash (PasswordVerifier: every accepted format). */
interface Verifies {
  verify(password: string, hash: string): Promise<boolean>;
}

/** The form of `typed` that `hash` was made from (see passwordForms), or null. */
export async function matchingForm(verifier: Verifies, typed: string, hash: string): Promise<string | null> {
  for (const form of passwordForms(typed)) {
    if (await verifier.verify(form, hash)) return form;
  }
  return null;
}
