import { ValidateBy, ValidationOptions } from 'class-validator';
import { isCidrList } from '../common/net/ip-ranges';

/** Accepts a comma-separated list of CIDR ranges such as `10.0.0.0/8,::1/128`. */
export function IsCidrList(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCidrList',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isCidrList(value),
        defaultMessage: () => 'must be a comma-separated list of CIDR ranges, e.g. 10.0.0.0/8,::1/128',
      },
    },
    options,
  );
}
