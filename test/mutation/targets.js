/**
 * The security-critical files `npm run test:mutation` mutates, each with the spec files that pin its rules. Only
 * these specs are loaded for a file's mutants (the e2e files would cost ~20 s of start-up per mutant); every rule of
 * a file must therefore be pinned by a fast unit spec listed here. See docs/testing.md.
 */
module.exports = {
  'src/common/net/ip-ranges.ts': ['src/common/net/ip-ranges.spec.ts', 'src/auth/guards/system-context.guard.spec.ts'],
  'src/auth/guards/system-context.guard.ts': ['src/auth/guards/system-context.guard.spec.ts'],
  'src/auth/guards/system-context-signature.ts': ['src/auth/guards/system-context.guard.spec.ts'],
  'src/auth/credentials/password-check.service.ts': ['src/auth/credentials/password-check.service.spec.ts'],
  'src/lockout/lockout.service.ts': ['src/lockout/lockout.service.spec.ts'],
  'src/lockout/device-credentials.ts': ['src/lockout/device-credentials.spec.ts', 'src/lockout/lockout.service.spec.ts'],
  'src/auth/sessions/refresh/refresh-token-rotation.service.ts': ['src/auth/sessions/refresh/refresh-token-rotation.service.spec.ts'],
  'src/auth/tokens/jwt.strategy.ts': ['src/auth/tokens/jwt.strategy.spec.ts'],
  'src/google-auth/google-id-token.verifier.ts': [
    'src/google-auth/google-id-token.verifier.spec.ts',
    'src/google-auth/google-id-token.verifier.options.spec.ts',
  ],
  'src/google-auth/google-id-token.claims.ts': ['src/google-auth/google-id-token.claims.spec.ts', 'src/google-auth/google-id-token.verifier.spec.ts'],
  'src/mfa/second-factor.service.ts': ['src/mfa/second-factor.service.spec.ts'],
  'src/mfa/second-factor-code.ts': ['src/mfa/second-factor-code.spec.ts'],
  'src/mfa/totp/totp.ts': ['src/mfa/totp/totp.spec.ts', 'src/mfa/totp/totp-secrets.service.spec.ts'],
  'src/mfa/totp/totp-secrets.service.ts': ['src/mfa/totp/totp-secrets.service.spec.ts'],
  'src/mfa/recovery/recovery-codes.service.ts': ['src/mfa/recovery/recovery-codes.service.spec.ts'],
  'src/self-service/account-tokens/account-tokens.service.ts': ['src/self-service/account-tokens/account-tokens.service.spec.ts'],
};
