import { readFileSync } from 'node:fs';
import { IsOptional, IsString } from 'class-validator';
import { keySettings } from './auth.config';
import { namespace } from './namespace';
import { Env, isBlank, splitList, validateEnv } from './validate-env';

class EncryptionEnv {
  /** One key, or several for rotation: base64 of 32 random bytes each, comma-separated; the first encrypts. */
  @IsOptional() @IsString()
  DATA_ENCRYPTION_KEY?: string;

  /** A file with one such key per line (the first encrypts), e.g. a mounted secret. */
  @IsOptional() @IsString()
  DATA_ENCRYPTION_KEY_FILE?: string;
}

/** AES-256 wants exactly 32 bytes; `openssl rand -base64 32` makes one. */
const KEY_BYTES = 32;
const HOW = `must be base64 of ${KEY_BYTES} random bytes (openssl rand -base64 32)`;

/** The key's bytes, or null when it is not base64 (or base64url) of exactly 32 bytes. */
export function parseDataKey(text: string): Buffer | null {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) return null;
  const bytes = Buffer.from(trimmed, trimmed.includes('-') || trimmed.includes('_') ? 'base64url' : 'base64');
  return bytes.length === KEY_BYTES ? bytes : null;
}

/** Each key of a list, or the problem of each bad one, by position only (never the key itself). */
function parseKeys(variable: string, texts: string[]): { keys: Buffer[]; problems: string[] } {
  const keys: Buffer[] = [];
  const problems: string[] = [];
  texts.forEach((text, i) => {
    const key = parseDataKey(text);
    if (key) keys.push(key);
    else problems.push(`${variable}: key ${i + 1} of ${texts.length} ${HOW}`);
  });
  return { keys, problems };
}

function readKeyFile(path: string): { keys: Buffer[]; problems: string[] } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return { keys: [], problems: [`DATA_ENCRYPTION_KEY_FILE: cannot read key file ${path} (${(e as NodeJS.ErrnoException).code ?? 'unreadable'})`] };
  }
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l.length > 0 && !l.startsWith('#'));
  if (lines.length === 0) return { keys: [], problems: [`DATA_ENCRYPTION_KEY_FILE: key file ${path} holds no key`] };
  return parseKeys('DATA_ENCRYPTION_KEY_FILE', lines);
}

/** The configured keys (none: DataKeys generates one under the keys directory), or every problem with them. */
function configuredKeys(vars: Env): { keys: Buffer[]; problems: string[] } {
  const inline = isBlank(vars.DATA_ENCRYPTION_KEY) ? undefined : vars.DATA_ENCRYPTION_KEY;
  const file = isBlank(vars.DATA_ENCRYPTION_KEY_FILE) ? undefined : vars.DATA_ENCRYPTION_KEY_FILE;
  if (inline && file) return { keys: [], problems: ['DATA_ENCRYPTION_KEY, DATA_ENCRYPTION_KEY_FILE: set only one of them'] };
  if (inline) return parseKeys('DATA_ENCRYPTION_KEY', splitList(inline));
  if (file) return readKeyFile(file);
  return { keys: [], problems: [] };
}

/**
 * The keys that encrypt data at rest (TOTP secrets): from DATA_ENCRYPTION_KEY or DATA_ENCRYPTION_KEY_FILE, else
 * generated once in the keys directory (JWT_KEYS_DIR, beside the generated signing key). Rotation: put the new key
 * first and keep the old ones after it; every ciphertext names the key it was made with.
 */
export const encryptionConfig = namespace('encryption', (vars: Env) => {
  const { keys, problems } = configuredKeys(vars);
  validateEnv(EncryptionEnv, vars, { extraProblems: problems });
  return {
    /** The first encrypts, every one decrypts; empty when none is configured. */
    keys,
    /** Where a key is generated (and found again) when none is configured. */
    keysDir: keySettings(vars).keysDir,
  };
});

export type EncryptionConfig = ReturnType<typeof encryptionConfig>;
