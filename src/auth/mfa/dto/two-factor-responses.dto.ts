import { ApiProperty } from '@nestjs/swagger';
import { SessionResponseDto } from '../../sessions/dto/session-response.dto';

const RECOVERY_CODES = {
  example: ['k7mq-2xva-p4tr', 'b3nf-w6hz-q2ce', 'r5yd-m7jk-x3ua', '…'],
  description: 'Ten single-use recovery codes, shown only now: the user keeps them somewhere safe. Each signs in once instead of a TOTP code',
};

/** POST /api/users/me/2fa/totp: what the authenticator app needs, shown until confirmed (and never after). */
export class TotpEnrolmentDto {
  @ApiProperty({ example: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', description: 'The new secret, base32 (160 bits), for typing into the app by hand' })
  secret!: string;

  @ApiProperty({ example: 'otpauth://totp/Gatehouse:arya-stark%40gmail.com?issuer=Gatehouse&secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30' })
  otpauthUri!: string;

  @ApiProperty({ example: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA…', description: 'The otpauth URI as a QR code (PNG data URI) for the app to scan' })
  qrCode!: string;
}

/** POST /api/users/me/2fa/totp/confirm: the recovery codes, and a new session (the others have ended). */
export class TwoFactorEnabledDto extends SessionResponseDto {
  @ApiProperty(RECOVERY_CODES)
  recoveryCodes!: string[];
}

/** POST /api/users/me/2fa/recovery-codes. */
export class RecoveryCodesDto {
  @ApiProperty(RECOVERY_CODES)
  recoveryCodes!: string[];
}
