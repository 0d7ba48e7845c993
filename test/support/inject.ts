import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { TestApp } from './test-app';

/** light-my-request straight into Fastify: no socket, exact bytes and headers as sent (for malformed input). */
export function inject(t: TestApp, options: InjectOptions): Promise<LightMyRequestResponse> {
  return t.app.getHttpAdapter().getInstance().inject(options);
}
