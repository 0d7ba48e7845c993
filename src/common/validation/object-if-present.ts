import { isObject, ValidateBy } from 'class-validator';

/**
 * A nested body part, when present, must be a JSON object. `@ValidateNested()` alone lets an array through (it
 * validates each element, i.e. none for `[]`), which then reached the strategies as a malformed value.
 * Absent or null passes here, so a missing field is reported once, by its own `@IsDefined()`.
 */
export function IsObjectIfPresent(): PropertyDecorator {
  return ValidateBy({
    name: 'isObjectIfPresent',
    validator: {
      validate: (value: unknown) => value === undefined || value === null || isObject(value),
      defaultMessage: () => 'must be an object',
    },
  });
}
