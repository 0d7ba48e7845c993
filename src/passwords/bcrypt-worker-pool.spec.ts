import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as ts from 'typescript';
import { bcryptWorkerFile } from './bcrypt-worker-pool';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');

/**
 * Emits src/passwords/*.ts the way the build does (CommonJS .js files side by side, as under dist/src/passwords),
 * without type-checking, so the compiled layout can be exercised in a plain Node process.
 */
function emitCompiledPasswords(): string {
  const out = mkdtempSync(join(tmpdir(), 'gatehouse-passwords-'));
  const { options: compilerOptions } = ts.convertCompilerOptionsFromJson(
    { module: 'commonjs', target: 'ES2022', esModuleInterop: true, experimentalDecorators: true, emitDecoratorMetadata: true },
    ROOT,
  );
  for (const file of readdirSync(__dirname).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))) {
    const source = ts.sys.readFile(join(__dirname, file))!;
    const js = ts.transpileModule(source, { compilerOptions, fileName: file }).outputText;
    writeFileSync(join(out, file.replace(/\.ts$/, '.js')), js);
  }
  return out;
}

describe('bcrypt worker pool file', () => {
  it('under ts-jest (TypeScript sources) loads the .ts worker through ts-node', () => {
    const { filename, execArgv } = bcryptWorkerFile();
    expect(filename).toBe(join(__dirname, 'bcrypt.worker.ts'));
    expect(execArgv).toEqual(['--require', require.resolve('ts-node/register/transpile-only')]);
  });

  it('in the compiled layout loads the compiled .js worker with plain Node, and hashes and verifies there', async () => {
    const dir = emitCompiledPasswords();
    try {
      const script = `
        const { BcryptjsWorkersHasher } = require(${JSON.stringify(join(dir, 'bcryptjs-workers.hasher.js'))});
        const { bcryptWorkerFile } = require(${JSON.stringify(join(dir, 'bcrypt-worker-pool.js'))});
        (async () => {
          const hasher = new BcryptjsWorkersHasher(4, 1);
          const hash = await hasher.hash('pw');
          const seed = await hasher.verify('C3rs3i#L4nnist3r', '$2b$06$k2WcyM0iw0Jy3aYfFBi2MuNwunZtO0S9uTV1QEyqKtmM3t/4JwYcC');
          const wrong = await hasher.verify('other', hash);
          await hasher.close();
          console.log(JSON.stringify({ file: bcryptWorkerFile(), hash, seed, wrong, tsNode: Object.keys(require.cache).some((k) => k.includes('ts-node')) }));
        })().catch((e) => { console.error(e); process.exit(1); });`;
      // NODE_PATH lets the emitted files (outside the project) find piscina and bcryptjs in node_modules.
      const { stdout } = await run(process.execPath, ['-e', script], {
        env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
        timeout: 30000,
      });
      const result = JSON.parse(stdout.trim()) as { file: { filename: string; execArgv?: string[] }; hash: string; seed: boolean; wrong: boolean; tsNode: boolean };
      expect(result.file).toEqual({ filename: join(dir, 'bcrypt.worker.js') });
      expect(result.hash).toMatch(/^\$2b\$04\$/);
      expect(result.seed).toBe(true);
      expect(result.wrong).toBe(false);
      expect(result.tsNode).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
