/** The prefixes of the API's own routes; Swagger UI's pages under /docs/ keep their slashes. */
const API_PREFIXES = ['/api/', '/users/'];

/**
 * The URL with the trailing slash of an API path removed (`/api/users/` → `/api/users`, query kept), so a path
 * spelled with one, as the sync document spells `PUT /api/users/`, reaches its route instead of a 404. Done as a URL
 * rewrite before routing rather than with the router's ignoreTrailingSlash, which would also change /docs/.
 */
export function withoutTrailingSlash(url: string): string {
  const query = url.indexOf('?');
  const path = query < 0 ? url : url.slice(0, query);
  if (path.length < 2 || !path.endsWith('/') || !API_PREFIXES.some((p) => path.startsWith(p)) || path.endsWith('//')) return url;
  return path.slice(0, -1) + (query < 0 ? '' : url.slice(query));
}
