import fs from 'node:fs';
import { adminPin, createTicket, expect, seedStore, shot, signIn, test } from './fixtures';
import { scan } from './keyboard';
import { capturePrints, pdfToPng, printedHtml, printToPdf } from './print-capture';

const out = 'test-screenshots';

/** A store with four devices in: one on shelf A-01, one in the workshop, one not yet shelved, one taken back. */
async function storeWithGoods(app: Parameters<typeof seedStore>[0]) {
  const { adminId } = await seedStore(app);
  const { token } = await app.rpc<{ token: string }>('auth.signIn', { staffId: adminId, pin: adminPin });
  const [shelved, workshop, lost, gone] = await Promise.all(
    ['SN-A1', 'SN-B2', 'SN-C3', 'SN-D4'].map((serial) => createTicket(app, token, serial)),
  );
  if (!shelved || !workshop || !lost || !gone) throw new Error('intake failed');
  const move = (ticket: string, kind: string, extra: object = {}) =>
    app.rpc('goods.move', { ticket, kind, ...extra }, token);
  await move(shelved.ticketNo, 'to_shelf', { location: 'A-01' });
  await move(workshop.ticketNo, 'to_workshop');
  await move(lost.ticketNo, 'to_shelf', { location: 'B-07' });
  // The customer took it back without a repair: cancelling hands the device over.
  await app.rpc('repair.move', { ticket: gone.id, version: 1, to: 'cancelled', note: '客户取回' }, token);
  return { token, move, shelved, workshop, lost, gone };
}

test('a shelf count by scanning finds one device missing and one that should not be here', async ({
  page,
  app,
}) => {
  const { shelved, workshop, lost, gone } = await storeWithGoods(app);
  await page.goto(`${app.url}/#/goods/count`);
  await signIn(page, '王主管', adminPin);
  await page.getByRole('button', { name: '开始盘点' }).click();
  const scans = page.getByTestId('count-scans');
  await expect(page.getByRole('searchbox', { name: /扫描修护卡条码/ })).toBeFocused();

  await scan(page, shelved.ticketNo);
  await expect(scans).toContainText(`${shelved.ticketNo} 已计入`);
  await scan(page, workshop.ticketNo);
  await scan(page, shelved.ticketNo); // the same card twice counts once
  await expect(scans).toContainText(`${shelved.ticketNo} 已经扫描过`);
  await scan(page, gone.ticketNo); // handed back last week, yet found on the shelf
  await expect(scans).toContainText(`${gone.ticketNo} 不应在店：账上为 已交还客户`);
  await scan(page, '6901234567892'); // a product barcode, not a repair card
  await expect(scans).toContainText('6901234567892: 无法识别的条码');
  await expect(page).toHaveURL(/#\/goods\/count$/); // scans went to the count, no ticket opened
  await shot(page, 'shelf-count-scanning-zh-CN');

  await page.getByRole('button', { name: '结束盘点' }).click();
  await expect(page.getByText('账面在店 3 台，找到 2 台')).toBeVisible();
  await expect(page.getByTestId('count-missing')).toContainText(lost.ticketNo);
  await expect(page.getByTestId('count-missing')).toContainText('B-07');
  await expect(page.getByTestId('count-missing')).not.toContainText(shelved.ticketNo);
  await expect(page.getByTestId('count-unexpected')).toContainText(gone.ticketNo);
  await expect(page.getByTestId('count-unexpected')).not.toContainText(workshop.ticketNo);
  await shot(page, 'shelf-count-result-zh-CN');

  // The result is kept: a reload shows it again.
  await page.reload();
  await signIn(page, '王主管', adminPin);
  await expect(page.getByTestId('count-missing')).toContainText(lost.ticketNo);
});

test('the goods view, the register printed on A4 and exported, a vendor list, a ticket trail', async ({
  page,
  app,
  browser,
}) => {
  await capturePrints(page);
  const { shelved, workshop, token } = await storeWithGoods(app);
  await app.rpc(
    'repair.toVendor',
    {
      ticket: workshop.id,
      version: 1,
      vendor: '华为授权服务中心',
      rmaNo: 'RMA-88123',
      expectedBack: '2027-01-05',
      note: '',
    },
    token,
  );
  // A faulty screen goes back to the same vendor: the vendor's list carries devices and parts.
  const part = await app.rpc<{ id: string }>(
    'parts.save',
    { sku: 'HW-M60-LCD', name: 'Mate 60 屏幕总成', costFen: 68000, priceFen: 98000 },
    token,
  );
  await app.rpc('parts.receive', { partId: part.id, quantity: 2, requestId: crypto.randomUUID() }, token);
  await app.rpc(
    'parts.returnToVendor',
    {
      partId: part.id,
      quantity: 1,
      requestId: crypto.randomUUID(),
      vendor: '华为授权服务中心',
      rmaNo: 'RMA-88200',
    },
    token,
  );

  await page.goto(`${app.url}/#/goods/here`);
  await signIn(page, '王主管', adminPin);
  const here = page.getByRole('tabpanel');
  await expect(here.getByRole('row')).toHaveCount(3); // header, A-01, B-07
  await expect(here).toContainText('A-01');
  await shot(page, 'goods-here-zh-CN');

  await page.getByRole('tab', { name: '厂家返修' }).click();
  await expect(page.getByRole('tabpanel')).toContainText('RMA-88123');
  await expect(page.getByRole('tabpanel')).toContainText('Mate 60 屏幕总成');
  await page.getByRole('button', { name: '打印该厂家清单' }).click();
  await expect.poll(async () => (await printedHtml(page)).length).toBe(1);
  const vendorPdf = `${out}/vendor-list-A4.pdf`;
  const vendorHtml = (await printedHtml(page))[0] ?? '';
  expect(vendorHtml).toContain('RMA-88123');
  expect(vendorHtml).toContain('RMA-88200');
  await shot(page, 'goods-vendor-zh-CN');
  await printToPdf(browser, app.url, vendorHtml, vendorPdf, '210mm');
  pdfToPng(vendorPdf, 100);

  await page.getByRole('tab', { name: '进出登记簿' }).click();
  const register = page.getByRole('tabpanel');
  await expect(register.getByRole('row')).toHaveCount(10); // header + 4 intakes + 5 movements
  await shot(page, 'goods-register-zh-CN');
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出 CSV' }).click(),
  ]);
  const text = fs.readFileSync((await csv.path()) ?? '', 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff); // Excel reads it as UTF-8
  expect(text).toContain('送厂家');
  expect(text).toContain('RMA-88123');
  expect(text.trim().split('\r\n')).toHaveLength(10);

  await page.getByRole('button', { name: '打印 (A4)' }).click();
  await expect.poll(async () => (await printedHtml(page)).length).toBe(2);
  const registerHtml = (await printedHtml(page))[1] ?? '';
  expect(registerHtml).toContain('客户商品进出登记簿');
  const registerPdf = `${out}/goods-register-A4.pdf`;
  await printToPdf(browser, app.url, registerHtml, registerPdf, '210mm');
  pdfToPng(registerPdf, 100);

  // The ticket page shows the trail and moves the device.
  await page.goto(`${app.url}/#/tickets/${shelved.ticketNo}`);
  const custody = page.getByTestId('custody');
  await expect(custody).toContainText('现在: 在店 · A-01');
  await custody.getByRole('button', { name: '移动设备' }).click();
  const dialog = page.getByRole('dialog', { name: '登记物品移动' });
  await dialog.getByLabel('货架位置').fill('C-02');
  await dialog
    .getByRole('button', { name: '登 记' })
    .or(dialog.getByRole('button', { name: '登记' }))
    .click();
  await expect(custody).toContainText('现在: 在店 · C-02');
  await expect(dialog).toBeHidden();
  await shot(page, 'ticket-custody-zh-CN');
  expect(fs.existsSync(`${out}/goods-register-A4.png`)).toBe(true);
});

test('moving a device that is not there is refused; the settings button verifies the ledger', async ({
  page,
  app,
}) => {
  const { gone } = await storeWithGoods(app);
  await page.goto(`${app.url}/#/goods/here`);
  await signIn(page, '王主管', adminPin);
  await page.getByRole('button', { name: '移动设备' }).click();
  const dialog = page.getByRole('dialog', { name: '登记物品移动' });
  await dialog.getByLabel('单号（扫码或输入）').fill(gone.ticketNo);
  await dialog.getByLabel('货架位置').fill('A-02');
  await dialog
    .getByRole('button', { name: '登 记' })
    .or(dialog.getByRole('button', { name: '登记' }))
    .click();
  await expect(page.getByText('该设备现在已交还客户，不能登记“上架”')).toBeVisible();
  await page.keyboard.press('Escape');

  await page.goto(`${app.url}/#/settings`);
  await page.getByRole('tab', { name: '物品' }).click();
  await page.getByRole('button', { name: '校验物品进出账' }).click();
  await expect(page.getByText(/完好：已校验 8 条记录/)).toBeVisible();
  await shot(page, 'settings-ledger-zh-CN');

  await page.getByText('English', { exact: true }).click();
  await page.goto(`${app.url}/#/goods/here`);
  await expect(page.getByRole('heading', { name: 'Goods in and out' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Days at stage' })).toBeVisible();
  await expect(page.locator('.ant-message-notice, .ant-spin-blur')).toHaveCount(0); // settled, for the picture
  await shot(page, 'goods-here-en');
});
