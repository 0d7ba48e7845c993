import { ExecutionContext } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { contextSignature } from '../../../test/support/system-context';
import { ApiError } from '../../common/errors/api-error';
import { SystemContextGuard, parseSystemContext } from './system-context.guard';
import { SIGNATURE_TOLERANCE_SECONDS, signatureProblem } from './system-context-signature';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64');

/** Runs the guard on a request from `ip` with `headers`; the principal it set, or the error it threw. */
function guardOn(headers: Record<string, string>, options: { ip?: string; secret?: string | null; trusted?: string } = {}) {
  const guard = new SystemContextGuard({ trustedNetworks: options.trusted ?? '127.0.0.1/32', systemContextSecret: options.secret ?? null } as never);
  const request = { ip: options.ip ?? '127.0.0.1', headers } as unknown as FastifyRequest;
  const context = { switchToHttp: () => ({ getRequest: () => request }) } as ExecutionContext;
  try {
    expect(guard.canActivate(context)).toBe(true);
    return { principal: request.principal, error: null };
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    const error = e as ApiError;
    return { principal: request.principal, error: { status: error.getStatus(), code: error.code, message: error.message } };
  }
}

describe('parseSystemContext: what an x-user-ctx may hold', () => {
  it.each([
    ['base64 JSON with id and user', b64({ id: 'billing', user: 'ada' }), { id: 'billing', user: 'ada' }],
    ['plain JSON, spaces around', `  ${JSON.stringify({ id: 'billing', user: 'ada' })} `, { id: 'billing', user: 'ada' }],
    ['no user: the id stands for it', b64({ id: 'billing' }), { id: 'billing', user: 'billing' }],
    ['every allowed id character', b64({ id: 'a_Z9.b:c@d-e' }), { id: 'a_Z9.b:c@d-e', user: 'a_Z9.b:c@d-e' }],
    ['an id of 64 characters', b64({ id: 'x'.repeat(64) }), { id: 'x'.repeat(64), user: 'x'.repeat(64) }],
    ['a user of 128 characters', b64({ id: 's', user: 'u'.repeat(128) }), { id: 's', user: 'u'.repeat(128) }],
    ['an empty user', b64({ id: 's', user: '' }), { id: 's', user: '' }],
  ])('accepts %s', (_what, raw, expected) => {
    expect(parseSystemContext(raw)).toEqual(expected);
  });

  it.each([
    ['an id of 65 characters', b64({ id: 'x'.repeat(65) })],
    ['an empty id', b64({ id: '' })],
    ['no id', b64({ user: 'ada' })],
    ['a numeric id', b64({ id: 42 })],
    ['a space in the id', b64({ id: 'bill ing' })],
    ['a slash in the id', b64({ id: 'bill/ing' })],
    ['a character before an allowed id', b64({ id: '/billing' })],
    ['a character after an allowed id', b64({ id: 'billing/' })],
    ['a new line after the id', b64({ id: 'billing\n' })],
    ['a user of 129 characters', b64({ id: 's', user: 'u'.repeat(129) })],
    ['a user that is not a string', b64({ id: 's', user: 7 })],
    ['a null user', b64({ id: 's', user: null })],
    ['a user that is an array', b64({ id: 's', user: ['ada'] })],
    ['base64 of something not JSON', Buffer.from('not json').toString('base64')],
    ['plain text starting like JSON', '{id: billing}'],
    ['JSON null', b64(null)],
  ])('refuses %s', (_what, raw) => {
    expect(parseSystemContext(raw)).toBeNull();
  });
});

describe('SystemContextGuard', () => {
  const ctx = b64({ id: 'billing', user: 'ada' });

  it('makes a system principal of a well-formed context from a trusted network', () => {
    expect(guardOn({ 'x-user-ctx': ctx })).toEqual({ principal: { kind: 'system', id: 'billing', user: 'ada' }, error: null });
    expect(guardOn({ 'x-user-ctx': ctx, 'sec-fetch-mode': 'cors' }).error).toBeNull();
  });

  it('answers 401 without the header, 403 from an untrusted network, and names the header', () => {
    expect(guardOn({}).error).toMatchObject({ status: 401, code: 'unauthenticated' });
    const untrusted = guardOn({ 'x-user-ctx': ctx }, { ip: '10.0.0.1' });
    expect(untrusted).toEqual({ principal: undefined, error: expect.objectContaining({ status: 403, code: 'forbidden' }) });
    expect(untrusted.error?.message).toContain('x-user-ctx header is not accepted from this network');
  });

  it.each(['origin', 'sec-fetch-site', 'sec-fetch-dest', 'sec-fetch-user'])('refuses a request carrying %s (a browser) with 403', (name) => {
    const { principal, error } = guardOn({ 'x-user-ctx': ctx, [name]: 'x' });
    expect(principal).toBeUndefined();
    expect(error).toMatchObject({ status: 403, code: 'forbidden' });
    expect(error?.message).toContain('from a browser');
  });

  it('answers 400 naming the header for a malformed context or a user-id-shaped id', () => {
    const malformed = guardOn({ 'x-user-ctx': b64({ id: '' }) });
    expect(malformed.error).toMatchObject({ status: 400, code: 'invalid_request' });
    expect(malformed.error?.message).toContain('x-user-ctx must be base64 of JSON');
    const userId = guardOn({ 'x-user-ctx': b64({ id: '123456789' }) });
    expect(userId.error).toMatchObject({ status: 400, code: 'invalid_request' });
    expect(userId.error?.message).toContain('id must name a system');
    // Digits among other characters name a system.
    expect(guardOn({ 'x-user-ctx': b64({ id: 'svc-123' }) }).error).toBeNull();
    expect(guardOn({ 'x-user-ctx': b64({ id: '123a' }) }).error).toBeNull();
  });

  it('with SYSTEM_CONTEXT_SECRET, requires a valid signature of that context', () => {
    const secret = 's'.repeat(32);
    expect(guardOn({ 'x-user-ctx': ctx, 'x-user-ctx-signature': contextSignature(ctx, secret) }, { secret }).error).toBeNull();
    const unsigned = guardOn({ 'x-user-ctx': ctx }, { secret });
    expect(unsigned).toEqual({ principal: undefined, error: expect.objectContaining({ status: 401, code: 'invalid_system_context_signature' }) });
    expect(guardOn({ 'x-user-ctx': ctx, 'x-user-ctx-signature': contextSignature(ctx, 'other') }, { secret }).error?.code).toBe('invalid_system_context_signature');
  });
});

describe('signatureProblem', () => {
  const secret = 'k'.repeat(32);
  const now = 1_700_000_000;
  const sig = (t: number, context = 'ctx') => contextSignature(context, secret, t);

  it('accepts a signature up to the tolerance either way, and with spaces around', () => {
    expect(signatureProblem('ctx', sig(now), secret, now)).toBeNull();
    expect(signatureProblem('ctx', sig(now - SIGNATURE_TOLERANCE_SECONDS), secret, now)).toBeNull();
    expect(signatureProblem('ctx', sig(now + SIGNATURE_TOLERANCE_SECONDS), secret, now)).toBeNull();
    expect(signatureProblem('ctx', ` ${sig(now)} `, secret, now)).toBeNull();
    expect(signatureProblem('ctx', sig(now).toUpperCase().replace('T=', 't=').replace('V1=', 'v1='), secret, now)).toBeNull();
  });

  it('names what is wrong: missing, malformed, outside the window, or not matching', () => {
    expect(signatureProblem('ctx', undefined, secret, now)).toBe('is required with x-user-ctx on this server');
    for (const bad of ['', 'x' + sig(now), sig(now) + 'x', `t=${now},v1=${'a'.repeat(63)}`, `t=1234567890123,v1=${'a'.repeat(64)}`, `t=,v1=${'a'.repeat(64)}`]) {
      expect(signatureProblem('ctx', bad, secret, now)).toBe('must be t=<unix seconds>,v1=<64 hex digits of HMAC-SHA256>');
    }
    const outside = `is outside the ${SIGNATURE_TOLERANCE_SECONDS} s window (t is too old, or in the future)`;
    expect(signatureProblem('ctx', sig(now - SIGNATURE_TOLERANCE_SECONDS - 1), secret, now)).toBe(outside);
    expect(signatureProblem('ctx', sig(now + SIGNATURE_TOLERANCE_SECONDS + 1), secret, now)).toBe(outside);
    expect(signatureProblem('other', sig(now), secret, now)).toBe('does not match x-user-ctx');
    // The time is part of what is signed.
    expect(signatureProblem('ctx', sig(now).replace(`t=${now}`, `t=${now + 1}`), secret, now)).toBe('does not match x-user-ctx');
  });
});
