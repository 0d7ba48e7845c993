import { ApiProperty } from '@nestjs/swagger';

/**
 * The user as the sync API shows it (field names and JSON types of third-party-user-sync.txt). There is
 * deliberately no `password`: the seed echoes a hash, and a hash in a response is an offline-cracking gift.
 */
export class UserResponseDto {
  @ApiProperty({ example: '7512345678901234567', description: 'Time-ordered 64-bit id, as a decimal string' })
  id!: string;

  @ApiProperty({ example: 'user_3DqfWw6ZJoZf5waKSckJLMOtVu', description: 'Public, opaque id: the `hash` of the Orion answer and the `c_hash` claim of tokens' })
  _guid!: string;

  @ApiProperty({ example: 'cersei.lannister', nullable: true, type: String, description: 'Lower-cased; signs in like the e-mail. null when none was given' })
  username!: string | null;

  @ApiProperty({ example: 'cersei-lannister@gmail.com', description: 'Lower-cased and NFKC-normalised; unique' })
  email!: string;

  @ApiProperty({ example: true, description: 'Whether the address is known to be verified: set by the syncing system, by a verification or reset link, or by Google sign-in' })
  emailVerified!: boolean;

  @ApiProperty({ example: 'Cersei Lannister', nullable: true, type: String, description: 'Display name as given; null when none was' })
  name!: string | null;

  @ApiProperty({ example: 'Cersei', nullable: true, type: String, description: 'Given name' })
  firstName!: string | null;

  @ApiProperty({ example: 'Lannister', nullable: true, type: String, description: 'Family name' })
  lastName!: string | null;

  @ApiProperty({ example: 'en-GB', nullable: true, type: String, description: 'Preferred language, a BCP 47 tag' })
  locale!: string | null;

  @ApiProperty({ example: null,
    nullable: true,
    type: [String],
    description:
      'Roles as set by the syncing system or an admin (`["admin"]`); null when none were set, as for a user synced without roles. ' +
      'A user without roles is a plain user: its access tokens carry `groups: ["user"]`, otherwise `groups` is this list',
  })
  roles!: string[] | null;

  @ApiProperty({ example: '+441234567890', nullable: true, type: String, description: 'Phone number as given (digits, spaces, ()-, optional +)' })
  phoneNumber!: string | null;

  @ApiProperty({ example: 'https://example.com/a.png', nullable: true, type: String, description: 'Picture URL (from the syncing system, or the Google profile)' })
  avatar!: string | null;

  @ApiProperty({ example: '1990-04-01', nullable: true, type: String, description: 'Date of birth, YYYY-MM-DD' })
  birthday!: string | null;

  @ApiProperty({ example: 'female', nullable: true, type: String, description: 'As given; free text' })
  gender!: string | null;

  @ApiProperty({ example: false, description: 'Whether sign-in asks for a second factor (TOTP app or recovery code)' })
  using2FA!: boolean;

  @ApiProperty({ example: true, description: 'false: disabled by an admin or the syncing system; cannot sign in, sessions ended' })
  isActive!: boolean;

  @ApiProperty({ example: false, description: 'Locked: by an admin (until unlocked), or automatically after LOCKOUT_THRESHOLD failed sign-ins (for LOCKOUT_DURATION); sign-in answers 423' })
  isLocked!: boolean;

  @ApiProperty({ example: null, nullable: true, type: String, format: 'date-time', description: 'When the account was locked; null when it is not' })
  lockedAt!: string | null;

  @ApiProperty({ example: '2023-05-04T01:34:03.320Z', format: 'date-time', description: 'When the user was created' })
  createdAt!: string;

  @ApiProperty({ example: '__system', nullable: true, type: String, description: 'Who created it: the system-context id (`__system`), an admin\'s id, `google`, `signup`, `bootstrap` or `cli`' })
  createdBy!: string | null;

  @ApiProperty({ example: '2023-05-04T01:34:03.320Z', format: 'date-time', description: 'When a field last changed (a sync that changes nothing leaves it)' })
  updatedAt!: string;

  @ApiProperty({ example: null, nullable: true, type: String, description: 'Who changed it last (system-context id or admin id); null until a sync or an admin changes it' })
  updatedBy!: string | null;

  @ApiProperty({ example: null, nullable: true, type: String, format: 'date-time', description: 'When it was soft-deleted (only admins see deleted users); null otherwise' })
  deletedAt!: string | null;

  @ApiProperty({ example: null, nullable: true, type: String, description: 'Who deleted it; null otherwise' })
  deletedBy!: string | null;
}
