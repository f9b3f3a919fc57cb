// Where a Chromium for the UI tests can be found; shared by ensure-browser and playwright.config.
import fs from 'node:fs';

const candidates = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/** A system Chromium or Chrome, or undefined (Playwright then uses its own download, if any). */
export function findBrowser() {
  return candidates.find((file) => file && fs.existsSync(file));
}
