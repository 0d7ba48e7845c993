import { ApiProperty } from '@nestjs/swagger';

/**
 * The user as the sync API shows it (field names and JSON types of third-party-user-sync.txt). There is
 * deliberately no `password`: the seed echoes a hash, and a hash in a response is an offline-cracking gift.
 */
export class UserResponseDto {
  @ApiProperty({ example: '7512345678901234567', description: 'Time-ordered 64-bit id, as a decimal string' })
  id!: string;

  @ApiProperty({ example: 'user_3DqfWw6ZJoZf5waKSckJLMOtVu' })
  _guid!: string;

  @ApiProperty({ example: 'cersei.lannister', nullable: true, type: String })
  username!: string | null;

  @ApiProperty({ example: 'cersei-lannister@gmail.com' })
  email!: string;

  @ApiProperty({ example: true })
  emailVerified!: boolean;

  @ApiProperty({ example: 'Cersei Lannister', nullable: true, type: String })
  name!: string | null;

  @ApiProperty({ example: 'Cersei', nullable: true, type: String })
  firstName!: string | null;

  @ApiProperty({ example: 'Lannister', nullable: true, type: String })
  lastName!: string | null;

  @ApiProperty({ example: 'en-GB', nullable: true, type: String })
  locale!: string | null;

  @ApiProperty({ example: ['user'], nullable: true, type: [String] })
  roles!: string[] | null;

  @ApiProperty({ example: '+441234567890', nullable: true, type: String })
  phoneNumber!: string | null;

  @ApiProperty({ example: 'https://example.com/a.png', nullable: true, type: String })
  avatar!: string | null;

  @ApiProperty({ example: '1990-04-01', nullable: true, type: String })
  birthday!: string | null;

  @ApiProperty({ example: 'female', nullable: true, type: String })
  gender!: string | null;

  @ApiProperty({ example: false })
  using2FA!: boolean;

  @ApiProperty({ example: true })
  isActive!: boolean;

  @ApiProperty({ example: false })
  isLocked!: boolean;

  @ApiProperty({ example: null, nullable: true, type: String, format: 'date-time' })
  lockedAt!: string | null;

  @ApiProperty({ example: '2023-05-04T01:34:03.320Z', format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ example: '__system', nullable: true, type: String })
  createdBy!: string | null;

  @ApiProperty({ example: '2023-05-04T01:34:03.320Z', format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({ example: null, nullable: true, type: String })
  updatedBy!: string | null;

  @ApiProperty({ example: null, nullable: true, type: String, format: 'date-time' })
  deletedAt!: string | null;

  @ApiProperty({ example: null, nullable: true, type: String })
  deletedBy!: string | null;
}
