import { IsOptional, IsString, IsUrl, Matches, MaxLength } from 'class-validator';
import { IsDuration, parseDuration } from './duration';
import { namespace } from './namespace';
import { Env, validateEnv } from './validate-env';

class MailEnv {
  /** Unset: no mail server; every message is written to MAIL_OUTBOX_DIR instead (the embedded default). */
  @IsOptional() @Matches(/^smtps?:\/\/[^\s]+$/, { message: 'must be smtp://[user:password@]host:port or smtps://…' })
  SMTP_URL?: string;

  @IsOptional() @IsString() @MaxLength(320)
  @Matches(/^[^\r\n]*\S+@\S+[^\r\n]*$/, { message: 'must be an address, optionally with a name: Gatehouse <no-reply@example.com>' })
  MAIL_FROM?: string;

  /** The SPA the links in the mails open (…/reset-password?token=…, …/verify-email?token=…). */
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'must be an http(s) URL such as https://app.example.com' })
  APP_URL?: string;

  @IsOptional() @IsString()
  MAIL_OUTBOX_DIR?: string;

  @IsOptional() @IsDuration()
  MAIL_RETRY_DELAY?: string;
}

/** Outgoing e-mail: an SMTP server when SMTP_URL is set, else .eml files in a folder (the quick start needs none). */
export const mailConfig = namespace('mail', (vars: Env) => {
  const env = validateEnv(MailEnv, vars);
  return {
    /** May hold a password: never logged (config errors name the variable, never the value). */
    smtpUrl: env.SMTP_URL ?? null,
    from: env.MAIL_FROM ?? 'Gatehouse <no-reply@localhost>',
    /** Without a trailing slash. The default is a local SPA dev server (Vite's port). */
    appUrl: (env.APP_URL ?? 'http://localhost:5173').replace(/\/+$/, ''),
    outboxDir: env.MAIL_OUTBOX_DIR ?? './data/outbox',
    /** Wait before the first retry of a failed delivery; doubled for each further one. */
    retryDelayMs: parseDuration(env.MAIL_RETRY_DELAY ?? '10s') as number,
  };
});

export type MailConfig = ReturnType<typeof mailConfig>;
