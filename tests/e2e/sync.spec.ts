import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultWarrantyPolicies } from '../../shared/warranty-policies';
import { adminPin, expect, seedStore, shot, signIn, test } from './fixtures';
import { HqServer } from './hq-server';

/** What headquarters publishes here: its policies, a supervisor of its own, a labour rate, receipt terms. */
const masterFile = {
  warranty_policies: defaultWarrantyPolicies,
  staff: [{ store: 'SH01', name: '总部督导', role: 'supervisor', pin: '7777' }],
  price_lists: [{ id: 'standard', labourRatePerHourFen: 8000 }],
  receipt_terms: [{ id: 'default', text: '总部条款：凭此单取机，保管期 90 天。' }],
};

test('an admin links the counter to headquarters, syncs, finds a customer at another store, and sees sync fail offline', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-hq-'));
  const hq = new HqServer(dataDir);
  hq.hq('store', 'add', '--code', 'SH01', '--name', '上海南京路店');
  hq.hq('store', 'add', '--code', 'BJ01', '--name', '北京西单店');
  const code = hq.enrolmentCode('SH01');
  const beijingCode = hq.enrolmentCode('BJ01');
  const file = path.join(dataDir, 'master.json');
  fs.writeFileSync(file, JSON.stringify(masterFile));
  expect(hq.hq('master', 'import', '--file', file)).toContain('published 6 changes');
  await hq.start();

  // Beijing has repaired this customer's phone before.
  const beijing = await hq.otherStore(beijingCode, 'BJ01', 'bj01-local-store');
  const receivedAt = Date.UTC(2026, 10, 20, 3, 15);
  await beijing([
    { entity: 'customers', row: { id: 'c1', name: '王伟', phones: ['13800138000'] } },
    {
      entity: 'devices',
      row: { id: 'd1', category_id: 'phone', brand: 'Apple', model: 'iPhone 13', serial: 'F2LXK0QWERTY' },
    },
    {
      entity: 'tickets',
      row: {
        id: 't1',
        ticket_no: 'BJ01-261120-0003',
        customer_id: 'c1',
        device_id: 'd1',
        status: 'in_repair',
        received_at: receivedAt,
        collected_at: null,
        reported_fault: '屏幕闪烁',
        business_date: '2026-11-20',
        promised_date: '2026-11-23',
      },
    },
  ]);

  await seedStore(app);
  await page.goto(app.url);
  await signIn(page, '王主管', adminPin);
  await page.getByRole('menuitem', { name: '总部同步' }).click();
  await page.getByLabel('总部地址').fill(hq.url);
  await page.getByLabel('接入码').fill(code);
  await page.getByRole('button', { name: '连接', exact: true }).click();
  await expect(page.getByText('正在从总部下载数据')).toBeVisible();
  await expect(page.getByTestId('sync-outbox-depth')).toContainText('条');

  await page.getByRole('button', { name: '立即同步' }).click();
  await expect(page.getByText('同步完成')).toBeVisible();
  await expect(page.getByTestId('sync-outbox-depth')).toHaveText('全部已上传');
  await expect(page.getByText('正在从总部下载数据')).toHaveCount(0);
  // What headquarters published is the store's now.
  const roster = await app.rpc<{ name: string }[]>('auth.roster', {});
  expect(roster.map((member) => member.name)).toContain('总部督导');

  await page.getByRole('searchbox', { name: '手机号' }).fill('138 0013 8000');
  await page.getByRole('searchbox', { name: '手机号' }).press('Enter');
  const row = page.getByRole('row', { name: /BJ01-261120-0003/ });
  await expect(row).toContainText('北京西单店');
  await expect(row).toContainText('王*');
  await expect(row).toContainText('屏幕闪烁');
  await shot(page, 'sync-status');

  await hq.stop();
  await page.getByRole('button', { name: '立即同步' }).click();
  await expect(page.getByText('同步未完成，数据已保留在本机，稍后自动重试')).toBeVisible();
  await expect(page.getByTestId('sync-last-error')).toContainText('unreachable');
  await expect(page.getByText('无法连接总部：请检查网络')).toBeVisible();
  await page.getByRole('searchbox', { name: '手机号' }).press('Enter');
  await expect(page.getByText('无法连接总部：此功能需要联网')).toBeVisible();
  await shot(page, 'sync-offline');
});
