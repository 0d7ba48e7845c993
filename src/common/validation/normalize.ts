import { Transform } from 'class-transformer';

/**
 * The one form of an e-mail or username that is stored and looked up: NFKC, then lower-cased, then trimmed. NFKC
 * first folds compatibility look-alikes (full-width `ｃａｒｏｌ＠ｅｘａｍｐｌｅ．ｃｏｍ`, ligatures, the Kelvin sign)
 * onto the characters they stand for, so they name one account rather than several that read alike; lower-casing
 * alone folded some (the Kelvin sign onto `k`) but not others. Confusables across scripts (a Cyrillic `а`) are
 * different characters and stay different accounts.
 */
export function normalizeIdentifier(value: string): string {
  return value.normalize('NFKC').toLowerCase().trim();
}

/** E-mails and usernames are compared case-insensitively: stored in the form normalizeIdentifier gives. */
export const NormalizeIdentifier = () => Transform(({ value }) => (typeof value === 'string' ? normalizeIdentifier(value) : value));

/** Optional text fields: trimmed; an empty string means "no value". */
export const TrimToNull = () =>
  Transform(({ value }) => {
    if (typeof value !== 'string') return value;
    const trimmed = value.trim();
    return trimmed.length > 0 ? trimmed : null;
  });
