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
  @ApiProperty({ example: '5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11', description: 'Also in the x-request-id header and the logs' })
  requestId!: string;
}

/** `[status, description]`, optionally with the error the route raises for it, whose code and message become the example. */
export type ApiErrorSpec = [status: number, description: string, raised?: ApiError];

/** The body the global filter would send for `status`, as Swagger UI shows it. */
export function errorExample(status: number, description: string, raised?: ApiError): ErrorResponseDto {
  const error = raised ?? (status === 400 ? Errors.badInput([{ field: 'email', reason: 'must be a valid e-mail address' }]) : undefined);
  return {
    statusCode: status,
    error: statusText(status),
    code: error?.code ?? ERROR_CODES[status] ?? 'error',
    message: error?.message ?? description,
    ...(error?.fields ? { fields: error.fields } : {}),
    requestId: '5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11',
  };
}

/** Documents each listed error status with the common error body and an example of it. */
export const ApiErrors = (...specs: ApiErrorSpec[]) =>
  applyDecorators(
    ...specs.map(([status, description, raised]) =>
      ApiResponse({ status, description, type: ErrorResponseDto, example: errorExample(status, description, raised) }),
    ),
  );
