import { registerAs } from '@nestjs/config';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { splitList, validateEnv } from './validate-env';
import { IsCidrList } from './is-cidr-list.validator';

class AppEnv {
  @IsOptional() @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt() @Min(0) @Max(65535)
  PORT?: number;

  @IsOptional() @IsString()
  HOST?: string;

  @IsOptional() @IsCidrList()
  TRUSTED_NETWORKS?: string;

  @IsOptional() @IsCidrList()
  TRUST_PROXY?: string;

  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;
}

export const appConfig = registerAs('app', () => {
  const env = validateEnv(AppEnv, process.env);
  const trustProxy = splitList(env.TRUST_PROXY);
  return {
    port: env.PORT ?? 8080,
    host: env.HOST ?? '0.0.0.0',
    /**
     * The system-context header (x-user-ctx) is honoured only from these networks. Loopback only by default:
     * a deployment must opt in to every other network explicitly.
     */
    trustedNetworks: splitList(env.TRUSTED_NETWORKS ?? '127.0.0.1/32,::1/128'),
    /** Proxies whose X-Forwarded-For is believed. None by default, so a client cannot forge its address. */
    trustProxy,
    logLevel: env.LOG_LEVEL ?? 'info',
  };
});

export type AppConfig = ReturnType<typeof appConfig>;
