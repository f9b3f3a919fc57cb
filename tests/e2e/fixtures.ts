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

/** A ticket made through the API, for tests about what happens after intake. */
export function createTicket(app: AppServer, token: string, serial?: string) {
  return app.rpc<{ id: string; ticketNo: string }>(
    'tickets.create',
    {
      idempotencyKey: crypto.randomUUID(),
      customer: { name: '李娜', phones: ['13700001111'] },
      device: { categoryId: 'other', brand: 'Midea', model: 'M1', ...(serial ? { serial } : {}) },
      reportedFault: '不工作',
      serviceType: 'A',
      estimateFen: 0,
      diagnosisFeeFen: 0,
      promisedDate: new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10),
    },
    token,
  );
}
