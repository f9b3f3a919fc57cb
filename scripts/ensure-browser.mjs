// `npm test`'s pretest: make sure a Chromium exists for the Playwright tests, installing one if not.
// Debian's package first (Playwright's own download is blocked on some networks), then Playwright's.
import { execSync } from 'node:child_process';
import { findBrowser } from './find-browser.mjs';

const run = (command) =>
  execSync(command, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });

const tryRun = (command) => {
  try {
    run(command);
    return true;
  } catch {
    return false;
  }
};

const found = findBrowser();
if (found) {
  console.log(`UI tests will use ${found}`);
} else {
  console.log('No Chromium found; installing one for the UI tests...');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const viaApt = isRoot && tryRun('apt-get update -qq && apt-get install -y -qq chromium') && findBrowser();
  if (!viaApt && !tryRun('npx playwright install chromium')) {
    console.error(
      'Could not provision Chromium: install it (apt-get install chromium) or set CHROMIUM_PATH.',
    );
    process.exit(1);
  }
}
