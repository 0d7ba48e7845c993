import { User } from '../users/user.entity';

/** Who is calling: a signed-in user (Bearer token) or another system (x-user-ctx from a trusted network). */
export type Principal =
  | { kind: 'user'; user: User }
  | { kind: 'system'; id: string; user: string };

/** The id written to createdBy / updatedBy. */
export function actorId(p: Principal): string {
  return p.kind === 'user' ? p.user.id : p.id;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}
