import { IsEmail, IsOptional, IsString, MaxLength } from 'class-validator';
import { readFileSync } from 'node:fs';
import { NormalizeIdentifier } from '../common/validation/normalize';
import { namespace } from './namespace';
import { Env, isBlank, validateEnv } from './validate-env';

class BootstrapEnv {
  @IsOptional() @NormalizeIdentifier() @IsEmail({}, { message: 'must be a valid e-mail address' }) @MaxLength(254)
  BOOTSTRAP_ADMIN_EMAIL?: string;

  @IsOptional() @IsString()
  BOOTSTRAP_ADMIN_PASSWORD?: string;

  @IsOptional() @IsString()
  BOOTSTRAP_ADMIN_PASSWORD_FILE?: string;
}

/** The password in a file (a container secret): one final line break, which `echo` and editors add, is not part of it. */
function readPasswordFile(path: string): { password?: string; problem?: string } {
  try {
    const password = readFileSync(path, 'utf8').replace(/\r?\n$/, '');
    return password.length > 0 ? { password } : { problem: `BOOTSTRAP_ADMIN_PASSWORD_FILE: ${path} is empty` };
  } catch (e) {
    return { problem: `BOOTSTRAP_ADMIN_PASSWORD_FILE: cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? 'unreadable'})` };
  }
}

/** The password, from exactly one of the two variables, when the e-mail is set; the problems otherwise. */
function adminPassword(vars: Env): { password?: string; problems: string[] } {
  const [inline, file] = [vars.BOOTSTRAP_ADMIN_PASSWORD, vars.BOOTSTRAP_ADMIN_PASSWORD_FILE].map((v) => (isBlank(v) ? undefined : v));
  const hasEmail = !isBlank(vars.BOOTSTRAP_ADMIN_EMAIL);
  if (!hasEmail) {
    return { problems: inline || file ? ['BOOTSTRAP_ADMIN_EMAIL: must be set with BOOTSTRAP_ADMIN_PASSWORD(_FILE)'] : [] };
  }
  if (inline && file) return { problems: ['BOOTSTRAP_ADMIN_PASSWORD, BOOTSTRAP_ADMIN_PASSWORD_FILE: set only one of them'] };
  if (inline) return { password: inline, problems: [] };
  if (!file) return { problems: ['BOOTSTRAP_ADMIN_PASSWORD_FILE: must be set with BOOTSTRAP_ADMIN_EMAIL (or BOOTSTRAP_ADMIN_PASSWORD)'] };
  const { password, problem } = readPasswordFile(file);
  return { password, problems: problem ? [problem] : [] };
}

/**
 * The first admin, as Keycloak's KC_BOOTSTRAP_ADMIN_* do it: created at start when no admin exists, never touched
 * again (a later change of these variables changes nothing). The file form keeps the password out of the
 * environment, which `ps e` and crash reports can show; the password is never printed, whatever goes wrong.
 */
export const bootstrapConfig = namespace('bootstrap', (vars: Env) => {
  const { password, problems } = adminPassword(vars);
  const env = validateEnv(BootstrapEnv, vars, { extraProblems: problems });
  return { admin: env.BOOTSTRAP_ADMIN_EMAIL && password ? { email: env.BOOTSTRAP_ADMIN_EMAIL, password } : null };
});

export type BootstrapConfig = ReturnType<typeof bootstrapConfig>;
