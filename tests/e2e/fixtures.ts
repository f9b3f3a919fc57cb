import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { adminPin, storeInput } from '../helpers/sample-store';
import { AppServer } from './app-server';

export { adminPin };

export const test = base.extend<{ app: AppServer }>({
  // Playwright reads a fixture's dependencies from the destructuring pattern; this one has none.
  // eslint-disable-next-line no-empty-pattern
  app: async ({}, use) => {
    const app = new AppServer(fs.mkdtempSync(path.join(os.tmpdir(), 'rc-e2e-')));
    await app.start();
    await use(app);
    await app.stop();
  },
});

export { expect };

/** A set-up store (through the API: the setup screen has its own test) with one admin. */
export async function seedStore(app: AppServer) {
  return app.rpc<{ adminId: string }>('setup.create', storeInput);
}

/** Signs in through the UI, as a clerk would: pick the name, type the PIN, press Enter. */
export async function signIn(page: Page, name: string, pin: string) {
  await page
    .getByTestId('roster')
    .getByRole('button', { name: new RegExp(name) })
    .click();
  await page.getByLabel(/PIN/).fill(pin);
  await page.keyboard.press('Enter');
}

/** Screenshots land in test-screenshots/ for a person to look at. */
export const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join('test-screenshots', `${name}.png`), fullPage: true });
