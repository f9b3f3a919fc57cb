import fs from 'node:fs';
import { adminPin, createTicket, expect, seedStore, shot, test } from './fixtures';
import { scan, tabTo, typeInto } from './keyboard';
import { signInByKeyboard, takeInPhone, zh } from './intake-steps';
import {
  BarcodeFormat,
  capturePrints,
  decodeBarcode,
  pdfToPng,
  printedHtml,
  printToPdf,
} from './print-capture';

const out = 'test-screenshots';

test('a clerk takes in a phone by keyboard alone; the printout carries the number, a readable barcode, the masked phone and accessories', async ({
  page,
  app,
  browser,
}) => {
  await capturePrints(page);
  await seedStore(app);
  await page.goto(app.url);
  await signInByKeyboard(page, '王主管', adminPin);
  await page.keyboard.press('F2');
  await expect(page.getByRole('heading', { name: '收件登记' })).toBeVisible();
  await shot(page, 'intake-zh-CN');
  await takeInPhone(page, zh, { phone: '13800138000', name: '王伟', serial: '865432109876543' });

  const ticketNo =
    (await page.getByTestId('ticket-page').getByRole('heading', { level: 3 }).textContent())?.match(
      /[A-Z0-9]+-\d{6}-\d{4}/,
    )?.[0] ?? '';
  expect(ticketNo).toMatch(/^SH01-\d{6}-0001$/);
  await expect(page.getByTestId('ticket-page')).toContainText('246810'); // staff see the passcode
  await shot(page, 'ticket-zh-CN');

  await expect.poll(async () => (await printedHtml(page)).length).toBe(1);
  const [html = ''] = await printedHtml(page);
  const pdf = `${out}/claim-receipt-and-card-80mm.pdf`;
  await printToPdf(browser, app.url, html, pdf, '80mm');
  expect(decodeBarcode(pdfToPng(pdf), BarcodeFormat.CODE_128)).toBe(ticketNo);
  expect(decodeBarcode(pdfToPng(pdf), BarcodeFormat.QR_CODE)).toBe(ticketNo);

  const check = await browser.newPage();
  await check.setContent(html);
  const receipt = check.locator('[data-document="claim_receipt"]');
  await expect(receipt).toContainText(ticketNo);
  await expect(receipt).toContainText('138****8000');
  await expect(receipt).not.toContainText('13800138000');
  await expect(receipt).not.toContainText('246810'); // never the passcode on the customer's slip
  await expect(receipt.locator('[data-field="accessories"]')).toHaveText('充电器、保护壳');
  await expect(receipt).toContainText('客户商品领取收据');
  await expect(check.locator('[data-document="repair_card"]')).toContainText('246810');
  await check.close();

  // A reprint on A4 says it is a copy.
  const { token } = await app.rpc<{ token: string }>('auth.signIn', {
    staffId: (await app.rpc<{ id: string }[]>('auth.roster', {}))[0]?.id,
    pin: adminPin,
  });
  await app.rpc('settings.update', { paperSize: 'A4' }, token);
  await page.getByRole('button', { name: '补打取机凭证' }).click();
  await expect.poll(async () => (await printedHtml(page)).length).toBe(2);
  const reprint = (await printedHtml(page))[1] ?? '';
  expect(reprint).toContain('副本（第 1 次补打）');
  const a4 = `${out}/claim-receipt-copy-A4.pdf`;
  await printToPdf(browser, app.url, reprint, a4, '210mm');
  expect(decodeBarcode(pdfToPng(a4, 150), BarcodeFormat.CODE_128)).toBe(ticketNo);
  await app.rpc('settings.update', { paperSize: 'A4' }, token);
  await page.getByRole('button', { name: '补打修护卡' }).click();
  await expect.poll(async () => (await printedHtml(page)).length).toBe(3);
  await printToPdf(
    browser,
    app.url,
    (await printedHtml(page))[2] ?? '',
    `${out}/repair-card-copy-A4.pdf`,
    '210mm',
  );
  pdfToPng(`${out}/repair-card-copy-A4.pdf`, 100);
  expect(fs.existsSync(`${out}/repair-card-copy-A4.png`)).toBe(true);
});

test('a clerk working in English takes in a phone; the store prints in English', async ({
  page,
  app,
  browser,
}) => {
  await capturePrints(page);
  const { adminId } = await seedStore(app);
  const { token } = await app.rpc<{ token: string }>('auth.signIn', { staffId: adminId, pin: adminPin });
  await app.rpc('settings.update', { language: 'en' }, token);
  await app.rpc('auth.setLanguage', { language: 'en' }, token);
  await page.goto(app.url);
  await signInByKeyboard(page, '王主管', adminPin);
  await page.keyboard.press('F2');
  await expect(page.getByRole('heading', { name: 'Take in a device' })).toBeVisible();
  await shot(page, 'intake-en');
  await takeInPhone(
    page,
    {
      phone: 'Mobile',
      name: 'Customer name',
      brand: 'Brand',
      model: 'Model',
      colour: 'Colour',
      serial: 'Serial / IMEI',
      purchaseDate: 'Purchase date',
      fault: 'Reported fault',
      screenFault: 'Display fault',
      scratches: 'Scratches on the casing',
      checked: 'Checked with the customer present',
      charger: 'Charger',
      case: 'Case',
      passcode: 'Passcode',
      estimate: 'Estimate',
      deposit: 'Deposit',
      shelf: 'Shelf location',
    },
    { phone: '13912345678', name: 'Zhang Xiaoming', serial: 'F2LXK9ABCD12' },
  );
  await expect.poll(async () => (await printedHtml(page)).length).toBe(1);
  const [html = ''] = await printedHtml(page);
  expect(html).toContain('CLAIM RECEIPT');
  expect(html).toContain('139****5678');
  const pdf = `${out}/claim-receipt-and-card-80mm-en.pdf`;
  await printToPdf(browser, app.url, html, pdf, '80mm');
  expect(decodeBarcode(pdfToPng(pdf), BarcodeFormat.CODE_128)).toMatch(/^SH01-\d{6}-0001$/);
});

test('a scan opens the ticket from anywhere; typing the same characters slowly does not', async ({
  page,
  app,
}) => {
  const { adminId } = await seedStore(app);
  const { token } = await app.rpc<{ token: string }>('auth.signIn', { staffId: adminId, pin: adminPin });
  const ticket = await createTicket(app, token);
  await page.goto(app.url);
  await signInByKeyboard(page, '王主管', adminPin);
  await page.keyboard.press('F3');
  const search = page.getByLabel('搜索维修单');
  await search.focus();
  await page.keyboard.type(ticket.ticketNo, { delay: 60 }); // a person typing
  await page.keyboard.press('Enter');
  await expect(page.getByRole('cell', { name: ticket.ticketNo })).toBeVisible(); // searched, not opened
  await expect(page.getByTestId('ticket-page')).toHaveCount(0);
  await search.fill('');
  await scan(page, ticket.ticketNo);
  await expect(page.getByTestId('ticket-page')).toContainText(ticket.ticketNo);
  await page.keyboard.press('F3');
  await expect(page.getByLabel('搜索维修单')).toHaveValue(''); // the scan did not stay in the box
});

test('bad input is refused with translated messages and nothing is saved', async ({ page, app }) => {
  const { adminId } = await seedStore(app);
  await page.goto(app.url);
  await signInByKeyboard(page, '王主管', adminPin);
  await page.keyboard.press('F2');
  await expect(page.getByLabel('手机号', { exact: true })).toBeFocused();
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(page.getByText('输入有误，请检查标红的项目')).toBeVisible();
  await expect(page.getByText('必填').first()).toBeVisible();
  // Filled in, but with a phone the core refuses: the field says why.
  await page.keyboard.type('not-a-phone');
  await typeInto(page, '客户姓名', '王伟');
  await typeInto(page, '型号', 'P60');
  await typeInto(page, '序列号/IMEI', 'SN123456');
  await typeInto(page, '故障描述', '不开机');
  await tabTo(page, '已与客户当面检查外观');
  await page.keyboard.press('Space');
  await typeInto(page, '配件备注', '无');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(page.getByText('电话号码格式不正确')).toBeVisible();
  await shot(page, 'intake-refused-zh-CN');
  const { token } = await app.rpc<{ token: string }>('auth.signIn', { staffId: adminId, pin: adminPin });
  expect(await app.rpc('tickets.list', {}, token)).toEqual([]);
});

test("a ticket shows the device's earlier tickets", async ({ page, app }) => {
  const { adminId } = await seedStore(app);
  const { token } = await app.rpc<{ token: string }>('auth.signIn', { staffId: adminId, pin: adminPin });
  const intake = () => createTicket(app, token, 'MD-778899');
  const first = await intake();
  const second = await intake();
  await page.goto(`${app.url}/#/tickets/${second.ticketNo}`);
  await signInByKeyboard(page, '王主管', adminPin);
  await expect(page.getByText('该设备的维修记录')).toBeVisible();
  await expect(page.getByRole('link', { name: first.ticketNo })).toBeVisible();
});
