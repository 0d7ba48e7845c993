import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** A Google ID token (a JWT from Google Identity Services). Real ones are 1–2 kB. */
export class GoogleCredentialsDto {
  @ApiProperty({ example: 'eyJhbGciOiJSUzI1NiIsImtpZCI6Ii4uLiIsInR5cCI6IkpXVCJ9...', description: 'Google ID token (JWT)' })
  @IsDefined({ message: 'is required' }) @IsString() @IsNotEmpty() @MaxLength(8192)
  idToken!: string;
}
