/**
 * The groups of the OpenAPI document, in the order Swagger UI lists them: the order of a user's journey. A person
 * signs in first (either API), then looks after the account and its second factor; the services the person uses then
 * verify the tokens and sync users; admins and operators come last. Controllers name them as strings; the coverage
 * test checks that every operation carries one of these and that the document declares them in this order (Swagger
 * UI would otherwise list the tags in the order the controllers happen to be registered).
 */
export const API_TAGS = [
  { name: 'auth', description: 'Sign in through a client application (password, Google, the second step of two-factor sign-in), refresh, sign out; sign-up, password reset and e-mail verification' },
  { name: 'orion', description: 'The same sign-in in the Orion shape: no client credentials, a form or JSON body, the answer `{ user, token }`' },
  { name: 'account', description: "The signed-in user's own account (Bearer token): profile, password, linked Google account, e-mail verification" },
  { name: 'two-factor', description: 'Turning two-factor sign-in (TOTP app and recovery codes) on and off, for the signed-in user' },
  { name: 'well-known', description: "For the services that receive Gatehouse's tokens: the public keys that verify them, and discovery metadata" },
  { name: 'sync', description: 'Server to server: back ends create and update users (`x-user-ctx` from a trusted network, or an admin token), one by one or in bulk' },
  { name: 'users (admin)', description: 'Admins manage users: list, read, change, lock, delete, reset a password or a second factor' },
  { name: 'audit', description: 'Admins read the security events' },
  { name: 'health', description: 'Probes for the orchestrator and the load balancer' },
  { name: 'operations', description: 'Prometheus metrics' },
] as const;

