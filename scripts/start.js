#!/usr/bin/env node
// `npm start`: install if needed, then serve on http://localhost:3000 with api and worker in
// one process, on the PostgreSQL and Redis found (or embedded), with the demo area loaded.
const { spawn } = require('node:child_process');
const { join } = require('node:path');
const { ensureInstalled, root } = require('./ensure-installed');

ensureInstalled();

const child = spawn(
  process.execPath,
  [
    '-r',
    'ts-node/register/transpile-only',
    join('src', 'main.ts'),
    '--local',
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, TS_NODE_PROJECT: 'tsconfig.json' } },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
