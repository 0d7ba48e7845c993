import { Logger } from '@nestjs/common';

/**
 * A warning written at most once per `everyMs`: while Redis is down every request would otherwise log the same
 * line, drowning the rest.
 */
export function throttledWarning(logger: Logger, everyMs = 30_000): (message: string) => void {
  let last = 0;
  return (message) => {
    if (Date.now() - last < everyMs) return;
    last = Date.now();
    logger.warn(message);
  };
}
