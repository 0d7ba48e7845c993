import createClient from 'openapi-fetch';
import { config } from '../config';
import type { components, paths } from './schema';

export type User = components['schemas']['UserResponseDto'];
export type ErrorBody = components['schemas']['ErrorResponseDto'];
export type LoginBody = components['schemas']['LoginDto'];

/** Where the access token lives: this module's memory only (never localStorage, never a cookie). */
let accessToken: string | null = null;

export function setAccessToken(token: string | null): void {
  accessToken = token;
}

/**
 * The typed client of the Gatehouse API (types generated from its OpenAPI document). `credentials: 'include'`: the
 * browser stores and sends the HttpOnly cookies (gatehouse_refresh, gatehouse_device) although Gatehouse is another
 * origin. Every request carries X-Requested-With, which Gatehouse requires wherever it reads the refresh cookie.
 */
export const api = createClient<paths>({ baseUrl: config.gatehouseUrl, credentials: 'include' });

api.use({
  onRequest({ request }) {
    request.headers.set('X-Requested-With', 'fetch');
    if (accessToken && !request.headers.has('Authorization')) request.headers.set('Authorization', `Bearer ${accessToken}`);
    return request;
  },
});

/** What the pages need of a refusal: the status, the stable code, a message for people, and when to retry. */
export interface Failure {
  status: number;
  code: string;
  message: string;
  /** Seconds, from Retry-After (429). */
  retryAfter: number | null;
  mfaToken?: string;
}

export function failureOf(response: Response, error: unknown): Failure {
  const body = (error ?? {}) as Partial<ErrorBody>;
  const retry = Number(response.headers.get('Retry-After'));
  return {
    status: response.status,
    code: body.code ?? 'unknown_error',
    message: body.message ?? `Gatehouse answered ${response.status}`,
    retryAfter: Number.isFinite(retry) && retry > 0 ? retry : null,
    mfaToken: body.mfaToken,
  };
}

/** A sentence for a person, for the answers every form can get (429, 423) and the rest as Gatehouse words them. */
export function explain(failure: Failure): string {
  if (failure.status === 429) return `Too many attempts. Try again in ${failure.retryAfter ?? 60} seconds.`;
  // Locked by an admin, or for a while after too many wrong passwords: Gatehouse's message says which.
  if (failure.status === 423) return `${failure.message}. Forgot your password? Reset it below.`;
  return failure.message;
}
