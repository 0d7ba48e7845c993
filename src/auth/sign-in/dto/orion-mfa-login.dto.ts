import { MfaCredentialsDto } from './mfa-credentials.dto';

/** POST /users/login/2fa (and /users/login/google/2fa): `mfaToken` and `code`, as a form or JSON. */
export class OrionMfaLoginDto extends MfaCredentialsDto {}
