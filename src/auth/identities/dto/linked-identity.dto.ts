import { ApiProperty } from '@nestjs/swagger';

/** A Google account linked to the signed-in user. */
export class LinkedIdentityDto {
  @ApiProperty({ example: 'google', enum: ['google'] })
  provider!: string;

  @ApiProperty({ example: '110169484474386276334', description: "The Google account's stable id (`sub`), which the link is keyed on" })
  subject!: string;

  @ApiProperty({ example: '2025-11-24T10:15:00.000Z' })
  linkedAt!: string;
}
