/** The values of the seed document (the client, the system context header), and the login bodies built on them. */

/** The header of the seed document, base64-encoded as it should be. */
export const SYSTEM_CTX = Buffer.from(JSON.stringify({ id: '__system', user: '__system' })).toString('base64');

export const CLIENT = { clientId: 'client-app-id', clientSecret: 'client-app-secret' };

export type ClientCredentials = { clientId: string; clientSecret?: string };

/** The body of POST /api/auth/login with type password. */
export function passwordLogin(emailOrUsername: string, password: string, client: ClientCredentials = CLIENT) {
  return { type: 'password', ...client, withPassword: { emailOrUsername, password } };
}

/** The body of POST /api/auth/login with type refresh_token. */
export function refreshBody(refreshToken: string, client: ClientCredentials = CLIENT) {
  return { type: 'refresh_token', ...client, withRefreshToken: { refreshToken } };
}

/** The body of POST /api/auth/login with type google. */
export function googleLogin(idToken: string, client: ClientCredentials = CLIENT) {
  return { type: 'google', ...client, withGoogle: { idToken } };
}
