import { plainToInstance } from 'class-transformer';
import { IsBoolean, validate } from 'class-validator';
import { IsOptionalButNotNull } from './optional-not-null';

class Sample {
  @IsOptionalButNotNull() @IsBoolean()
  flag?: boolean;
}

const reasons = async (body: object) =>
  (await validate(plainToInstance(Sample, body))).flatMap((e) => Object.values(e.constraints ?? {}));

describe('IsOptionalButNotNull', () => {
  it('accepts an absent field', async () => {
    await expect(reasons({})).resolves.toEqual([]);
  });

  it('validates a present value with the other decorators', async () => {
    await expect(reasons({ flag: true })).resolves.toEqual([]);
    await expect(reasons({ flag: 'yes' })).resolves.toEqual(['flag must be a boolean value']);
  });

  it('refuses null with a reason saying so', async () => {
    await expect(reasons({ flag: null })).resolves.toContain('must not be null');
  });
});
