import { CanActivate, ExecutionContext, Injectable, mixin, Type } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { ApiError, Errors } from '../../common/errors/api-error';
import { validateBody } from '../../common/pipes/validation';
import { strategyGuard } from './login.guard';

const BODY_REASON = 'must be a form (application/x-www-form-urlencoded) or a JSON object';

/**
 * Validates a form-or-JSON body against `schema` (guards run before pipes, and a missing field is a 400 naming it,
 * not the strategy's 401), then runs the Passport strategy. A body that is neither (text/plain, none at all) is a
 * 400 naming the missing fields and the body.
 */
export async function validateFormOrJson<T extends object>(schema: new () => T, body: unknown): Promise<T> {
  if (body !== null && typeof body === 'object' && !Array.isArray(body)) return validateBody(schema, body);
  try {
    await validateBody(schema, {});
  } catch (e) {
    if (e instanceof ApiError) throw Errors.badInput([{ field: 'body', reason: BODY_REASON }, ...(e.fields ?? [])]);
    throw e;
  }
  throw Errors.badInput([{ field: 'body', reason: BODY_REASON }]);
}

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
