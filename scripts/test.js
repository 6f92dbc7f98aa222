#!/usr/bin/env node
// `npm test`: install if needed, then run every test (unit and integration) with jest.
// Extra arguments go to jest: `npm test -- test/intake` runs one file.
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');
const { ensureChromium } = require('./ensure-chromium');
const { ensureInstalled, root } = require('./ensure-installed');

ensureInstalled();
const env = { ...process.env };
if (!ensureChromium({ required: process.env.CI === 'true' })) env.SKIP_BROWSER_TESTS = '1';

const jest = join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const result = spawnSync(process.execPath, [jest, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env,
});
process.exit(result.status ?? 1);
