/**
 * Every kind of audit event. Other areas add theirs here (and call AuditService.record) so the admin filter
 * (`GET /api/audit-events?type=`) knows them.
 */
export const AUDIT_EVENT_TYPES = [
  'login.succeeded',
  'login.failed',
  /** Locked automatically after LOCKOUT_THRESHOLD failed passwords. */
  'account.locked',
  /**
   * An automatic lock expired (details.reason = 'expired'), was ended by the owner's password reset ('owner_proven'),
   * or an admin unlocked ('admin').
   */
  'account.unlocked',
  'user.created',
  'user.updated',
  /** An admin changed a user (roles, lock, deletion…); details.action says what. For the admin routes. */
  'user.admin_changed',
  /** A refresh token was presented again after rotation: the family is revoked. For the refresh-token flow. */
  'refresh_token.reuse_detected',
  /**
   * An outside account (details.provider: 'google') was linked to the user: at sign-in, by a verified e-mail
   * (details.via: 'sign_in'), or by the signed-in owner (details.via: 'owner').
   */
  'identity.linked',
  /** The owner unlinked an outside account. */
  'identity.unlinked',
  /** A reset link was mailed (POST /api/auth/password/forgot, for an existing account; never the address or link). */
  'password.reset_requested',
  /** A password was set from a reset link: every session ended. */
  'password.reset',
  /** An address was proven by its verification link. */
  'email.verified',
  /** Two-factor sign-in confirmed by the user (details.method = 'totp'); their other sessions end. */
  'mfa.enabled',
  /** Two-factor sign-in turned off by the user (password and code given). */
  'mfa.disabled',
  /** A wrong or replayed second-factor code (details.reason, details.context: sign_in or the route). */
  'mfa.challenge_failed',
  /** A recovery code was used (details.remaining: how many are left). */
  'mfa.recovery_code_used',
  /** The user replaced their recovery codes (the old set stops working). */
  'mfa.recovery_codes_replaced',
  /** An admin removed a user's second factor (lost device); the user's sessions end. */
  'mfa.reset_by_admin',
] as const;

export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];
