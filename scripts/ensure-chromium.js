// Browser tests drive Debian's Chromium (never a downloaded browser). Installs it with apt
// where that is possible (root on Debian, as on CI); otherwise says how, and the browser
// tests are skipped for this run only.
const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');

const CHROMIUM = '/usr/bin/chromium';

function ensureChromium({ required }) {
  if (existsSync(CHROMIUM)) return true;
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (canInstall) {
    process.stderr.write('synpunkt: installing Debian chromium for the browser tests (apt-get)…\n');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
    if (existsSync(CHROMIUM)) return true;
  }
  const message = `synpunkt: ${CHROMIUM} is missing; install it with 'apt-get install -y chromium' to run the browser tests`;
  if (required) {
    process.stderr.write(`${message}\n`);
    process.exit(1);
  }
  process.stderr.write(`${message} (skipping them in this run)\n`);
  return false;
}

module.exports = { ensureChromium };

if (require.main === module) ensureChromium({ required: true });
