/** Request bodies of POST /api/auth/login from third-party-user-sync.txt; Swagger UI pre-fills the first. */
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
};
