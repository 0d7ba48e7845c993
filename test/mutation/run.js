#!/usr/bin/env node
/**
 * `npm run test:mutation [-- <file> …]`: Stryker over every target of targets.js, or over the files named.
 * Reports: reports/mutation/mutation.html and .json.
 */
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const files = process.argv.slice(2);
const env = { ...process.env };
if (files.length > 0) env.MUTATE = files.join(',');
const stryker = join(__dirname, '..', '..', 'node_modules', '.bin', 'stryker');
const result = spawnSync(stryker, ['run', 'stryker.config.js'], { stdio: 'inherit', env, cwd: join(__dirname, '..', '..') });
process.exit(result.status ?? 1);
