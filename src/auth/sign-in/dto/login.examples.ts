/**
 * Request bodies of POST /api/auth/login, one per `type`: the first two are the steps of third-party-user-sync.txt
 * (Swagger UI pre-fills the first); the others show where each other credential goes.
 */
export const LOGIN_EXAMPLES: Record<string, { summary: string; value: object }> = {
  syncedUser: {
    summary: 'Seed step 3: the synced user signs in → 200',
    value: {
      type: 'password',
      clientId: 'client-app-id',
      clientSecret: 'client-app-secret',
      withPassword: { emailOrUsername: 'cersei-lannister@gmail.com', password: 'C3rs3i#L4nnist3r' },
    },
  },
  unknownUser: {
    summary: 'Seed step 1: a user that does not exist → 401',
    value: {
      type: 'password',
      clientId: 'client-app-id',
      clientSecret: 'client-app-secret',
      withPassword: { emailOrUsername: 'none-exists-email@gmail.com', password: 'arbitrary-password' },
    },
  },
  mfaStep: {
    summary: 'Two-factor sign-in, step 2: the mfaToken of the 401 mfa_required answer and a code → 200',
    value: {
      type: 'mfa',
      clientId: 'client-app-id',
      clientSecret: 'client-app-secret',
      withMfa: { mfaToken: 'MFA_TOKEN_FROM_THE_401', code: '123456' },
    },
  },
  google: {
    summary: 'Sign in with Google: an ID token from Google Identity Services (needs GOOGLE_CLIENT_IDS) → 200',
    value: {
      type: 'google',
      clientId: 'client-app-id',
      clientSecret: 'client-app-secret',
      withGoogle: { idToken: 'GOOGLE_ID_TOKEN' },
    },
  },
  refreshToken: {
    summary: 'Refresh: the refreshToken of the last answer → 200, a new pair (the old refresh token stops working)',
    value: {
      type: 'refresh_token',
      clientId: 'client-app-id',
      clientSecret: 'client-app-secret',
      withRefreshToken: { refreshToken: 'REFRESH_TOKEN_FROM_THE_LAST_ANSWER' },
    },
  },
};
