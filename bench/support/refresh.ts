import { benchEmail, refreshBody, seedThroughApi, signIn, startGatehouse } from './gatehouse';
import { LoadResult, refreshLoad } from './load';

/** Sessions refreshed in the phase (one refresh-token family each), over as many users. */
const REFRESH_SESSIONS = 256;
const FIRST_USER = 10_000;
export const REFRESH_CONNECTIONS = 16;

export interface RefreshResult extends LoadResult {
  sessions: number;
  delayP99Ms: number;
  /** Settings the phase ran with beyond the scenario's, e.g. SQLITE_SYNCHRONOUS=normal. */
  env: Record<string, string>;
}

/**
 * `type: "refresh_token"` under load on a fresh instance on the scenario's database. Its users are made at
 * BCRYPT_COST=4 so that the set-up (a sign-in per session) takes a second rather than a minute: the cost of the
 * password hash plays no part in a refresh. Each request spends a token and the next request of that session uses
 * the successor from the answer (refreshLoad), as a browser does.
 */
export async function refreshPhase(
  databaseUrl: string,
  hasher: string,
  seconds: number,
  log: (s: string) => void,
  env: Record<string, string> = {},
): Promise<RefreshResult> {
  const server = await startGatehouse(databaseUrl, hasher, 4, env);
  try {
    await seedThroughApi(server, REFRESH_SESSIONS, FIRST_USER);
    const tokens: string[] = [];
    for (let i = 0; i < REFRESH_SESSIONS; i += 8) {
      const batch = Array.from({ length: 8 }, (_, k) => signIn(server, benchEmail(FIRST_USER + i + k)));
      for (const s of await Promise.all(batch)) tokens.push(s.refreshToken);
    }
    const url = `${server.url}/api/auth/login`;
    log(`refresh: ${tokens.length} sessions; warm-up`);
    const warm = await refreshLoad({ url, connections: REFRESH_CONNECTIONS, seconds: 2, tokens, body: refreshBody });
    if (warm.non2xx + warm.errors > 0) throw new Error(`refresh warm-up: ${warm.non2xx} non-2xx, ${warm.errors} errors\n${server.log}`);
    await server.probe('reset');
    const result = await refreshLoad({ url, connections: REFRESH_CONNECTIONS, seconds, tokens: warm.live, body: refreshBody });
    const probe = await server.probe('report');
    return { ...result, sessions: warm.live.length, delayP99Ms: probe.delayP99Ms, env };
  } finally {
    await server.stop();
  }
}
