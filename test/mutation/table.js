#!/usr/bin/env node
/**
 * The mutation table of docs/testing.md from Stryker's JSON reports (reports/mutation/*.json, newest report of each
 * file wins): `node test/mutation/table.js`. Score = (killed + timeout) / (killed + timeout + survived + no coverage);
 * mutants disabled in the source as equivalent (`Stryker disable … : reason`), and static mutants when they were not
 * run (ignoreStatic), are counted apart and not scored.
 */
const { readdirSync, readFileSync, statSync } = require('node:fs');
const { join, relative } = require('node:path');

const root = join(__dirname, '..', '..');
const dir = join(root, 'reports', 'mutation');
const reports = readdirSync(dir)
  .filter((name) => name.endsWith('.json') && !name.endsWith('.incremental.json'))
  .map((name) => join(dir, name))
  .sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs);
const rows = new Map();
for (const path of reports) {
  const { files } = JSON.parse(readFileSync(path, 'utf8'));
  for (const [file, { mutants }] of Object.entries(files)) {
    const count = (status) => mutants.filter((m) => m.status === status).length;
    const [killed, survived, noCoverage, timeout] = ['Killed', 'Survived', 'NoCoverage', 'Timeout'].map(count);
    const errors = count('RuntimeError') + count('CompileError');
    const scored = killed + survived + noCoverage + timeout;
    const score = scored === 0 ? 100 : (100 * (killed + timeout)) / scored;
    const ignored = mutants.filter((m) => m.status === 'Ignored');
    const isStatic = (m) => /static/i.test(m.statusReason ?? '');
    const equivalent = ignored.filter((m) => !isStatic(m)).length;
    rows.set(relative(root, join(root, file)), { score, killed, survived, noCoverage, timeout, errors, equivalent, static: ignored.length - equivalent });
  }
}
console.log('| file | score | killed | survived | no coverage | timeout | errors | equivalent (excluded) | static (not run) |');
console.log('|---|---|---|---|---|---|---|---|---|');
let [k, s, n, t] = [0, 0, 0, 0];
for (const [file, r] of [...rows].sort(([a], [b]) => a.localeCompare(b))) {
  console.log(`| \`${file}\` | ${r.score.toFixed(1)}% | ${r.killed} | ${r.survived} | ${r.noCoverage} | ${r.timeout} | ${r.errors} | ${r.equivalent} | ${r.static} |`);
  [k, s, n, t] = [k + r.killed, s + r.survived, n + r.noCoverage, t + r.timeout];
}
console.log(`| all | ${((100 * (k + t)) / (k + s + n + t)).toFixed(1)}% | ${k} | ${s} | ${n} | ${t} | | | |`);
