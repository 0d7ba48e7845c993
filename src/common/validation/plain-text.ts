import { FieldError } from '../errors/api-error';

/**
 * C0 and C1 control characters (Unicode category Cc), DEL included. No field of this API has a use for them, and
 * they do harm: PostgreSQL refuses a NUL byte in text (a 500 for any field that reached a query), a C library
 * reading a password stops at one, and a newline or escape sequence in a name ends up in logs and terminals.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** A UTF-16 surrogate without its other half: not a character, and not encodable as UTF-8 for the database. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function problemWith(text: string): string | null {
  if (CONTROL.test(text)) return 'must not contain control characters';
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode text';
  return null;
}

/**
 * Every string in a request body or query (values and keys, at any depth) that is not plain text, named by its path
 * (`withPassword.emailOrUsername`, `roles.0`). Checked for every field at once, before the DTO rules, so a field
 * added later cannot forget it. The depth is bounded by the JSON parser (MAX_JSON_DEPTH).
 */
export function notPlainText(value: unknown, path = ''): FieldError[] {
  if (typeof value === 'string') {
    const reason = problemWith(value);
    return reason ? [{ field: path || 'body', reason }] : [];
  }
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => {
    const field = path ? `${path}.${key}` : key;
    const reason = problemWith(key);
    return reason ? [{ field, reason }] : notPlainText(item, field);
  });
}
