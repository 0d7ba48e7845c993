import type { FastifyInstance } from 'fastify';

export interface RouteInfo {
  method: string;
  url: string;
}

/**
 * Every route the running app serves, read from Fastify's own route tree (printRoutes), so routes added by any
 * module are included without listing them here. Each tree line is `<indent>── <segment> (<METHODS>)`, four
 * columns per level; a route's URL is its ancestors' segments followed by its own.
 */
export function appRoutes(fastify: FastifyInstance): RouteInfo[] {
  const stack: string[] = [];
  const routes: RouteInfo[] = [];
  for (const line of fastify.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^(.*?)── (.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = Math.floor(m[1].length / 4);
    stack.length = depth;
    stack[depth] = m[2];
    const url = stack.join('');
    for (const method of (m[3] ?? '').split(',').map((s) => s.trim()).filter(Boolean)) routes.push({ method, url });
  }
  return routes;
}
