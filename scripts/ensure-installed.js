// Installs dependencies from the committed lockfile when node_modules is missing or older
// than package.json / package-lock.json. Plain JavaScript: it runs before anything is installed.
const { spawnSync } = require('node:child_process');
const { existsSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');

function mtime(file) {
  return existsSync(file) ? statSync(file).mtimeMs : 0;
}

function ensureInstalled() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  const stale =
    !existsSync(marker) ||
    mtime(join(root, 'package.json')) > mtime(marker) ||
    mtime(join(root, 'package-lock.json')) > mtime(marker);
  if (!stale) return;
  process.stderr.write('synpunkt: installing dependencies (npm install)…\n');
  // `npm ci` refuses a lockfile made on Linux-only registries; `npm install` keeps it unchanged.
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    process.stderr.write('synpunkt: npm install failed\n');
    process.exit(result.status ?? 1);
  }
}

module.exports = { ensureInstalled, root };
