import { isUniqueViolation } from '../common/errors/database-errors';

/**
 * Runs `attempt` (one transaction) again when it loses a race on a unique key, up to `attempts` times in all: two
 * requests creating the same row both try to insert, one fails on the key and rolls back, and its next attempt finds
 * what the winner wrote. Any other error, and the unique violation of the last attempt, reach the caller.
 */
export async function retryOnClash<T>(attempt: () => Promise<T>, attempts = 3): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (e) {
      if (!isUniqueViolation(e) || n >= attempts) throw e;
    }
  }
}
