import { CanActivate, ExecutionContext, Injectable, mixin, Type } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { ApiError, Errors, FieldError } from '../../common/errors/api-error';
import { validateBody } from '../../common/pipes/validation';
import { strategyGuard } from './passport-failure';

const BODY_REASON = 'must be a form (application/x-www-form-urlencoded) or a JSON object';

/** The first reason per field: "email is required" says it all, without "must be a string" after it. */
function firstPerField(fields: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return fields.filter((f) => !seen.has(f.field) && seen.add(f.field));
}

/**
 * Validates a form-or-JSON body against `schema`. A body that is neither (text/plain, none at all) is a 400 naming
 * the body and the missing fields.
 */
export async function validateFormOrJson<T extends object>(schema: new () => T, body: unknown): Promise<T> {
  const isObject = body !== null && typeof body === 'object' && !Array.isArray(body);
  try {
    const valid = await validateBody(schema, isObject ? body : {});
    if (isObject) return valid;
  } catch (e) {
    if (!(e instanceof ApiError) || !e.fields) throw e;
    const fields = firstPerField(e.fields);
    throw Errors.badInput(isObject ? fields : [{ field: 'body', reason: BODY_REASON }, ...fields]);
  }
  throw Errors.badInput([{ field: 'body', reason: BODY_REASON }]);
}

/**
 * Validates the body first (guards run before pipes, and a missing field is a 400 naming it, not the strategy's
 * 401), then runs the Passport strategy.
 */
export function ValidatedStrategyGuard(schema: new () => object, strategy: string): Type<CanActivate> {
  @Injectable()
  class Guard implements CanActivate {
    private readonly passport = strategyGuard(strategy);

    async canActivate(context: ExecutionContext): Promise<boolean> {
      await validateFormOrJson(schema, context.switchToHttp().getRequest<FastifyRequest>().body);
      return (await this.passport.canActivate(context)) as boolean;
    }
  }
  return mixin(Guard);
}
