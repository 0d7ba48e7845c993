import { ApiProperty } from '@nestjs/swagger';

/** The answer of a request whose work goes on by mail: the same words whoever asked and whatever exists. */
export class AcceptedResponseDto {
  @ApiProperty({ example: 'If an account has this e-mail address, a link to reset its password has been sent to it' })
  message!: string;
}
