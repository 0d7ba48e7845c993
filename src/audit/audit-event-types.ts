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
] as const;

export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];
