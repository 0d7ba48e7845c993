import { ApiProperty } from '@nestjs/swagger';

/**
 * The user in an Orion login answer (orion-authenticate). The original also sends `secret2FA`; it is deliberately
 * absent: a TOTP secret in a login answer hands the second factor to whoever knows the password, which defeats the
 * point of having one.
 */
export class OrionUserDto {
  @ApiProperty({ example: 'user_3DqfWw6ZJoZf5waKSckJLMOtVu', description: "The user's public id (`_guid`)" })
  hash!: string;

  @ApiProperty({ example: 'Orion', description: 'Display name: the name, else first + last name, else the username, else the e-mail local part' })
  name!: string;

  @ApiProperty({ example: 'orion@services.dev', description: 'The e-mail address, lower-cased' })
  email!: string;

  @ApiProperty({ example: false, description: 'Whether the e-mail address is verified' })
  emailValid!: boolean;

  @ApiProperty({ example: false, description: 'Whether sign-in asks for a second factor (then the answer is `requires2FA` instead)' })
  using2FA!: boolean;
}
