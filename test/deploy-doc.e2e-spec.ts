import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const docs = join(__dirname, '..', 'docs');

describe('docs/deploy.md', () => {
  it('shows the HAProxy configuration the cluster test runs, as it is in docs/haproxy.cfg', () => {
    const config = readFileSync(join(docs, 'haproxy.cfg'), 'utf8');
    expect(readFileSync(join(docs, 'deploy.md'), 'utf8')).toContain(`\`\`\`haproxy\n${config}\`\`\``);
  });
});
