import { validate } from 'class-validator';
import { IsObjectIfPresent } from './object-if-present';

class Sample {
  @IsObjectIfPresent()
  part?: unknown;
}

const reasons = async (part: unknown) => {
  const s = new Sample();
  s.part = part;
  return (await validate(s)).flatMap((e) => Object.values(e.constraints ?? {}));
};

describe('IsObjectIfPresent', () => {
  it('accepts an object, and leaves absent or null to @IsDefined', async () => {
    for (const part of [{ a: 1 }, undefined, null]) await expect(reasons(part)).resolves.toEqual([]);
  });

  it('refuses arrays and scalars', async () => {
    for (const part of [[], [{ a: 1 }], 'text', 3, true]) await expect(reasons(part)).resolves.toEqual(['must be an object']);
  });
});
