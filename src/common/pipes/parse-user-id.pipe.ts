import { PipeTransform } from '@nestjs/common';
import { Errors } from '../errors/api-error';

/** User ids are decimal snowflakes; anything else is a 400 naming the parameter, not a 404 or a database error. */
export class ParseUserIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!/^\d{1,20}$/.test(value)) throw Errors.badInput([{ field: 'id', reason: 'must be a user id (decimal digits)' }]);
    return value;
  }
}
