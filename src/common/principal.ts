/**
 * What the shared decorators and guards need of a signed-in user. The users feature's entity has these and more;
 * `common` names only this shape so that it depends on no feature.
 */
export interface PrincipalUser {
  id: string;
  roles: string[] | null;
}

/**
 * Who is calling: a signed-in user (Bearer token; `audience` is the token's `aud`, the client it was issued to) or
 * another system (x-user-ctx from a trusted network). Set once per request by the global authentication guard.
 */
export type Principal =
  | { kind: 'user'; user: PrincipalUser; audience: string }
  | { kind: 'system'; id: string; user: string };

/** The id written to createdBy / updatedBy. */
export function actorId(p: Principal): string {
  return p.kind === 'user' ? p.user.id : p.id;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The one value the authentication guard leaves on a request; read through @CurrentPrincipal() / @CurrentUser(). */
    principal?: Principal;
  }
}
