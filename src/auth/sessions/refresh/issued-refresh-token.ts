/** A refresh token as handed to its owner: the plaintext exists only here and in the login response. */
export interface IssuedRefreshToken {
  token: string;
  /** The family's absolute end; rotation never moves it. */
  expiresAt: Date;
}
