import { Logger } from '@nestjs/common';

/**
 * Longest wait for in-flight requests: under Kubernetes' default 30 s grace period, after which it would SIGKILL
 * the process anyway; a request stuck longer is cut and the exit code (1) says so.
 */
const SHUTDOWN_DEADLINE_MS = 25_000;

/**
 * SIGTERM / SIGINT: first `drain` (the readiness probe fails for SHUTDOWN_DRAIN_DELAY while requests are still served,
 * so a load balancer stops sending new ones), then stop accepting connections, let in-flight requests finish
 * (Fastify's close waits for them and answers requests arriving on kept-alive connections with 503 + Connection:
 * close), close the database, exit 0. A second signal while draining or closing exits at once.
 */
export function exitGracefullyOn(signals: NodeJS.Signals[], close: () => Promise<void>, drain: () => Promise<void> = async () => {}): void {
  const logger = new Logger('Shutdown');
  let closing = false;
  for (const signal of signals) {
    process.on(signal, () => {
      if (closing) process.exit(1);
      closing = true;
      logger.log(`${signal} received: finishing in-flight requests, then exiting`);
      const closeWithDeadline = () => {
        setTimeout(() => {
          logger.error(`In-flight requests still running after ${SHUTDOWN_DEADLINE_MS} ms; exiting anyway`);
          process.exit(1);
        }, SHUTDOWN_DEADLINE_MS).unref();
        return close();
      };
      drain().then(closeWithDeadline).then(
        () => process.exit(0),
        (e: Error) => {
          logger.error(`Shutdown failed: ${e.message}`);
          process.exit(1);
        },
      );
    });
  }
}
