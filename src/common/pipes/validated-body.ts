import { createParamDecorator, ExecutionContext, PipeTransform } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { ApiError, Errors, FieldError } from '../errors/api-error';
import { validateBody } from './validation';

/** The raw body; a custom decorator, so the global ValidationPipe leaves it to the pipe given here. */
const RawBody = createParamDecorator((_: unknown, ctx: ExecutionContext) => ctx.switchToHttp().getRequest<FastifyRequest>().body);

const pipe = <T>(transform: (body: unknown) => Promise<T>): PipeTransform => ({ transform });

/** Metadata on a handler whose body one of these decorators reads: the schema (for tools that list routes). */
export const VALIDATED_BODY = 'gatehouse:validatedBody';

/** RawBody through `transform`, with the handler marked as taking a body of `schema`. */
function bodyDecorator(schema: new () => object, transform: (body: unknown) => Promise<unknown>): ParameterDecorator {
  return (target, key, index) => {
    if (key !== undefined) Reflect.defineMetadata(VALIDATED_BODY, schema, (target as Record<string | symbol, object>)[key]);
    RawBody(undefined, pipe(transform))(target, key, index);
  };
}

/**
 * The body validated against `schema`, with the rules and error shape of the global pipe, and a 400 naming `body`
 * when it is not a JSON object at all (an array, a string). Document the body with @ApiBody on the route.
 */
export const ValidBody = <T extends object>(schema: new () => T): ParameterDecorator => bodyDecorator(schema, (body) => validateBody(schema, body));

const BODY_REASON = 'must be a form (application/x-www-form-urlencoded) or a JSON object';

/** The first reason per field: "email is required" says it all, without "must be a string" after it. */
function firstPerField(fields: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return fields.filter((f) => !seen.has(f.field) && seen.add(f.field));
}

/**
 * Validates a form-or-JSON body against `schema` (the Orion routes). A body that is neither (text/plain, none at
 * all) is a 400 naming the body and the missing fields.
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

/** The form-or-JSON body validated against `schema` (see validateFormOrJson). */
export const FormOrJsonBody = <T extends object>(schema: new () => T): ParameterDecorator =>
  bodyDecorator(schema, (body) => validateFormOrJson(schema, body));
