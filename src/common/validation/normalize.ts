import { Transform } from 'class-transformer';

/** E-mails and usernames are compared case-insensitively: stored trimmed and lower-cased. */
export const NormalizeIdentifier = () =>
  Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value));

/** Optional text fields: trimmed; an empty string means "no value". */
export const TrimToNull = () =>
  Transform(({ value }) => {
    if (typeof value !== 'string') return value;
    const trimmed = value.trim();
    return trimmed.length > 0 ? trimmed : null;
  });
