import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiResponse } from '@nestjs/swagger';

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

/** Documents each listed error status with the common error body. */
export const ApiErrors = (...statuses: [number, string][]) =>
  applyDecorators(...statuses.map(([status, description]) => ApiResponse({ status, description, type: ErrorResponseDto })));
