// Generated from the Gatehouse OpenAPI document by `npm run example:spa:types`: do not edit.

export interface paths {
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics: to METRICS_NETWORKS (default TRUSTED_NETWORKS) or with Authorization: Bearer <METRICS_TOKEN> */
        get: operations["MetricsController_scrape"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Security events: sign-ins, failures, lockouts, user changes
         * @description Newest first, by page; filter by the user the event is about (`userId`) and by `type`. Admins, or `x-user-ctx` from a trusted network.
         */
        get: operations["AuditEventsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers (200 while it runs) */
        get: operations["HealthController_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: the database answers (503 when it does not, or while the instance shuts down) */
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List users, a page at a time, with filters and the total */
        get: operations["UsersAdminController_list"];
        /**
         * Create or update a user synced from another system
         * @description Matched by e-mail, then by username. Authorised by `x-user-ctx` from a trusted network, or an admin Bearer token.
         */
        put: operations["UsersController_upsert"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user */
        get: operations["UsersController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Edit your own profile
         * @description Profile fields only: roles, isActive or any other field is a 400.
         */
        patch: operations["UsersController_updateMe"];
        trace?: never;
    };
    "/api/users/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create or update many users at once (NDJSON in, NDJSON out)
         * @description One PUT /api/users body per line (`password` or `passwordHash`), up to IMPORT_MAX_BODY bytes. Each line is created, updated or left unchanged exactly as PUT /api/users would, in batches of IMPORT_BATCH_SIZE lines, each one transaction. The answer streams one result per line once its batch is committed, then a summary line. A bad line is that line's error and never stops the others. `npm run import` sends a file of any size this way.
         */
        post: operations["UsersImportController_upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One user by id (soft-deleted users too, with deletedAt set) */
        get: operations["UsersAdminController_get"];
        put?: never;
        post?: never;
        /** Soft-delete a user: sign-in fails from now on and every session ends; a sync with "restore": true brings it back */
        delete: operations["UsersAdminController_remove"];
        options?: never;
        head?: never;
        /** Change profile fields, roles or isActive (disabling ends the user’s sessions) */
        patch: operations["UsersAdminController_update"];
        trace?: never;
    };
    "/api/users/{id}/lock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lock a user: sign-in answers 423 and every session ends */
        post: operations["UsersAdminController_lock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Unlock a user */
        post: operations["UsersAdminController_unlock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a user’s password; every session of that user ends */
        post: operations["UsersAdminController_setPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in through a client application (password or google, then mfa with two-factor sign-in), or exchange a refresh token (refresh_token)
         * @description Every successful login returns an access token and a single-use refresh token bound to the client and the user. For a user with two-factor sign-in, a right password or Google token answers **401 `mfa_required`** with an `mfaToken` and no token; send it back with a code as `type: "mfa"` (`withMfa: { mfaToken, code }`, the same client) within 5 minutes to get the session. The code is a 6-digit TOTP code (each accepted once) or a recovery code; an mfaToken is single use and dies after 5 wrong codes. `type: "refresh_token"` rotates it: the old one stops working and a new pair is returned; presenting a rotated token again (after REFRESH_REUSE_INTERVAL) revokes the whole session.
         */
        post: operations["SignInController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with e-mail and password (Orion API)
         * @description Same credentials check and token as /api/auth/login, with the default audience.
         */
        post: operations["OrionSignInController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/login/google": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with a Google ID token (Orion API)
         * @description The user linked to the Google account, else the user with its (Google-verified) e-mail, which is then linked, else a new user. Refusals carry `code` google_token_<reason>.
         */
        post: operations["OrionSignInController_loginWithGoogle"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/login/2fa": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Two-factor sign-in, step 2: the mfaToken of /users/login and a code (Orion API)
         * @description The mfaToken of the first step (single use, 5 minutes) and a 6-digit TOTP code or a recovery code.
         */
        post: operations["OrionSignInController_loginWithMfa"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/login/google/2fa": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Two-factor sign-in, step 2 after /users/login/google (same as /users/login/2fa)
         * @description The mfaToken of the first step (single use, 5 minutes) and a 6-digit TOTP code or a recovery code.
         */
        post: operations["OrionSignInController_loginWithGoogleMfa"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End one session: revokes the refresh token and every token rotated from the same login
         * @description Public: holding the refresh token is the proof. Answers 204 whether or not the token was valid, so it reveals nothing. A browser client sends no body token: its gatehouse_refresh cookie is read (with X-Requested-With, and an Origin listed in CORS_ORIGINS) and cleared.
         */
        post: operations["LogoutController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End all of the caller's sessions
         * @description Revokes every refresh token of the caller; access tokens issued before (including this one) stop being accepted.
         */
        post: operations["LogoutController_logoutAll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The public keys that verify access tokens (JWK Set, RFC 7517) */
        get: operations["WellKnownController_jwks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/openid-configuration": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** OpenID Connect discovery metadata */
        get: operations["WellKnownController_openIdConfiguration"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change your own password
         * @description Needs the current password. Every earlier access and refresh token of the user stops working (other devices are signed out); the response carries a new pair for this session.
         */
        post: operations["PasswordChangeController_change"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/me/identities/google": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Link a Google account to your own account
         * @description The ID token proves you hold the Google account. Its e-mail need not be the account's. After this, Google sign-in with that Google account signs in to this account. One Google account per user; linking the same one again is a no-op.
         */
        post: operations["GoogleIdentityController_link"];
        /**
         * Unlink your Google account
         * @description Refused when it is the only way to sign in to the account (no password). Sessions already started with Google go on; end them with POST /api/auth/logout-all.
         */
        delete: operations["GoogleIdentityController_unlink"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/me/2fa/totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start two-factor sign-in: a new TOTP secret, its otpauth URI and QR code
         * @description Nothing changes until confirmed (POST /api/users/me/2fa/totp/confirm); calling this again replaces the pending secret. The secret is never shown again after confirmation.
         */
        post: operations["TwoFactorController_start"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/me/2fa/totp/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm the new secret with its first code: two-factor sign-in is on
         * @description Answers the ten recovery codes (shown only here) and a new session for the caller: every other session of the user ends. The password is asked for when the account has one, so a stolen access token alone cannot put another authenticator on the account.
         */
        post: operations["TwoFactorController_confirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/me/2fa/recovery-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replace the recovery codes (the old set stops working)
         * @description Needs a code: a TOTP code or an unused recovery code.
         */
        post: operations["TwoFactorController_replaceRecoveryCodes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/me/2fa": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Turn two-factor sign-in off
         * @description Needs the password (when the account has one) and a code (TOTP or recovery). The secret and recovery codes are deleted.
         */
        delete: operations["TwoFactorController_disable"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/2fa": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a user’s second factor (lost device): the secret and recovery codes go, and every session of the user ends
         * @description The user then signs in with the password alone and may enrol again. Recorded as mfa.reset_by_admin.
         */
        delete: operations["TwoFactorAdminController_reset"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password/forgot": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask for a password-reset link by e-mail
         * @description Always 202 with the same body, for an address with an account and one without, answered before the address is even looked up (so the time is the same too). An account gets a mail with a link to APP_URL/reset-password?token=…, valid PASSWORD_RESET_TTL, at most one mail per address per PASSWORD_RESET_INTERVAL.
         */
        post: operations["PasswordResetController_forgot"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a new password with the token of a reset link
         * @description The token works once, until PASSWORD_RESET_TTL, and only the newest one sent. On success every session of the account ends (access and refresh tokens), an automatic lock ends, and the address counts as verified (the link reached it). Sign in again with the new password.
         */
        post: operations["PasswordResetController_reset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/me/email/verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a link that verifies your e-mail address
         * @description Mails a link to APP_URL/verify-email?token=…, valid EMAIL_VERIFICATION_TTL, bound to the current address (void if it changes), replacing any earlier link. At most one per EMAIL_VERIFICATION_INTERVAL.
         */
        post: operations["VerificationLinkController_send"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/email/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Verify an e-mail address with the token of a verification link
         * @description The token works once, until EMAIL_VERIFICATION_TTL, only the newest one sent, and only while the account still has the address it was sent to.
         */
        post: operations["EmailVerificationController_verify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/signup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign up (when SIGNUP_ENABLED=true)
         * @description Always 202 with the same body, for a new address and for one that has an account (its owner gets a "you already have an account" mail instead), answered before the address is looked up. A new account gets a link to APP_URL/verify-email?token=… and signs in only after following it (SIGNUP_REQUIRE_VERIFIED_EMAIL, default true). Signing up again with an unverified address sends a new link. 404 while sign-up is off.
         */
        post: operations["SignUpController_signUp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        FieldErrorDto: {
            /** @example withPassword.password */
            field: string;
            /** @example should not be empty */
            reason: string;
        };
        ErrorResponseDto: {
            /** @example 400 */
            statusCode: number;
            /** @example Bad Request */
            error: string;
            /**
             * @description Stable machine-readable code
             * @example invalid_request
             */
            code: string;
            /** @example Invalid request: withPassword.password should not be empty */
            message: string;
            fields?: components["schemas"]["FieldErrorDto"][];
            /**
             * @description Only with code mfa_required: the opaque token to send back with the code (type "mfa"); single use, 5 minutes
             * @example Zk3v9QyC0m2f3nZb8oJr5Qe1xk7TtW4uH9cLsA6dPgV
             */
            mfaToken?: string;
            /**
             * @description Only with code mfa_required: the second factors the user may answer with
             * @example [
             *       "totp",
             *       "recovery_code"
             *     ]
             */
            methods?: string[];
            /**
             * @description Also in the x-request-id header and the logs
             * @example 5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11
             */
            requestId: string;
        };
        AuditEventResponseDto: {
            /** @example 1209604101843542017 */
            id: string;
            /**
             * @example login.failed
             * @enum {string}
             */
            type: "login.succeeded" | "login.failed" | "account.locked" | "account.unlocked" | "user.created" | "user.updated" | "user.admin_changed" | "refresh_token.reuse_detected" | "identity.linked" | "identity.unlinked" | "password.reset_requested" | "password.reset" | "email.verified" | "mfa.enabled" | "mfa.disabled" | "mfa.challenge_failed" | "mfa.recovery_code_used" | "mfa.recovery_codes_replaced" | "mfa.reset_by_admin";
            /**
             * @description Who acted; null for an anonymous caller
             * @example __system
             */
            actorId: string | null;
            /**
             * @description The user the event is about
             * @example 1209604101843542016
             */
            subjectId: string | null;
            /** @example client-app-id */
            clientId: string | null;
            /** @example 203.0.113.7 */
            ip: string | null;
            /**
             * @description Truncated to 256 characters
             * @example Mozilla/5.0 …
             */
            userAgent: string | null;
            /**
             * @example {
             *       "reason": "wrong_password"
             *     }
             */
            details: {
                [key: string]: unknown;
            } | null;
            /** @example 2026-11-22T07:00:00.000Z */
            createdAt: string;
        };
        AuditEventsPageDto: {
            /** @description Newest first */
            items: components["schemas"]["AuditEventResponseDto"][];
            /** @example 1 */
            page: number;
            /** @example 50 */
            pageSize: number;
            /**
             * @description Events matching the filters, over all pages
             * @example 123
             */
            total: number;
        };
        SyncUserDto: {
            /** @example Cersei Lannister */
            name?: string | null;
            /** @example Cersei */
            firstName?: string | null;
            /** @example Lannister */
            lastName?: string | null;
            /** @example en-GB */
            locale?: string | null;
            /** @example +441234567890 */
            phoneNumber?: string | null;
            /** @example https://example.com/avatar.png */
            avatar?: string | null;
            /**
             * Format: date
             * @example 1990-04-01
             */
            birthday?: string | null;
            /** @example female */
            gender?: string | null;
            /**
             * @description Lower-cased; letters, digits, . _ -
             * @example cersei.lannister
             */
            username?: string;
            /**
             * @description Required to create a user; lower-cased
             * @example cersei-lannister@gmail.com
             */
            email: string;
            /**
             * @description Plain text over TLS; stored only as a bcrypt hash
             * @example C3rs3i#L4nnist3r
             */
            password?: string;
            /**
             * @description Instead of `password` (sending both is a 400): the hash another system stored, to move its users without their passwords. Accepted: bcrypt ($2a$, $2b$, $2y$; cost 4–15), argon2id/argon2i/argon2d in PHC form ($argon2id$v=19$m=…,t=…,p=…$salt$hash; m ≤ 262144 KiB, t ≤ 10), scrypt in PHC form ($scrypt$ln=…,r=…,p=…$salt$hash; N ≤ 2^20), PBKDF2 in PHC form ($pbkdf2-sha256$i=…$salt$hash; sha1, sha256 or sha512) or Django form (pbkdf2_sha256$iterations$salt$hash; iterations ≤ 10,000,000). Upgraded to bcrypt at the first successful sign-in. The same hash sent again changes nothing, even after that upgrade. Never returned.
             * @example $argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$RdescudvJCsgt3ub+b+dWRWJTmaaJObG
             */
            passwordHash?: string;
            /**
             * @description Set by the syncing system, which knows whether it verified the address
             * @example true
             */
            emailVerified?: boolean;
            /**
             * @example [
             *       "user"
             *     ]
             */
            roles?: string[] | null;
            /** @example true */
            isActive?: boolean;
            /**
             * @description Restore the user if this e-mail belongs to a soft-deleted one (otherwise that is a 409)
             * @example false
             */
            restore?: boolean;
        };
        UserResponseDto: {
            /**
             * @description Time-ordered 64-bit id, as a decimal string
             * @example 7512345678901234567
             */
            id: string;
            /** @example user_3DqfWw6ZJoZf5waKSckJLMOtVu */
            _guid: string;
            /** @example cersei.lannister */
            username: string | null;
            /** @example cersei-lannister@gmail.com */
            email: string;
            /** @example true */
            emailVerified: boolean;
            /** @example Cersei Lannister */
            name: string | null;
            /** @example Cersei */
            firstName: string | null;
            /** @example Lannister */
            lastName: string | null;
            /** @example en-GB */
            locale: string | null;
            /**
             * @example [
             *       "user"
             *     ]
             */
            roles: string[] | null;
            /** @example +441234567890 */
            phoneNumber: string | null;
            /** @example https://example.com/a.png */
            avatar: string | null;
            /** @example 1990-04-01 */
            birthday: string | null;
            /** @example female */
            gender: string | null;
            /** @example false */
            using2FA: boolean;
            /** @example true */
            isActive: boolean;
            /** @example false */
            isLocked: boolean;
            /**
             * Format: date-time
             * @example null
             */
            lockedAt: string | null;
            /**
             * Format: date-time
             * @example 2023-05-04T01:34:03.320Z
             */
            createdAt: string;
            /** @example __system */
            createdBy: string | null;
            /**
             * Format: date-time
             * @example 2023-05-04T01:34:03.320Z
             */
            updatedAt: string;
            /** @example null */
            updatedBy: string | null;
            /**
             * Format: date-time
             * @example null
             */
            deletedAt: string | null;
            /** @example null */
            deletedBy: string | null;
        };
        UpdateMeDto: {
            /** @example Cersei Lannister */
            name?: string | null;
            /** @example Cersei */
            firstName?: string | null;
            /** @example Lannister */
            lastName?: string | null;
            /** @example en-GB */
            locale?: string | null;
            /** @example +441234567890 */
            phoneNumber?: string | null;
            /** @example https://example.com/avatar.png */
            avatar?: string | null;
            /**
             * Format: date
             * @example 1990-04-01
             */
            birthday?: string | null;
            /** @example female */
            gender?: string | null;
        };
        UserPageDto: {
            items: components["schemas"]["UserResponseDto"][];
            /**
             * @description Users matching the filters, over all pages
             * @example 42
             */
            total: number;
            /** @example 1 */
            page: number;
            /** @example 20 */
            limit: number;
        };
        AdminUpdateUserDto: {
            /** @example Cersei Lannister */
            name?: string | null;
            /** @example Cersei */
            firstName?: string | null;
            /** @example Lannister */
            lastName?: string | null;
            /** @example en-GB */
            locale?: string | null;
            /** @example +441234567890 */
            phoneNumber?: string | null;
            /** @example https://example.com/avatar.png */
            avatar?: string | null;
            /**
             * Format: date
             * @example 1990-04-01
             */
            birthday?: string | null;
            /** @example female */
            gender?: string | null;
            /**
             * @example [
             *       "user"
             *     ]
             */
            roles?: string[] | null;
            /** @example true */
            isActive?: boolean;
        };
        SetPasswordDto: {
            /**
             * @description At least 8 characters, at most 72 bytes; stored only as a bcrypt hash
             * @example N3w#Passw0rd
             */
            password: string;
        };
        PasswordCredentialsDto: {
            /**
             * @description E-mail or username (case-insensitive)
             * @example cersei-lannister@gmail.com
             */
            emailOrUsername: string;
            /** @example C3rs3i#L4nnist3r */
            password: string;
        };
        GoogleCredentialsDto: {
            /**
             * @description Google ID token (JWT)
             * @example eyJhbGciOiJSUzI1NiIsImtpZCI6Ii4uLiIsInR5cCI6IkpXVCJ9...
             */
            idToken: string;
        };
        MfaCredentialsDto: {
            /**
             * @description The mfaToken of the first step (single use, valid 5 minutes)
             * @example Zk3v9QyC0m2f3nZb8oJr5Qe1xk7TtW4uH9cLsA6dPgV
             */
            mfaToken: string;
            /**
             * @description A 6-digit code from the authenticator app, or an unused recovery code (xxxx-xxxx-xxxx)
             * @example 123456
             */
            code: string;
        };
        RefreshTokenCredentialsDto: {
            /**
             * @description The refresh token of an earlier login
             * @example qB3vY0m2f3nZb8oJr5Qe1xk7TtW4uH9cLsA6dPgV2yI
             */
            refreshToken: string;
        };
        LoginDto: {
            /**
             * @example password
             * @enum {string}
             */
            type: "password" | "google" | "mfa" | "refresh_token";
            /** @example client-app-id */
            clientId: string;
            /**
             * @description Required for confidential clients
             * @example client-app-secret
             */
            clientSecret?: string;
            /** @description Required when type is "password" */
            withPassword?: components["schemas"]["PasswordCredentialsDto"];
            /** @description Required when type is "google" */
            withGoogle?: components["schemas"]["GoogleCredentialsDto"];
            /** @description Required when type is "mfa": the second step of a two-factor sign-in */
            withMfa?: components["schemas"]["MfaCredentialsDto"];
            /** @description Required when type is "refresh_token", but for a browser client, whose gatehouse_refresh cookie is read instead (with X-Requested-With) */
            withRefreshToken?: components["schemas"]["RefreshTokenCredentialsDto"];
        };
        LoginResponseDto: {
            /**
             * @description RS256 JWT; verify with /.well-known/jwks.json
             * @example eyJhbGciOiJSUzI1NiIsImtpZCI6Ii4uLiJ9...
             */
            accessToken: string;
            /** @example Bearer */
            tokenType: string;
            /**
             * @description Seconds until the access token expires
             * @example 300
             */
            expiresIn: number;
            /**
             * @description Opaque, single-use: exchange it with type "refresh_token" for a new pair. Keep it secret. Absent for a browser client: it is set as the HttpOnly cookie gatehouse_refresh instead.
             * @example qB3vY0m2f3nZb8oJr5Qe1xk7TtW4uH9cLsA6dPgV2yI
             */
            refreshToken?: string;
            /**
             * @description Seconds until the refresh token (and its whole session) expires; rotation does not extend it
             * @example 2592000
             */
            refreshExpiresIn: number;
            /**
             * @description The device credential (also set as the HttpOnly cookie gatehouse_device) of a sign-in: send it back as that cookie or as the X-Device-Token header on later sign-ins, so this client keeps its own budget of failed passwords (and signs in) while the account is locked to clients without one. Not on a refresh.
             * @example ZDE6MTIzNDU2Nzg5MDEyMzQ1Njc4OTp4R2Y0LVRxWTJrTm5ZOFJ3OjE3NjQwMDAxMDA6MA.3q2-7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
             */
            deviceToken?: string;
            user: components["schemas"]["UserResponseDto"];
        };
        OrionUserDto: {
            /**
             * @description The user's public id (`_guid`)
             * @example user_3DqfWw6ZJoZf5waKSckJLMOtVu
             */
            hash: string;
            /**
             * @description Display name: the name, else first + last name, else the username, else the e-mail local part
             * @example Orion
             */
            name: string;
            /** @example orion@services.dev */
            email: string;
            /**
             * @description Whether the e-mail address is verified
             * @example false
             */
            emailValid: boolean;
            /** @example false */
            using2FA: boolean;
        };
        OrionAuthenticationDto: {
            user: components["schemas"]["OrionUserDto"];
            /**
             * @description RS256 access token (sub, iss, aud, iat, exp, jti, email, upn, groups, c_hash), as from /api/auth/login
             * @example eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiIsImtpZCI6Ii4uLiJ9...
             */
            token: string;
        };
        OrionMfaRequiredDto: {
            /**
             * @example true
             * @enum {boolean}
             */
            requires2FA: true;
            /**
             * @description Send it with a code to POST /users/login/2fa (single use, valid 5 minutes)
             * @example Zk3v9QyC0m2f3nZb8oJr5Qe1xk7TtW4uH9cLsA6dPgV
             */
            mfaToken: string;
            /** @example Two-factor authentication required: send mfaToken and a code to /users/login/2fa */
            message: string;
        };
        OrionLoginDto: {
            /** @example orion@services.dev */
            email: string;
            /** @example 12345678 */
            password: string;
        };
        OrionGoogleLoginDto: {
            /**
             * @description Google ID token (JWT)
             * @example eyJhbGciOiJSUzI1NiIsImtpZCI6Ii4uLiIsInR5cCI6IkpXVCJ9...
             */
            idToken: string;
        };
        OrionMfaLoginDto: {
            /**
             * @description The mfaToken of the first step (single use, valid 5 minutes)
             * @example Zk3v9QyC0m2f3nZb8oJr5Qe1xk7TtW4uH9cLsA6dPgV
             */
            mfaToken: string;
            /**
             * @description A 6-digit code from the authenticator app, or an unused recovery code (xxxx-xxxx-xxxx)
             * @example 123456
             */
            code: string;
        };
        LogoutDto: {
            /**
             * @description The refresh token of the session to end; a browser client leaves it out (its cookie is read)
             * @example qB3vY0m2f3nZb8oJr5Qe1xk7TtW4uH9cLsA6dPgV2yI
             */
            refreshToken?: string;
        };
        JwkDto: {
            /**
             * @description RFC 7638 thumbprint; the `kid` header of tokens it signed
             * @example mD3j2Xq0bW8n6yTf1vR9sK4uL7pZ5cA2eH0gJ3iN8oQ
             */
            kid: string;
            /** @example RSA */
            kty: string;
            /** @example RS256 */
            alg: string;
            /** @example sig */
            use: string;
            /** @example u1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0_IzW7yWR7QkrmBL7jTKEn5u-qKhbwKfBstIs-bMY2Zkp18gnTxKLxoS2tFczGkPLPgizskuemMghRniWaoLcyehkd3qqGElvW_VDL5AaWTg0nLVkjRo9z-40RQzuVaE8AkAFmxZzow3x-VJYKdjykkJ0iT9wCS0DRTXu269V264Vf_3jvredZiKRkgwlL9xNAwxXFg0x_XFw005UWVRIkdgcKWTjpBP2dPwVZ4WWC-9aGVd-Gyn1o0CLelf4rEjGoXbAAEgAqeGUxrcIlbjXfbcmw */
            n: string;
            /** @example AQAB */
            e: string;
        };
        JwksDto: {
            /** @description Every key that may have signed a live token; the first is the one signing now */
            keys: components["schemas"]["JwkDto"][];
        };
        OpenIdConfigurationDto: {
            /**
             * @description Equals the `iss` claim of issued tokens (JWT_ISSUER)
             * @example gatehouse
             */
            issuer: string;
            /** @example https://auth.example.com/.well-known/jwks.json */
            jwks_uri: string;
            /**
             * @description Gatehouse login (JSON body with `type`), not an RFC 6749 form endpoint
             * @example https://auth.example.com/api/auth/login
             */
            token_endpoint: string;
            /** @example https://auth.example.com/api/users/me */
            userinfo_endpoint: string;
            /** @example https://auth.example.com/api/auth/logout */
            revocation_endpoint: string;
            /**
             * @example [
             *       "RS256"
             *     ]
             */
            id_token_signing_alg_values_supported: string[];
            /**
             * @description Login `type` values
             * @example [
             *       "password",
             *       "refresh_token"
             *     ]
             */
            grant_types_supported: string[];
            /**
             * @example [
             *       "token"
             *     ]
             */
            response_types_supported: string[];
            /**
             * @example [
             *       "public"
             *     ]
             */
            subject_types_supported: string[];
            /**
             * @example [
             *       "client_secret_post",
             *       "none"
             *     ]
             */
            token_endpoint_auth_methods_supported: string[];
            /**
             * @example [
             *       "sub",
             *       "iss",
             *       "aud",
             *       "iat",
             *       "exp",
             *       "jti",
             *       "email",
             *       "upn",
             *       "groups"
             *     ]
             */
            claims_supported: string[];
        };
        ChangePasswordDto: {
            /** @example C3rs3i#L4nnist3r */
            currentPassword: string;
            /**
             * @description At least 8 characters, at most 72 bytes
             * @example N3w#Passw0rd
             */
            newPassword: string;
        };
        SessionResponseDto: {
            /**
             * @description RS256 JWT; verify with /.well-known/jwks.json
             * @example eyJhbGciOiJSUzI1NiIsImtpZCI6Ii4uLiJ9...
             */
            accessToken: string;
            /** @example Bearer */
            tokenType: string;
            /**
             * @description Seconds until the access token expires
             * @example 300
             */
            expiresIn: number;
            /**
             * @description The device credential (also set as the HttpOnly cookie gatehouse_device) of a sign-in: send it back as that cookie or as the X-Device-Token header on later sign-ins, so this client keeps its own budget of failed passwords (and signs in) while the account is locked to clients without one. Not on a refresh.
             * @example ZDE6MTIzNDU2Nzg5MDEyMzQ1Njc4OTp4R2Y0LVRxWTJrTm5ZOFJ3OjE3NjQwMDAxMDA6MA.3q2-7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
             */
            deviceToken?: string;
            user: components["schemas"]["UserResponseDto"];
            /**
             * @description Present when the previous token was issued to a client
             * @example qB3vY0m2f3nZb8oJr5Qe1xk7TtW4uH9cLsA6dPgV2yI
             */
            refreshToken?: string;
            /** @example 2592000 */
            refreshExpiresIn?: number;
        };
        LinkedIdentityDto: {
            /**
             * @example google
             * @enum {string}
             */
            provider: "google";
            /**
             * @description The Google account's stable id (`sub`), which the link is keyed on
             * @example 110169484474386276334
             */
            subject: string;
            /** @example 2025-11-24T10:15:00.000Z */
            linkedAt: string;
        };
        TotpEnrolmentDto: {
            /**
             * @description The new secret, base32 (160 bits), for typing into the app by hand
             * @example JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP
             */
            secret: string;
            /** @example otpauth://totp/Gatehouse:arya-stark%40gmail.com?issuer=Gatehouse&secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30 */
            otpauthUri: string;
            /**
             * @description The otpauth URI as a QR code (PNG data URI) for the app to scan
             * @example data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA…
             */
            qrCode: string;
        };
        ConfirmTotpDto: {
            /**
             * @description The 6-digit code the authenticator app shows for the new secret
             * @example 123456
             */
            code: string;
            /**
             * @description Your current password; required when the account has one (an account made by Google sign-in has none)
             * @example C3rs3i#L4nnist3r
             */
            password?: string;
        };
        TwoFactorEnabledDto: {
            /**
             * @description RS256 JWT; verify with /.well-known/jwks.json
             * @example eyJhbGciOiJSUzI1NiIsImtpZCI6Ii4uLiJ9...
             */
            accessToken: string;
            /** @example Bearer */
            tokenType: string;
            /**
             * @description Seconds until the access token expires
             * @example 300
             */
            expiresIn: number;
            /**
             * @description The device credential (also set as the HttpOnly cookie gatehouse_device) of a sign-in: send it back as that cookie or as the X-Device-Token header on later sign-ins, so this client keeps its own budget of failed passwords (and signs in) while the account is locked to clients without one. Not on a refresh.
             * @example ZDE6MTIzNDU2Nzg5MDEyMzQ1Njc4OTp4R2Y0LVRxWTJrTm5ZOFJ3OjE3NjQwMDAxMDA6MA.3q2-7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
             */
            deviceToken?: string;
            user: components["schemas"]["UserResponseDto"];
            /**
             * @description Present when the previous token was issued to a client
             * @example qB3vY0m2f3nZb8oJr5Qe1xk7TtW4uH9cLsA6dPgV2yI
             */
            refreshToken?: string;
            /** @example 2592000 */
            refreshExpiresIn?: number;
            /**
             * @description Ten single-use recovery codes, shown only now: the user keeps them somewhere safe. Each signs in once instead of a TOTP code
             * @example [
             *       "k7mq-2xva-p4tr",
             *       "b3nf-w6hz-q2ce",
             *       "r5yd-m7jk-x3ua",
             *       "…"
             *     ]
             */
            recoveryCodes: string[];
        };
        SecondFactorCodeDto: {
            /**
             * @description A 6-digit code from the authenticator app, or an unused recovery code (xxxx-xxxx-xxxx)
             * @example 123456
             */
            code: string;
        };
        RecoveryCodesDto: {
            /**
             * @description Ten single-use recovery codes, shown only now: the user keeps them somewhere safe. Each signs in once instead of a TOTP code
             * @example [
             *       "k7mq-2xva-p4tr",
             *       "b3nf-w6hz-q2ce",
             *       "r5yd-m7jk-x3ua",
             *       "…"
             *     ]
             */
            recoveryCodes: string[];
        };
        DisableTwoFactorDto: {
            /**
             * @description A 6-digit code from the authenticator app, or an unused recovery code (xxxx-xxxx-xxxx)
             * @example 123456
             */
            code: string;
            /**
             * @description Your current password; required when the account has one (an account made by Google sign-in has none)
             * @example C3rs3i#L4nnist3r
             */
            password?: string;
        };
        ForgotPasswordDto: {
            /**
             * @description The address of the account; trimmed and lower-cased
             * @example cersei-lannister@gmail.com
             */
            email: string;
        };
        AcceptedResponseDto: {
            /** @example If an account has this e-mail address, a link to reset its password has been sent to it */
            message: string;
        };
        ResetPasswordDto: {
            /**
             * @description The `token` of the link in the reset mail
             * @example kq3J0xP1c9Vb8mZt2Yw4Ln6Rs5Ud7Ae0Fg1Hi2Jk3L
             */
            token: string;
            /**
             * @description At least PASSWORD_MIN_LENGTH characters, at most 72 bytes
             * @example N3w#Passw0rd
             */
            newPassword: string;
            /**
             * @description Required when the account has two-factor sign-in: a current code, or a recovery code
             * @example 123456
             */
            code?: string;
        };
        PasswordResetResponseDto: {
            /** @example true */
            passwordReset: boolean;
        };
        VerifyEmailDto: {
            /**
             * @description The `token` of the link in the verification mail
             * @example Zp8tW1qL0cN5vB7xR2mK9yH4sD6fG3jA1eU0iO8nT5Q
             */
            token: string;
        };
        EmailVerifiedResponseDto: {
            /** @example cersei-lannister@gmail.com */
            email: string;
            /** @example true */
            emailVerified: boolean;
        };
        SignUpDto: {
            /**
             * @description Trimmed and lower-cased; the verification link goes there
             * @example arya.stark@example.com
             */
            email: string;
            /**
             * @description At least PASSWORD_MIN_LENGTH characters, at most 72 bytes
             * @example N0-one#Valar
             */
            password: string;
            /**
             * @description Lower-cased; letters, digits, . _ -
             * @example arya
             */
            username?: string;
            /** @example Arya Stark */
            name?: string | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    MetricsController_scrape: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Prometheus text format */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description Anyone outside the metrics networks without the metrics token (the same answer as an unknown route) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "code": "not_found",
                     *       "message": "Cannot GET /metrics",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "text/plain": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected error (logged with the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "error": "Internal Server Error",
                     *       "code": "internal_error",
                     *       "message": "Internal server error",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AuditEventsController_list: {
        parameters: {
            query?: {
                /** @description Only events about this user (subjectId) */
                userId?: string;
                type?: "login.succeeded" | "login.failed" | "account.locked" | "account.unlocked" | "user.created" | "user.updated" | "user.admin_changed" | "refresh_token.reuse_detected" | "identity.linked" | "identity.unlinked" | "password.reset_requested" | "password.reset" | "email.verified" | "mfa.enabled" | "mfa.disabled" | "mfa.challenge_failed" | "mfa.recovery_code_used" | "mfa.recovery_codes_replaced" | "mfa.reset_by_admin";
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEventsPageDto"];
                };
            };
            /** @description Invalid or unknown query parameter (named in `fields`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "code": "invalid_request",
                     *       "message": "Invalid request: email must be a valid e-mail address",
                     *       "fields": [
                     *         {
                     *           "field": "email",
                     *           "reason": "must be a valid e-mail address"
                     *         }
                     *       ],
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credentials, or an invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "code": "unauthenticated",
                     *       "message": "No credentials, or an invalid or expired token",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not an admin, or x-user-ctx sent from an untrusted network */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "code": "forbidden",
                     *       "message": "Not an admin, or x-user-ctx sent from an untrusted network",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected error (logged with the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "error": "Internal Server Error",
                     *       "code": "internal_error",
                     *       "message": "Internal server error",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    HealthController_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Health Check is successful */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example ok */
                        status?: string;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /** @example {} */
                        error?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
            /** @description Unexpected error (logged with the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "error": "Internal Server Error",
                     *       "code": "internal_error",
                     *       "message": "Internal server error",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The Health Check is not successful */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example error */
                        status?: string;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect"
                         *       }
                         *     }
                         */
                        error?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       },
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect"
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Health Check is successful */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example ok */
                        status?: string;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /** @example {} */
                        error?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
            /** @description Unexpected error (logged with the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "error": "Internal Server Error",
                     *       "code": "internal_error",
                     *       "message": "Internal server error",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The Health Check is not successful */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example error */
                        status?: string;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect"
                         *       }
                         *     }
                         */
                        error?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       },
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect"
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    UsersAdminController_list: {
        parameters: {
            query?: {
                page?: number;
                limit?: number;
                /** @description Part of the e-mail, case-insensitive */
                email?: string;
                /** @description Part of the username, case-insensitive */
                username?: string;
                active?: boolean;
                locked?: boolean;
                /** @description Soft-deleted users: left out (default), included, or only them */
                deleted?: "exclude" | "include" | "only";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserPageDto"];
                };
            };
            /** @description Invalid or unknown query parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "code": "invalid_request",
                     *       "message": "Invalid request: email must be a valid e-mail address",
                     *       "fields": [
                     *         {
                     *           "field": "email",
                     *           "reason": "must be a valid e-mail address"
                     *         }
                     *       ],
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credentials, or an invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "code": "unauthenticated",
                     *       "message": "No credentials, or an invalid or expired token",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not an admin, or x-user-ctx sent from an untrusted network */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "code": "forbidden",
                     *       "message": "Not an admin, or x-user-ctx sent from an untrusted network",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected error (logged with the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "error": "Internal Server Error",
                     *       "code": "internal_error",
                     *       "message": "Internal server error",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    UsersController_upsert: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SyncUserDto"];
            };
        };
        responses: {
            /** @description The user, created or updated (never the password) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponseDto"];
                };
            };
            /** @description Invalid field, unknown field, or malformed x-user-ctx */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "code": "invalid_request",
                     *       "message": "Invalid request: email must be a valid e-mail address",
                     *       "fields": [
                     *         {
                     *           "field": "email",
                     *           "reason": "must be a valid e-mail address"
                     *         }
                     *       ],
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credentials, or an invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "code": "unauthenticated",
                     *       "message": "A valid Bearer access token is required",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not an admin, or x-user-ctx sent from an untrusted network */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "code": "forbidden",
                     *       "message": "The x-user-ctx header is not accepted from this network",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Username belongs to another user (username_taken), or the e-mail is of a soft-deleted user and "restore" is not true (user_deleted) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "code": "username_taken",
                     *       "message": "username \"cersei.lannister\" belongs to another user",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected error (logged with the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "error": "Internal Server Error",
                     *       "code": "internal_error",
                     *       "message": "Internal server error",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    UsersController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user the Bearer token was issued to */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponseDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "code": "unauthenticated",
                     *       "message": "A valid Bearer access token is required",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected error (logged with the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "error": "Internal Server Error",
                     *       "code": "internal_error",
                     *       "message": "Internal server error",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    UsersController_updateMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateMeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponseDto"];
                };
            };
            /** @description Invalid field, or a field you may not set (roles, isActive, …) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "code": "invalid_request",
                     *       "message": "Invalid request: email must be a valid e-mail address",
                     *       "fields": [
                     *         {
                     *           "field": "email",
                     *           "reason": "must be a valid e-mail address"
                     *         }
                     *       ],
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "code": "unauthenticated",
                     *       "message": "Missing, invalid or expired token",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected error (logged with the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "error": "Internal Server Error",
                     *       "code": "internal_error",
                     *       "message": "Internal server error",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    UsersImportController_upload: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description One JSON object per line */
        requestBody: {
            content: {
                "application/x-ndjson": string;
            };
        };
        responses: {
            /** @description One result per line, then `{"summary": …}` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": string;
                };
            };
            /** @description Malformed x-user-ctx (a bad line is a result line, not a 400) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "code": "invalid_request",
                     *       "message": "Invalid request: email must be a valid e-mail address",
                     *       "fields": [
                     *         {
                     *           "field": "email",
                     *           "reason": "must be a valid e-mail address"
                     *         }
                     *       ],
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/x-ndjson": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credentials, or an invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "code": "unauthenticated",
                     *       "message": "A valid Bearer access token is required",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/x-ndjson": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not an admin, or x-user-ctx sent from an untrusted network */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "code": "forbidden",
                     *       "message": "The x-user-ctx header is not accepted from this network",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/x-ndjson": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Content-Length over IMPORT_MAX_BODY (a chunked body that grows past it ends with a summary saying so) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "code": "payload_too_large",
                     *       "message": "The body is over 33554432 bytes (IMPORT_MAX_BODY); split it into several requests",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/x-ndjson": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not application/x-ndjson */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "code": "unsupported_media_type",
                     *       "message": "Not application/x-ndjson",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/x-ndjson": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected error (logged with the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "error": "Internal Server Error",
                     *       "code": "internal_error",
                     *       "message": "Internal server error",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    UsersAdminController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description User id (decimal digits) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponseDto"];
                };
            };
            /** @description Malformed id (or body) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "code": "invalid_request",
                     *       "message": "Invalid request: email must be a valid e-mail address",
                     *       "fields": [
                     *         {
                     *           "field": "email",
                     *           "reason": "must be a valid e-mail address"
                     *         }
                     *       ],
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credentials, or an invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "code": "unauthenticated",
                     *       "message": "No credentials, or an invalid or expired token",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not an admin, or x-user-ctx sent from an untrusted network */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "code": "forbidden",
                     *       "message": "Not an admin, or x-user-ctx sent from an untrusted network",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No (live) user with this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "code": "not_found",
                     *       "message": "No (live) user with this id",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected error (logged with the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "error": "Internal Server Error",
                     *       "code": "internal_error",
                     *       "message": "Internal server error",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    UsersAdminController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description User id (decimal digits) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed id (or body) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "code": "invalid_request",
                     *       "message": "Invalid request: email must be a valid e-mail address",
                     *       "fields": [
                     *         {
                     *           "field": "email",
                     *           "reason": "must be a valid e-mail address"
                     *         }
                     *       ],
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credentials, or an invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "code": "unauthenticated",
                     *       "message": "No credentials, or an invalid or expired token",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not an admin, or x-user-ctx sent from an untrusted network */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "code": "forbidden",
                     *       "message": "Not an admin, or x-user-ctx sent from an untrusted network",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No (live) user with this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "code": "not_found",
                     *       "message": "No (live) user with this id",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected error (logged with the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "error": "Internal Server Error",
                     *       "code": "internal_error",
                     *       "message": "Internal server error",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    UsersAdminController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description User id (decimal digits) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AdminUpdateUserDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponseDto"];
                };
            };
            /** @description Malformed id (or body) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "code": "invalid_request",
                     *       "message": "Invalid request: email must be a valid e-mail address",
                     *       "fields": [
                     *         {
                     *           "field": "email",
                     *           "reason": "must be a valid e-mail address"
                     *         }
                     *       ],
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credentials, or an invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "code": "unauthenticated",
                     *       "message": "No credentials, or an invalid or expired token",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not an admin, or x-user-ctx sent from an untrusted network */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "code": "forbidden",
                     *       "message": "Not an admin, or x-user-ctx sent from an untrusted network",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No (live) user with this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "code": "not_found",
                     *       "message": "No (live) user with this id",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected error (logged with the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "error": "Internal Server Error",
                     *       "code": "internal_error",
                     *       "message": "Internal server error",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    UsersAdminController_lock: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description User id (decimal digits) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponseDto"];
                };
            };
            /** @description Malformed id (or body) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "code": "invalid_request",
                     *       "message": "Invalid request: email must be a valid e-mail address",
                     *       "fields": [
                     *         {
                     *           "field": "email",
                     *           "reason": "must be a valid e-mail address"
                     *         }
                     *       ],
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credentials, or an invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "code": "unauthenticated",
                     *       "message": "No credentials, or an invalid or expired token",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not an admin, or x-user-ctx sent from an untrusted network */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "code": "forbidden",
                     *       "message": "Not an admin, or x-user-ctx sent from an untrusted network",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No (live) user with this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "code": "not_found",
                     *       "message": "No (live) user with this id",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected error (logged with the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "error": "Internal Server Error",
                     *       "code": "internal_error",
                     *       "message": "Internal server error",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    UsersAdminController_unlock: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description User id (decimal digits) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponseDto"];
                };
            };
            /** @description Malformed id (or body) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "code": "invalid_request",
                     *       "message": "Invalid request: email must be a valid e-mail address",
                     *       "fields": [
                     *         {
                     *           "field": "email",
                     *           "reason": "must be a valid e-mail address"
                     *         }
                     *       ],
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credentials, or an invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "code": "unauthenticated",
                     *       "message": "No credentials, or an invalid or expired token",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not an admin, or x-user-ctx sent from an untrusted network */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "code": "forbidden",
                     *       "message": "Not an admin, or x-user-ctx sent from an untrusted network",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No (live) user with this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "code": "not_found",
                     *       "message": "No (live) user with this id",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected error (logged with the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "error": "Internal Server Error",
                     *       "code": "internal_error",
                     *       "message": "Internal server error",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    UsersAdminController_setPassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description User id (decimal digits) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetPasswordDto"];
            };
        };
        responses: {
            /** @description Password set */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed id (or body) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "code": "invalid_request",
                     *       "message": "Invalid request: email must be a valid e-mail address",
                     *       "fields": [
                     *         {
                     *           "field": "email",
                     *           "reason": "must be a valid e-mail address"
                     *         }
                     *       ],
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credentials, or an invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "code": "unauthenticated",
                     *       "message": "No credentials, or an invalid or expired token",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not an admin, or x-user-ctx sent from an untrusted network */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "code": "forbidden",
                     *       "message": "Not an admin, or x-user-ctx sent from an untrusted network",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No (live) user with this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "code": "not_found",
                     *       "message": "No (live) user with this id",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected error (logged with the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "error": "Internal Server Error",
                     *       "code": "internal_error",
                     *       "message": "Internal server error",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    SignInController_login: {
        parameters: {
            query?: never;
            header?: {
                /** @description The device credential a sign-in on this client handed out (`deviceToken`), for clients that keep no cookies; browsers send the HttpOnly cookie gatehouse_device instead. With it, failed passwords count against this device only, and the client still signs in while the account is locked to clients without one. */
                "X-Device-Token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            /** @description Signed in: an RS256 access token for the client, a refresh token, and the user */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponseDto"];
                };
            };
            /** @description Missing or invalid field (named in `fields`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "code": "invalid_request",
                     *       "message": "Invalid request: withPassword.password should not be empty",
                     *       "fields": [
                     *         {
                     *           "field": "withPassword.password",
                     *           "reason": "should not be empty"
                     *         }
                     *       ],
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unknown client or wrong client secret (invalid_client), wrong credentials (invalid_credentials), an invalid Google ID token (google_token_<reason>), an invalid/expired/revoked refresh token (invalid_refresh_token) or a reused one (refresh_token_reused); for a user with two-factor sign-in after a right first factor: mfa_required with the mfaToken; at type "mfa": a wrong or already used code (invalid_mfa_code), or an unknown, expired, used, dead or other client's mfaToken (invalid_mfa_token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description type "refresh_token" from a browser client's cookie without X-Requested-With, or from an origin not in CORS_ORIGINS (csrf_check_failed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "code": "csrf_check_failed",
                     *       "message": "A request that uses the gatehouse_refresh cookie must carry an X-Requested-With header",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The account is locked: by an admin, or, for a password sign-in or a code, to this client for LOCKOUT_DURATION after LOCKOUT_THRESHOLD failures (clients without a device credential together; a device on its own) */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 423,
                     *       "error": "Locked",
                     *       "code": "account_locked",
                     *       "message": "This account is locked; contact an administrator",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Too many sign-in attempts from this address, or that did not sign in to this account (code rate_limited) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "code": "rate_limited",
                     *       "message": "Too many attempts; retry in 42 s",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected error (logged with the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "error": "Internal Server Error",
                     *       "code": "internal_error",
                     *       "message": "Internal server error",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description type "google": Google sign-in not configured, or Google keys unreachable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "code": "google_sign_in_not_configured",
                     *       "message": "Google sign-in is not configured on this server (GOOGLE_CLIENT_IDS is empty)",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    OrionSignInController_login: {
        parameters: {
            query?: never;
            header?: {
                /** @description The device credential a sign-in on this client handed out (`deviceToken`), for clients that keep no cookies; browsers send the HttpOnly cookie gatehouse_device instead. With it, failed passwords count against this device only, and the client still signs in while the account is locked to clients without one. */
                "X-Device-Token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["OrionLoginDto"];
                "application/json": components["schemas"]["OrionLoginDto"];
            };
        };
        responses: {
            /** @description Signed in (`{ user, token }`), or, for a user with two-factor sign-in, `{ requires2FA: true, mfaToken, message }`: send mfaToken and a code to /users/login/2fa */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrionAuthenticationDto"] | components["schemas"]["OrionMfaRequiredDto"];
                };
            };
            /** @description email or password missing or invalid, or a body that is neither a form nor JSON (named in `fields`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "code": "invalid_request",
                     *       "message": "Invalid request: email must be a valid e-mail address",
                     *       "fields": [
                     *         {
                     *           "field": "email",
                     *           "reason": "must be a valid e-mail address"
                     *         }
                     *       ],
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unknown user or wrong password (one identical body: invalid_credentials), or a disabled account (account_disabled) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "code": "unauthenticated",
                     *       "message": "Unknown user or wrong password (one identical body: invalid_credentials), or a disabled account (account_disabled)",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported content type (e.g. multipart/form-data) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "code": "unsupported_media_type",
                     *       "message": "Unsupported content type (e.g. multipart/form-data)",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The account is locked (by an admin, or to this client after too many failed passwords) */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 423,
                     *       "error": "Locked",
                     *       "code": "account_locked",
                     *       "message": "The account is locked (by an admin, or to this client after too many failed passwords)",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Too many sign-in attempts from this address, or that did not sign in to this account (code rate_limited) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "code": "rate_limited",
                     *       "message": "Too many attempts; retry in 42 s",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected error (logged with the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "error": "Internal Server Error",
                     *       "code": "internal_error",
                     *       "message": "Internal server error",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    OrionSignInController_loginWithGoogle: {
        parameters: {
            query?: never;
            header?: {
                /** @description The device credential a sign-in on this client handed out (`deviceToken`), for clients that keep no cookies; browsers send the HttpOnly cookie gatehouse_device instead. With it, failed passwords count against this device only, and the client still signs in while the account is locked to clients without one. */
                "X-Device-Token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["OrionGoogleLoginDto"];
                "application/json": components["schemas"]["OrionGoogleLoginDto"];
            };
        };
        responses: {
            /** @description Signed in (`{ user, token }`), or, for a user with two-factor sign-in, `{ requires2FA: true, mfaToken, message }`: send mfaToken and a code to /users/login/2fa */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrionAuthenticationDto"] | components["schemas"]["OrionMfaRequiredDto"];
                };
            };
            /** @description idToken missing, or a body that is neither a form nor JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "code": "invalid_request",
                     *       "message": "Invalid request: email must be a valid e-mail address",
                     *       "fields": [
                     *         {
                     *           "field": "email",
                     *           "reason": "must be a valid e-mail address"
                     *         }
                     *       ],
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Invalid Google ID token (code google_token_expired, google_token_bad_signature, google_token_wrong_audience, …), or a disabled account */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "code": "unauthenticated",
                     *       "message": "Invalid Google ID token (code google_token_expired, google_token_bad_signature, google_token_wrong_audience, …), or a disabled account",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported content type (e.g. multipart/form-data) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "code": "unsupported_media_type",
                     *       "message": "Unsupported content type (e.g. multipart/form-data)",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The account is locked */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 423,
                     *       "error": "Locked",
                     *       "code": "account_locked",
                     *       "message": "The account is locked",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Too many sign-in attempts from this address, or that did not sign in to this account (code rate_limited) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "code": "rate_limited",
                     *       "message": "Too many attempts; retry in 42 s",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected error (logged with the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "error": "Internal Server Error",
                     *       "code": "internal_error",
                     *       "message": "Internal server error",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Google sign-in not configured (google_sign_in_not_configured) or Google keys unreachable (google_keys_unavailable) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "code": "service_unavailable",
                     *       "message": "Google sign-in not configured (google_sign_in_not_configured) or Google keys unreachable (google_keys_unavailable)",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    OrionSignInController_loginWithMfa: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["OrionMfaLoginDto"];
                "application/json": components["schemas"]["OrionMfaLoginDto"];
            };
        };
        responses: {
            /** @description Signed in: `{ user, token }`, with `using2FA: true` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrionAuthenticationDto"];
                };
            };
            /** @description mfaToken or code missing or malformed, or a body that is neither a form nor JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "code": "invalid_request",
                     *       "message": "Invalid request: email must be a valid e-mail address",
                     *       "fields": [
                     *         {
                     *           "field": "email",
                     *           "reason": "must be a valid e-mail address"
                     *         }
                     *       ],
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A wrong or already used code (invalid_mfa_code), or an unknown, expired, used or dead mfaToken, or one from /api/auth/login (invalid_mfa_token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "code": "invalid_mfa_code",
                     *       "message": "The two-factor code is not correct",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported content type (e.g. multipart/form-data) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "code": "unsupported_media_type",
                     *       "message": "Unsupported content type (e.g. multipart/form-data)",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The account is locked (wrong codes count toward the lockout) */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 423,
                     *       "error": "Locked",
                     *       "code": "account_locked",
                     *       "message": "The account is locked (wrong codes count toward the lockout)",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Too many sign-in attempts from this address, or that did not sign in to this account (code rate_limited) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "code": "rate_limited",
                     *       "message": "Too many attempts; retry in 42 s",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected error (logged with the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "error": "Internal Server Error",
                     *       "code": "internal_error",
                     *       "message": "Internal server error",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    OrionSignInController_loginWithGoogleMfa: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["OrionMfaLoginDto"];
                "application/json": components["schemas"]["OrionMfaLoginDto"];
            };
        };
        responses: {
            /** @description Signed in: `{ user, token }`, with `using2FA: true` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrionAuthenticationDto"];
                };
            };
            /** @description mfaToken or code missing or malformed, or a body that is neither a form nor JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "code": "invalid_request",
                     *       "message": "Invalid request: email must be a valid e-mail address",
                     *       "fields": [
                     *         {
                     *           "field": "email",
                     *           "reason": "must be a valid e-mail address"
                     *         }
                     *       ],
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A wrong or already used code (invalid_mfa_code), or an unknown, expired, used or dead mfaToken, or one from /api/auth/login (invalid_mfa_token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "code": "invalid_mfa_code",
                     *       "message": "The two-factor code is not correct",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported content type (e.g. multipart/form-data) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "code": "unsupported_media_type",
                     *       "message": "Unsupported content type (e.g. multipart/form-data)",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The account is locked (wrong codes count toward the lockout) */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 423,
                     *       "error": "Locked",
                     *       "code": "account_locked",
                     *       "message": "The account is locked (wrong codes count toward the lockout)",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Too many sign-in attempts from this address, or that did not sign in to this account (code rate_limited) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "code": "rate_limited",
                     *       "message": "Too many attempts; retry in 42 s",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected error (logged with the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "error": "Internal Server Error",
                     *       "code": "internal_error",
                     *       "message": "Internal server error",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    LogoutController_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LogoutDto"];
            };
        };
        responses: {
            /** @description The session (if any) is ended */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid refreshToken */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "code": "invalid_request",
                     *       "message": "Invalid request: email must be a valid e-mail address",
                     *       "fields": [
                     *         {
                     *           "field": "email",
                     *           "reason": "must be a valid e-mail address"
                     *         }
                     *       ],
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The cookie was sent without X-Requested-With or from an origin not in CORS_ORIGINS (csrf_check_failed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "code": "csrf_check_failed",
                     *       "message": "A request that uses the gatehouse_refresh cookie must carry an X-Requested-With header",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected error (logged with the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "error": "Internal Server Error",
                     *       "code": "internal_error",
                     *       "message": "Internal server error",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    LogoutController_logoutAll: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every session of the caller is ended */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "code": "unauthenticated",
                     *       "message": "Missing, invalid or expired token",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected error (logged with the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "error": "Internal Server Error",
                     *       "code": "internal_error",
                     *       "message": "Internal server error",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    WellKnownController_jwks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JwksDto"];
                };
            };
            /** @description Unexpected error (logged with the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "error": "Internal Server Error",
                     *       "code": "internal_error",
                     *       "message": "Internal server error",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    WellKnownController_openIdConfiguration: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenIdConfigurationDto"];
                };
            };
            /** @description Unexpected error (logged with the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "error": "Internal Server Error",
                     *       "code": "internal_error",
                     *       "message": "Internal server error",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    PasswordChangeController_change: {
        parameters: {
            query?: never;
            header?: {
                /** @description The device credential a sign-in on this client handed out (`deviceToken`), for clients that keep no cookies; browsers send the HttpOnly cookie gatehouse_device instead. With it, failed passwords count against this device only, and the client still signs in while the account is locked to clients without one. */
                "X-Device-Token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordDto"];
            };
        };
        responses: {
            /** @description Password changed; a new session for the caller */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionResponseDto"];
                };
            };
            /** @description Missing field, or the new password breaks the rules */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "code": "invalid_request",
                     *       "message": "Invalid request: email must be a valid e-mail address",
                     *       "fields": [
                     *         {
                     *           "field": "email",
                     *           "reason": "must be a valid e-mail address"
                     *         }
                     *       ],
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "code": "unauthenticated",
                     *       "message": "Missing, invalid or expired token",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The current password is not correct (invalid_current_password) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "code": "forbidden",
                     *       "message": "The current password is not correct (invalid_current_password)",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The password was changed concurrently */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "code": "conflict",
                     *       "message": "The password was changed concurrently",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Too many wrong passwords: the account is locked to this client (no device credential, or this device) for LOCKOUT_DURATION */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 423,
                     *       "error": "Locked",
                     *       "code": "account_locked",
                     *       "message": "Too many wrong passwords: the account is locked to this client (no device credential, or this device) for LOCKOUT_DURATION",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Too many sign-in attempts from this address, or that did not sign in to this account (code rate_limited) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "code": "rate_limited",
                     *       "message": "Too many attempts; retry in 42 s",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected error (logged with the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "error": "Internal Server Error",
                     *       "code": "internal_error",
                     *       "message": "Internal server error",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    GoogleIdentityController_link: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GoogleCredentialsDto"];
            };
        };
        responses: {
            /** @description The Google account is linked */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LinkedIdentityDto"];
                };
            };
            /** @description idToken missing or not a string */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "code": "invalid_request",
                     *       "message": "Invalid request: email must be a valid e-mail address",
                     *       "fields": [
                     *         {
                     *           "field": "email",
                     *           "reason": "must be a valid e-mail address"
                     *         }
                     *       ],
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Missing, invalid or expired Bearer token, or an invalid Google ID token (google_token_<reason>) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "code": "unauthenticated",
                     *       "message": "A valid Bearer access token is required",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The Google account is linked to another user (google_account_linked_elsewhere), or yours to another Google account (google_account_mismatch) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "code": "google_account_linked_elsewhere",
                     *       "message": "This Google account is linked to another user",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected error (logged with the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "error": "Internal Server Error",
                     *       "code": "internal_error",
                     *       "message": "Internal server error",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Google sign-in not configured, or Google keys unreachable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "code": "google_sign_in_not_configured",
                     *       "message": "Google sign-in is not configured on this server (GOOGLE_CLIENT_IDS is empty)",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    GoogleIdentityController_unlink: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Google account is no longer linked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "code": "unauthenticated",
                     *       "message": "A valid Bearer access token is required",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No Google account is linked */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "code": "not_found",
                     *       "message": "No Google account is linked",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The account has no password: Google is its only way in (last_sign_in_method) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "code": "last_sign_in_method",
                     *       "message": "This is the only way to sign in to this account (it has no password); it cannot be unlinked",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected error (logged with the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "error": "Internal Server Error",
                     *       "code": "internal_error",
                     *       "message": "Internal server error",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    TwoFactorController_start: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TotpEnrolmentDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "code": "unauthenticated",
                     *       "message": "Missing, invalid or expired token",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Two-factor sign-in is already on (mfa_already_enabled) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "code": "conflict",
                     *       "message": "Two-factor sign-in is already on (mfa_already_enabled)",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected error (logged with the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "error": "Internal Server Error",
                     *       "code": "internal_error",
                     *       "message": "Internal server error",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    TwoFactorController_confirm: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConfirmTotpDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TwoFactorEnabledDto"];
                };
            };
            /** @description code missing or not 6 digits, or password missing */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "code": "invalid_request",
                     *       "message": "Invalid request: email must be a valid e-mail address",
                     *       "fields": [
                     *         {
                     *           "field": "email",
                     *           "reason": "must be a valid e-mail address"
                     *         }
                     *       ],
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "code": "unauthenticated",
                     *       "message": "Missing, invalid or expired token",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A wrong or already used code (invalid_mfa_code; counts toward the lockout), or a wrong password (invalid_current_password) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "code": "invalid_mfa_code",
                     *       "message": "The two-factor code is not correct",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No enrolment started (mfa_enrolment_not_started), already on (mfa_already_enabled), or restarted meanwhile (mfa_enrolment_changed) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "code": "conflict",
                     *       "message": "No enrolment started (mfa_enrolment_not_started), already on (mfa_already_enabled), or restarted meanwhile (mfa_enrolment_changed)",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Too many wrong passwords: the account is locked */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 423,
                     *       "error": "Locked",
                     *       "code": "account_locked",
                     *       "message": "Too many wrong passwords: the account is locked",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Too many sign-in attempts from this address, or that did not sign in to this account (code rate_limited) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "code": "rate_limited",
                     *       "message": "Too many attempts; retry in 42 s",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected error (logged with the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "error": "Internal Server Error",
                     *       "code": "internal_error",
                     *       "message": "Internal server error",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    TwoFactorController_replaceRecoveryCodes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SecondFactorCodeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecoveryCodesDto"];
                };
            };
            /** @description code missing or malformed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "code": "invalid_request",
                     *       "message": "Invalid request: email must be a valid e-mail address",
                     *       "fields": [
                     *         {
                     *           "field": "email",
                     *           "reason": "must be a valid e-mail address"
                     *         }
                     *       ],
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "code": "unauthenticated",
                     *       "message": "Missing, invalid or expired token",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A wrong or already used code (invalid_mfa_code; counts toward the lockout), or a wrong password (invalid_current_password) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "code": "invalid_mfa_code",
                     *       "message": "The two-factor code is not correct",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Two-factor sign-in is not on (mfa_not_enabled) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "code": "conflict",
                     *       "message": "Two-factor sign-in is not on (mfa_not_enabled)",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The account is locked */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 423,
                     *       "error": "Locked",
                     *       "code": "account_locked",
                     *       "message": "The account is locked",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Too many sign-in attempts from this address, or that did not sign in to this account (code rate_limited) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "code": "rate_limited",
                     *       "message": "Too many attempts; retry in 42 s",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected error (logged with the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "error": "Internal Server Error",
                     *       "code": "internal_error",
                     *       "message": "Internal server error",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    TwoFactorController_disable: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DisableTwoFactorDto"];
            };
        };
        responses: {
            /** @description Two-factor sign-in is off */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description code missing or malformed, or password missing */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "code": "invalid_request",
                     *       "message": "Invalid request: email must be a valid e-mail address",
                     *       "fields": [
                     *         {
                     *           "field": "email",
                     *           "reason": "must be a valid e-mail address"
                     *         }
                     *       ],
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "code": "unauthenticated",
                     *       "message": "Missing, invalid or expired token",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A wrong or already used code (invalid_mfa_code; counts toward the lockout), or a wrong password (invalid_current_password) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "code": "invalid_mfa_code",
                     *       "message": "The two-factor code is not correct",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Two-factor sign-in is not on (mfa_not_enabled) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "code": "conflict",
                     *       "message": "Two-factor sign-in is not on (mfa_not_enabled)",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The account is locked */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 423,
                     *       "error": "Locked",
                     *       "code": "account_locked",
                     *       "message": "The account is locked",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Too many sign-in attempts from this address, or that did not sign in to this account (code rate_limited) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "code": "rate_limited",
                     *       "message": "Too many attempts; retry in 42 s",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected error (logged with the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "error": "Internal Server Error",
                     *       "code": "internal_error",
                     *       "message": "Internal server error",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    TwoFactorAdminController_reset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description User id (decimal digits) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Two-factor sign-in is off for the user */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed id (or body) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "code": "invalid_request",
                     *       "message": "Invalid request: email must be a valid e-mail address",
                     *       "fields": [
                     *         {
                     *           "field": "email",
                     *           "reason": "must be a valid e-mail address"
                     *         }
                     *       ],
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credentials, or an invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "code": "unauthenticated",
                     *       "message": "No credentials, or an invalid or expired token",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not an admin, or x-user-ctx sent from an untrusted network */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "code": "forbidden",
                     *       "message": "Not an admin, or x-user-ctx sent from an untrusted network",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No (live) user with this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "code": "not_found",
                     *       "message": "No (live) user with this id",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected error (logged with the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "error": "Internal Server Error",
                     *       "code": "internal_error",
                     *       "message": "Internal server error",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    PasswordResetController_forgot: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ForgotPasswordDto"];
            };
        };
        responses: {
            /** @description Accepted; a mail is on its way if the account exists */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "message": "If an account has this e-mail address, a link to reset its password has been sent to it"
                     *     }
                     */
                    "application/json": components["schemas"]["AcceptedResponseDto"];
                };
            };
            /** @description Missing or invalid email */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "code": "invalid_request",
                     *       "message": "Invalid request: email must be a valid e-mail address",
                     *       "fields": [
                     *         {
                     *           "field": "email",
                     *           "reason": "must be a valid e-mail address"
                     *         }
                     *       ],
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Too many requests from this address (code rate_limited) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "code": "rate_limited",
                     *       "message": "Too many attempts; retry in 42 s",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected error (logged with the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "error": "Internal Server Error",
                     *       "code": "internal_error",
                     *       "message": "Internal server error",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    PasswordResetController_reset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResetPasswordDto"];
            };
        };
        responses: {
            /** @description Password set; every session ended */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PasswordResetResponseDto"];
                };
            };
            /** @description Missing field, a new password that breaks the rules, or a token that is unknown, used, replaced or expired (invalid_reset_token) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "code": "invalid_reset_token",
                     *       "message": "This password-reset link is invalid, used or expired; ask for a new one",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Too many requests from this address (code rate_limited) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "code": "rate_limited",
                     *       "message": "Too many attempts; retry in 42 s",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected error (logged with the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "error": "Internal Server Error",
                     *       "code": "internal_error",
                     *       "message": "Internal server error",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    VerificationLinkController_send: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The link is on its way */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "message": "A verification link has been sent to your e-mail address"
                     *     }
                     */
                    "application/json": components["schemas"]["AcceptedResponseDto"];
                };
            };
            /** @description Missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "code": "unauthenticated",
                     *       "message": "A valid Bearer access token is required",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The address is already verified (email_already_verified) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "code": "email_already_verified",
                     *       "message": "This e-mail address is already verified",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A link was sent less than EMAIL_VERIFICATION_INTERVAL ago (code rate_limited) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "code": "rate_limited",
                     *       "message": "Too many attempts; retry in 42 s",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected error (logged with the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "error": "Internal Server Error",
                     *       "code": "internal_error",
                     *       "message": "Internal server error",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    EmailVerificationController_verify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VerifyEmailDto"];
            };
        };
        responses: {
            /** @description The address is verified (`emailVerified` is now true) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmailVerifiedResponseDto"];
                };
            };
            /** @description Missing token, or one that is unknown, used, replaced, expired or for a former address (invalid_verification_token) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "code": "invalid_verification_token",
                     *       "message": "This verification link is invalid, used or expired; ask for a new one",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Too many requests from this address (code rate_limited) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "code": "rate_limited",
                     *       "message": "Too many attempts; retry in 42 s",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected error (logged with the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "error": "Internal Server Error",
                     *       "code": "internal_error",
                     *       "message": "Internal server error",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    SignUpController_signUp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignUpDto"];
            };
        };
        responses: {
            /** @description Accepted; a mail is on its way */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "message": "Check your e-mail: we sent you a link to finish signing up"
                     *     }
                     */
                    "application/json": components["schemas"]["AcceptedResponseDto"];
                };
            };
            /** @description Missing or invalid field, or a password that breaks the rules */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "code": "invalid_request",
                     *       "message": "Invalid request: email must be a valid e-mail address",
                     *       "fields": [
                     *         {
                     *           "field": "email",
                     *           "reason": "must be a valid e-mail address"
                     *         }
                     *       ],
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Sign-up is off (SIGNUP_ENABLED is not true) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "code": "signup_disabled",
                     *       "message": "Sign-up is not open on this service",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Too many requests from this address (code rate_limited) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "code": "rate_limited",
                     *       "message": "Too many attempts; retry in 42 s",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected error (logged with the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "error": "Internal Server Error",
                     *       "code": "internal_error",
                     *       "message": "Internal server error",
                     *       "requestId": "5f0c6a3e-4b7d-4f7e-9d38-3f0f2a1c9b11"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
}
