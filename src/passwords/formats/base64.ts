/**
 * The base64 of hash strings: standard alphabet, padding optional (PHC strings omit it), and passlib's "adapted"
 * variant, which writes `.` for `+`. Checked against the alphabet first: Buffer.from(s, 'base64') would silently
 * skip any other character, so a mangled hash would decode to something else rather than be refused.
 */
const B64 = /^[A-Za-z0-9+/.]+={0,2}$/;

/** The bytes of `text`, or null when it is not base64 of the kinds above. */
export function decodeHashBase64(text: string): Buffer | null {
  if (!B64.test(text)) return null;
  const bare = text.replace(/=+$/, '').replace(/\./g, '+');
  if (bare.length % 4 === 1) return null;
  return Buffer.from(bare, 'base64');
}

/** `k=v,k=v` into a map; null when a pair is malformed, a key repeats, or a key is not one of `keys`. */
export function parseParams(segment: string, keys: readonly string[]): Map<string, number> | null {
  const out = new Map<string, number>();
  for (const pair of segment.split(',')) {
    const match = /^([a-z]+)=(\d{1,9})$/.exec(pair);
    if (!match || !keys.includes(match[1]) || out.has(match[1])) return null;
    out.set(match[1], Number(match[2]));
  }
  return keys.every((k) => out.has(k)) ? out : null;
}

/**
 * The parts of a PHC string `<prefix><params>$<salt>$<hash>` (`params` as `k=v,…` with exactly `keys`, in any
 * order): null when anything is malformed.
 */
export function phcParts(match: RegExpExecArray | null, keys: readonly string[]): { params: Map<string, number>; salt: Buffer; key: Buffer } | null {
  const [params, salt, key] = match ? [parseParams(match[1], keys), decodeHashBase64(match[2]), decodeHashBase64(match[3])] : [];
  return params && salt && key ? { params, salt, key } : null;
}
