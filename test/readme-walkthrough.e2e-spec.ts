import { execFile, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SQLITE } from './support/databases';
import { describeRequiring, Requirement } from './support/skips';
import { listen, useTestApp } from './support/test-app';

const README = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
const README_BASE = 'http://localhost:8080';

/** The first ```bash block after the line `heading` (list-item indentation removed). */
function bashBlockAfter(markdown: string, heading: string): string {
  const from = markdown.indexOf(`\n${heading}\n`);
  if (from < 0) throw new Error(`README has no line "${heading}"`);
  const block = /\n( *)```bash\n([\s\S]*?)\n\1```/.exec(markdown.slice(from));
  if (!block) throw new Error(`no bash block after "${heading}"`);
  const indent = block[1];
  return block[2]
    .split('\n')
    .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line))
    .join('\n');
}

/** bash, curl and jq, which the README's walkthroughs use. */
function shellTools(): Requirement {
  const missing = ['bash', 'curl', 'jq'].filter((tool) => {
    try {
      execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
      return false;
    } catch {
      return true;
    }
  });
  return { name: 'curl and jq', missing: missing.length ? `${missing.join(', ')} not on PATH` : null, requireVar: 'REQUIRE_SHELL_TOOLS' };
}

/**
 * The README's curl walkthroughs (the sync flow, the Orion sign-in, the refresh), run as a reader runs them: one bash
 * session, in the order of the README, with curl and jq, against the app listening on 127.0.0.1 instead of
 * localhost:8080. A walkthrough that answers 401 because a step is missing, or reads a field that is not in the
 * answer, fails here.
 */
describeRequiring(shellTools(), "README's curl walkthroughs", () => {
  const t = useTestApp(SQLITE);
  let parts: Record<string, string>;

  beforeAll(async () => {
    const base = await listen(t);
    const steps = {
      sync: bashBlockAfter(README, '## The third-party sync flow, with curl'),
      orion: bashBlockAfter(README, '## The Orion API and Google sign-in, with curl'),
      refresh: bashBlockAfter(README, '## Sessions: access and refresh tokens'),
    };
    const script = [
      'set -euo pipefail',
      ...Object.entries(steps).map(([name, code]) => `echo '@@@ ${name}'\n${code}`),
      // What the reader holds at the end: the access token of the last refresh still works.
      `echo '@@@ after'\ncurl -s -o /dev/null -w '%{http_code}\\n' ${README_BASE}/api/users/me -H "Authorization: Bearer $TOKEN"`,
    ]
      .join('\n')
      .replaceAll(README_BASE, base);
    const { stdout } = await promisify(execFile)('bash', ['-c', script], { timeout: 60_000 });
    parts = Object.fromEntries(stdout.split('@@@ ').slice(1).map((part) => [part.slice(0, part.indexOf('\n')), part]));
  });

  it('sync flow: the unknown user is a 401, the sync a 200 with roles null, then sign-in, the groups claim and /me', () => {
    const out = parts.sync;
    expect(out).toMatch(/HTTP\/[\d.]+ 401[\s\S]*"code":"invalid_credentials"/);
    expect(out).toMatch(/HTTP\/[\d.]+ 200[\s\S]*"email":"cersei-lannister@gmail.com"[\s\S]*"roles":null/);
    for (const field of ['accessToken', 'tokenType', 'expiresIn', 'refreshToken', 'refreshExpiresIn', 'deviceToken', 'user']) {
      expect(out).toContain(`"${field}":`);
    }
    expect(out).toMatch(/\[\s*"user"\s*\]/);
    expect(out).toMatch(/\{"id":"\d+","_guid":"user_\w+","username":"cersei.lannister"/);
  });

  it('Orion: the synced user signs in with a form and gets { user, token }, and the token reads /me', () => {
    const out = parts.orion;
    expect(out).toMatch(/"user": \{\s*"hash": "user_\w+",\s*"name": "Orion",\s*"email": "orion@services.dev"/);
    expect(out).toMatch(/"token": "ey[\w-]+\.[\w-]+\.[\w-]+"/);
    expect(out).not.toContain('secret2FA');
    expect(out).toMatch(/\{"id":"\d+"[^\n]*"email":"orion@services.dev"/);
  });

  it('refresh: $REFRESH from the sync flow yields a new pair, whose access token works', () => {
    expect(parts.refresh).toMatch(/"accessToken": "ey/);
    expect(parts.refresh).toMatch(/"refreshToken": "[\w-]{43}"/);
    expect(parts.after.trim().split('\n').pop()).toBe('200');
  });
});
