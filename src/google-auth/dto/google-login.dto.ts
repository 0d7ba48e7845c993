import { GoogleCredentialsDto } from '../../auth/dto/google-credentials.dto';

/** POST /users/login/google (orion-authenticate.txt): `idToken`, as a form or JSON. */
export class GoogleLoginDto extends GoogleCredentialsDto {}
