import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiResponse } from '@nestjs/swagger';
import { ApiError, Errors } from '../errors/api-error';
import { CODES as ERROR_CODES, statusText } from '../filters/all-exceptions.filter';

class FieldErrorDto {
  @ApiProperty({ example: 'withPassword.password' }) field!: string;
  @ApiProperty({ example: 'should not be empty' }) reason!: string;
}

export class ErrorResponseDto {
  @ApiProperty({ example: 400 }) statusCode!: number;
  @ApiProperty({ example: 'Bad Request' }) error!: string;
  @ApiProperty({ example: 'invalid_request', description: 'Stable machine-readable code' }) code!: string;
  @ApiProperty({ example: 'Invalid request: withPassword.password should not be empty' }) message!: string;
  @ApiProperty({ type: [FieldErrorDto], required: false }) fields?: FieldErrorDto[];
  @ApiProperty({
    required: false,
    example: 'Zk3v9QyC0m2f3nZb8oJr5Qe1xk7TtW4uH9cLsA6dPgV',
    description: 'Only with code mfa_required: the opaque token to send back with the code (type "mfa"); single use, 5 minutes',
  })
  mfaToken?: string;
  @ApiProperty({ required: false, example: ['totp', 'recovery_code'], description: 'Only with code mfa_required: the second factors the user may answer with' })
  methods?: string[];
  @ApiProperty({ example: '5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11', description: 'Also in the x-request-id header and the logs' })
  requestId!: string;
}

/**
 * `[status, description]`, optionally with the error the route raises for it, whose code and message become the
 * example; several errors become several named examples (Swagger UI offers a choice), keyed by code.
 */
export type ApiErrorSpec = [status: number, description: string, raised?: ApiError | ApiError[]];

/** The body the global filter would send for `status`, as Swagger UI shows it. */
export function errorExample(status: number, description: string, raised?: ApiError): ErrorResponseDto {
  const error = raised ?? (status === 400 ? Errors.badInput([{ field: 'email', reason: 'must be a valid e-mail address' }]) : undefined);
  return {
    statusCode: status,
    error: statusText(status),
    code: error?.code ?? ERROR_CODES[status] ?? 'error',
    message: error?.message ?? description,
    ...(error?.fields ? { fields: error.fields } : {}),
    ...(error?.extras ?? {}),
    requestId: '5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11',
  };
}

function response(status: number, description: string, raised?: ApiError | ApiError[]) {
  if (!Array.isArray(raised)) return ApiResponse({ status, description, type: ErrorResponseDto, example: errorExample(status, description, raised) });
  const examples = Object.fromEntries(raised.map((e) => [e.code, { summary: e.code, value: errorExample(status, description, e) }]));
  return ApiResponse({ status, description, type: ErrorResponseDto, examples });
}

/** Documents each listed error status with the common error body and an example of it. */
export const ApiErrors = (...specs: ApiErrorSpec[]) => applyDecorators(...specs.map(([status, description, raised]) => response(status, description, raised)));
