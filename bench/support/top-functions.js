'use strict';
// Summarises a .cpuprofile: self time by function and by file (node bench/support/top-functions.js <file> [n]).
const { readFileSync } = require('node:fs');
const profile = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const n = Number(process.argv[3] ?? 30);
const self = new Map();
const byFile = new Map();
const dt = new Map();
for (let i = 0; i < profile.samples.length; i++) dt.set(profile.samples[i], (dt.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
let total = 0;
for (const node of profile.nodes) {
  const t = (dt.get(node.id) ?? 0) / 1000;
  total += t;
  const { functionName, url, lineNumber } = node.callFrame;
  const key = `${functionName || '(anonymous)'} ${url.replace(/^.*node_modules\//, '~/').replace(/^file:\/\/.*\/dist\//, 'dist/')}:${lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + t);
  const file = url ? url.replace(/^.*node_modules\/((@[^/]+\/)?[^/]+).*$/, '~/$1').replace(/^file:\/\/.*\/dist\//, 'dist/') : functionName;
  byFile.set(file, (byFile.get(file) ?? 0) + t);
}
const top = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${v.toFixed(0).padStart(7)} ms ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`).join('\n');
console.log(`total ${total.toFixed(0)} ms\n-- by function (self)\n${top(self)}\n-- by package / file\n${top(byFile)}`);
