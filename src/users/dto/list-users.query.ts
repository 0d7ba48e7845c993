import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** Query strings carry text: "true"/"false" become booleans, anything else stays and fails @IsBoolean (400). */
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export const DELETED_FILTERS = ['exclude', 'include', 'only'] as const;
export type DeletedFilter = (typeof DELETED_FILTERS)[number];

export class ListUsersQuery {
  @ApiPropertyOptional({ example: 1, minimum: 1, default: 1 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1_000_000)
  page?: number;

  @ApiPropertyOptional({ example: 20, minimum: 1, maximum: 100, default: 20 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100)
  limit?: number;

  @ApiPropertyOptional({ example: 'lannister', description: 'Part of the e-mail, case-insensitive' })
  @IsOptional() @IsString() @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: 'cersei', description: 'Part of the username, case-insensitive' })
  @IsOptional() @IsString() @MaxLength(64)
  username?: string;

  @ApiPropertyOptional({ example: true, type: Boolean })
  @IsOptional() @Transform(toBoolean) @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ example: false, type: Boolean })
  @IsOptional() @Transform(toBoolean) @IsBoolean()
  locked?: boolean;

  @ApiPropertyOptional({ enum: DELETED_FILTERS, default: 'exclude', description: 'Soft-deleted users: left out (default), included, or only them' })
  @IsOptional() @IsIn(DELETED_FILTERS as unknown as string[], { message: `must be one of: ${DELETED_FILTERS.join(', ')}` })
  deleted?: DeletedFilter;
}
