import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const ROOT = join(__dirname, '..');

describe('the example SPA\'s API types (examples/spa/src/api/schema.d.ts)', () => {
  // A child process: openapi-typescript loads ES modules that Jest's CommonJS runtime cannot.
  it('are those of the current OpenAPI document (else: npm run example:spa:types)', async () => {
    const run = promisify(execFile)(process.execPath, ['-r', 'ts-node/register/transpile-only', 'examples/spa/scripts/openapi-types.ts', '--check'], {
      cwd: ROOT,
      env: process.env,
    });
    await expect(run).resolves.toEqual(expect.objectContaining({ stderr: '' }));
  }, 120_000);
});
