/** `$2a$`, `$2b$`, `$2x$`, `$2y$` + two-digit cost + 22 salt and 31 hash characters of bcrypt's base64. */
const MODULAR_CRYPT = /^\$2[abxy]\$(\d{2})\$[./A-Za-z0-9]{53}$/;

/** The cost a bcrypt hash was made with, or null when it is not a bcrypt hash. Needs no bcrypt library. */
export function bcryptCost(hash: string): number | null {
  const match = MODULAR_CRYPT.exec(hash);
  return match ? Number(match[1]) : null;
}
