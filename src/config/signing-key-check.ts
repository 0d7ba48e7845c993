import { createPrivateKey } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KeySettings } from './auth.config';

/**
 * Why a PEM cannot sign RS256 tokens, or null if it can. Checked at start-up so that a bad key is reported as the
 * variable it came from, in one line, rather than as an OpenSSL decoder error with a stack from deep in the module
 * graph. (SigningKeys parses the keys again for use; this only vets them.)
 */
export function signingKeyProblem(pem: string): string | null {
  let key;
  try {
    key = createPrivateKey(pem);
  } catch {
    // OpenSSL's own message says nothing useful to an operator and could quote part of the input.
    return 'is not a PEM private key';
  }
  if (key.asymmetricKeyType !== 'rsa') return 'must be an RSA private key (RS256)';
  if ((key.asymmetricKeyDetails?.modulusLength ?? 0) < 2048) return 'must be an RSA key of at least 2048 bits';
  return null;
}

function fileProblem(variable: string, path: string): string | null {
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (e) {
    return `${variable}: cannot read key file ${path} (${(e as NodeJS.ErrnoException).code ?? 'unreadable'})`;
  }
  const problem = signingKeyProblem(pem);
  return problem && `${variable}: key file ${path} ${problem}`;
}

/** Every configured key (or, with none configured, every *.pem already in the keys directory), as problem lines. */
export function signingKeyProblems(auth: KeySettings): string[] {
  if (auth.privateKeyPem) {
    const problem = signingKeyProblem(auth.privateKeyPem);
    return problem ? [`JWT_PRIVATE_KEY: ${problem}`] : [];
  }
  const files: [string, string][] = auth.privateKeyFile
    ? [['JWT_PRIVATE_KEY_FILE', auth.privateKeyFile]]
    : auth.privateKeyFiles.length > 0
      ? auth.privateKeyFiles.map((f) => ['JWT_PRIVATE_KEYS', f])
      : pemFilesIn(auth.keysDir).map((f) => ['JWT_KEYS_DIR', f]);
  return files.map(([variable, path]) => fileProblem(variable, path)).filter((p): p is string => p !== null);
}

/** A missing directory is fine: a key is generated there on first start (an unreadable one is SigningKeys' to report). */
function pemFilesIn(dir: string): string[] {
  try {
    return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.pem')).map((f) => join(dir, f)) : [];
  } catch {
    return [];
  }
}
