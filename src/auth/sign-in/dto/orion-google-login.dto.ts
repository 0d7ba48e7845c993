import { GoogleCredentialsDto } from './google-credentials.dto';

/** POST /users/login/google (orion-authenticate): `idToken`, as a form or JSON. */
export class OrionGoogleLoginDto extends GoogleCredentialsDto {}
