import { registerAs } from '@nestjs/config';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { splitList, validateEnv } from './validate-env';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

class AuthEnv {
  @IsOptional()
  @Matches(/^([A-Za-z0-9._-]+:[^,]*)(,\s*[A-Za-z0-9._-]+:[^,]*)*$/, {
    message: 'must be id:secret pairs separated by commas (id: alone for a public client)',
  })
  AUTH_CLIENTS?: string;

  @IsOptional() @IsString()
  JWT_PRIVATE_KEY?: string;

  @IsOptional() @IsString()
  JWT_PRIVATE_KEY_FILE?: string;

  @IsOptional() @IsString()
  JWT_KEYS_DIR?: string;

  @IsOptional() @IsString()
  JWT_ISSUER?: string;

  @IsOptional() @IsString()
  JWT_DEFAULT_AUDIENCE?: string;

  @IsOptional() @Transform(toInt) @IsInt() @Min(30) @Max(86400)
  ACCESS_TOKEN_TTL?: number;

  /** 4–15: below 4 bcrypt refuses; above 15 one login costs seconds of CPU and becomes a DoS lever. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(4) @Max(15)
  BCRYPT_COST?: number;
}

export interface ClientDefinition {
  id: string;
  /** null for a public client (an SPA cannot keep a secret). */
  secret: string | null;
}

export function parseClients(value: string | undefined): ClientDefinition[] {
  return splitList(value).map((entry) => {
    const at = entry.indexOf(':');
    const secret = entry.slice(at + 1);
    return { id: entry.slice(0, at), secret: secret.length > 0 ? secret : null };
  });
}

export const authConfig = registerAs('auth', () => {
  const env = validateEnv(AuthEnv, process.env);
  return {
    clients: parseClients(env.AUTH_CLIENTS),
    privateKeyPem: env.JWT_PRIVATE_KEY?.replace(/\\n/g, '\n'),
    privateKeyFile: env.JWT_PRIVATE_KEY_FILE,
    /** Where a generated key is kept when no key is configured. */
    keysDir: env.JWT_KEYS_DIR ?? './data/keys',
    issuer: env.JWT_ISSUER ?? 'gatehouse',
    /** Audience of tokens issued without a client (the Orion-style /users/login). */
    defaultAudience: env.JWT_DEFAULT_AUDIENCE ?? 'gatehouse',
    accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL ?? 300,
    bcryptCost: env.BCRYPT_COST ?? 10,
  };
});

export type AuthConfig = ReturnType<typeof authConfig>;
