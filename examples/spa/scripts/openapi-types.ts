/**
 * The example SPA's API types, generated from Gatehouse's own OpenAPI document:
 *   npm run example:spa:types           writes examples/spa/src/api/schema.d.ts
 *   npm run example:spa:types -- --check  exits 1 when the checked-in file is stale (test/spa-types.e2e-spec.ts)
 * The document is built by the app itself without listening (an in-memory SQLite, a throw-away key), from a fixed
 * configuration and no .env file, so the output does not depend on the machine it runs on.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { createApp } from '../../../src/app.factory';
import { loadConfig } from '../../../src/config/load-config';

export const SCHEMA_FILE = join(__dirname, '..', 'src', 'api', 'schema.d.ts');

const HEADER = '// Generated from the Gatehouse OpenAPI document by `npm run example:spa:types`: do not edit.\n\n';

/** GET /docs-json of an app that is built, initialised and closed again without ever listening. */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const keys = mkdtempSync(join(tmpdir(), 'gatehouse-openapi-'));
  const env = {
    DATABASE_URL: 'sqlite::memory:',
    LOG_LEVEL: 'silent',
    JWT_KEYS_DIR: keys,
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    DEVICE_TOKEN_SECRET: randomBytes(32).toString('hex'),
    MAIL_OUTBOX_DIR: join(keys, 'outbox'),
  };
  const app = await createApp({ config: loadConfig(env, { envFile: null }), logger: false });
  try {
    await app.init();
    const res = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/docs-json' });
    if (res.statusCode !== 200) throw new Error(`GET /docs-json answered ${res.statusCode}`);
    return res.json();
  } finally {
    await app.close();
    rmSync(keys, { recursive: true, force: true });
  }
}

/** The TypeScript types of the document, as written to SCHEMA_FILE. */
export async function schemaTypes(): Promise<string> {
  const ast = await openapiTS(JSON.stringify(await openApiDocument()));
  return HEADER + astToString(ast);
}

async function main(): Promise<void> {
  const types = await schemaTypes();
  if (!process.argv.includes('--check')) {
    writeFileSync(SCHEMA_FILE, types);
    console.log(`written: ${SCHEMA_FILE}`);
    return;
  }
  if (readFileSync(SCHEMA_FILE, 'utf8') !== types) {
    console.error(`${SCHEMA_FILE} is stale: run npm run example:spa:types`);
    process.exitCode = 1;
  }
}

if (require.main === module) void main();
