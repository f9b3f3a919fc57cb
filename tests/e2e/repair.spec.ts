import { signaturePng } from '../helpers/signature';
import dayjs from 'dayjs';
import type { Locator, Page } from '@playwright/test';
import type { AppServer } from './app-server';
import { adminPin, expect, seedStore, shot, signIn, test } from './fixtures';
import { signInByKeyboard } from './intake-steps';
import { scan, tabTo, typeInto } from './keyboard';
import {
  BarcodeFormat,
  capturePrints,
  decodeBarcode,
  pdfToPng,
  printedHtml,
  printToPdf,
} from './print-capture';

const out = 'test-screenshots';
const ok = /^(确\s*定|OK)$/;

/** The store with its repair crew: a clerk, a technician and a supervisor (and the admin's token). */
async function crew(app: AppServer) {
  const { adminId } = await seedStore(app);
  const { token } = await app.rpc<{ token: string }>('auth.signIn', { staffId: adminId, pin: adminPin });
  await app.rpc('staff.create', { name: '李前台', role: 'clerk', pin: '1357' }, token);
  await app.rpc('staff.create', { name: '张师傅', role: 'technician', pin: '5791' }, token);
  await app.rpc('staff.create', { name: '周主任', role: 'supervisor', pin: '3579' }, token);
  return { token };
}

/** Hands the counter PC to someone else: switch user, pick the name, PIN. The page stays. */
async function handTo(page: Page, name: string, pin: string) {
  await page.getByRole('button', { name: '切换用户' }).click();
  await signIn(page, name, pin);
  await expect(page.getByTestId('signed-in-as')).toContainText(name);
}

/** Opens a next step from the workflow panel and returns its dialog. */
async function step(page: Page, name: string): Promise<Locator> {
  await page.getByTestId('workflow-steps').getByRole('button', { name, exact: true }).click();
  const dialog = page.getByRole('dialog', { name });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** A paid repair taken in by keyboard: no proof of purchase, a cost limit of ¥300 on a ¥200 estimate. */
async function takeInPaidPhone(page: Page, serial: string) {
  await page.keyboard.press('F2');
  await expect(page.getByLabel('手机号', { exact: true })).toBeFocused();
  await page.keyboard.type('13800138000');
  await typeInto(page, '客户姓名', '王伟');
  await typeInto(page, '品牌', 'Huawei');
  await typeInto(page, '型号', 'Mate 60 Pro');
  await typeInto(page, '颜色', '黑色');
  await typeInto(page, '序列号/IMEI', serial);
  await typeInto(page, '故障描述', '屏幕闪烁');
  await tabTo(page, '屏幕显示异常');
  await page.keyboard.press('Space');
  await tabTo(page, '已与客户当面检查外观');
  await page.keyboard.press('Space');
  await tabTo(page, '充电器');
  await page.keyboard.press('Space');
  await typeInto(page, '开机密码', '246810');
  await tabTo(page, '预估费用');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('200');
  await typeInto(page, '费用上限', '300');
  await typeInto(page, '货架位置', 'A-03');
  await expect(page.getByTestId('warranty')).toContainText('无购买凭证');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(page.getByTestId('ticket-page')).toBeVisible();
}

test('a ticket goes from intake through dispatch, diagnosis, approval, parts and labour, supervisor check to ready for pickup, by three staff roles', async ({
  page,
  app,
  browser,
}) => {
  test.setTimeout(120_000); // five sign-ins and a keyboard intake: longer than one screen's test
  await capturePrints(page);
  const { token } = await crew(app);
  const part = await app.rpc<{ id: string }>(
    'parts.save',
    { sku: 'SCR-M60', barcode: '6901234567892', name: 'Mate 60 屏幕总成', costFen: 30000, priceFen: 38000 },
    token,
  );
  await app.rpc('parts.receive', { requestId: crypto.randomUUID(), partId: part.id, quantity: 2 }, token);

  // The clerk takes the phone in; the claim receipt and the repair card print.
  await page.goto(app.url);
  await signInByKeyboard(page, '李前台', '1357');
  await takeInPaidPhone(page, '865432109870001');
  const ticketNo =
    (await page.getByTestId('ticket-page').getByRole('heading', { level: 3 }).textContent())?.match(
      /[A-Z0-9]+-\d{6}-\d{4}/,
    )?.[0] ?? '';
  expect(ticketNo).toMatch(/^SH01-\d{6}-0001$/);
  await expect.poll(async () => (await printedHtml(page)).length).toBe(1);
  const status = page.getByTestId('workflow-status');
  const steps = page.getByTestId('workflow-steps');
  await expect(status).toHaveText('已收件');
  await expect(page.getByTestId('workflow-technician')).toContainText('未派工');
  // A clerk neither assigns nor repairs: send out, cancel or park the job is all the counter may do.
  await expect(steps.getByRole('button')).toHaveText(['送厂家维修', '取消维修', '暂停']);

  // 派工: the supervisor assigns the technician from the ticket page (type a name, Enter).
  await handTo(page, '周主任', '3579');
  let dialog = await step(page, '派工');
  await expect(dialog.getByRole('combobox')).toBeFocused();
  await page.keyboard.type('张师傅');
  await page.keyboard.press('Enter');
  await dialog.getByRole('button', { name: ok }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('workflow-technician')).toContainText('张师傅');
  await expect(status).toHaveText('已收件');

  // The technician diagnoses: ¥450 is over the customer's ¥300, so the job waits for the customer.
  await handTo(page, '张师傅', '5791');
  await expect(steps).toContainText('检测报价');
  dialog = await step(page, '检测报价');
  await page.keyboard.type('屏幕排线松动，需更换屏幕总成'); // the diagnosis has the focus
  await dialog.getByLabel('故障原因').fill('跌落');
  await dialog.getByLabel('维修报价').fill('450');
  await expect(dialog.getByTestId('limit-hint')).toHaveText(
    '报价 ¥450.00 超过客户上限 ¥300.00，保存后等待客户确认。',
  );
  await dialog.getByLabel('故障原因').press('Enter'); // Enter sends the form
  await expect(dialog).toBeHidden();
  await expect(status).toHaveText('待客户确认');
  await expect(steps.getByRole('button', { name: '完工质检' })).toHaveCount(0);

  // The clerk phones the customer and records the approval (given by the customer, by phone).
  await handTo(page, '李前台', '1357');
  dialog = await step(page, '记录客户确认');
  await expect(dialog.getByTestId('approval-amounts')).toHaveText('报价 ¥450.00 · 客户上限 ¥300.00');
  await expect(dialog.getByLabel('确认人')).toHaveValue('王伟');
  await dialog.getByText('电话', { exact: true }).click();
  await dialog.getByRole('button', { name: ok }).click();
  await expect(dialog).toBeHidden();
  await expect(status).toHaveText('维修中');

  // The technician fits the screen from stock by scanning it, logs labour, and passes QC.
  await handTo(page, '张师傅', '5791');
  await page.getByRole('button', { name: '领用配件' }).click();
  dialog = page.getByRole('dialog', { name: '领用配件' });
  await expect(dialog.getByLabel('配件（扫码或输入编码、名称）')).toBeFocused();
  await scan(page, '6901234567892');
  await expect(dialog.getByTestId('picked-part')).toContainText(
    'SCR-M60 · Mate 60 屏幕总成 · ¥380.00 · 库存 2',
  );
  await dialog.getByText('退回客户').click();
  await dialog.getByRole('button', { name: ok }).click();
  await expect(dialog).toBeHidden();
  const parts = page.getByTestId('repair-parts');
  await expect(parts.getByRole('row', { name: /SCR-M60/ })).toContainText('退回客户');

  const labour = page.getByTestId('repair-labour');
  await labour.getByRole('button', { name: '开始计时' }).click();
  await expect(labour.getByRole('button', { name: /^停止计时 \d+:\d\d$/ })).toBeVisible();
  await labour.getByRole('button', { name: /^停止计时/ }).click();
  await expect(labour.getByRole('button', { name: '开始计时' })).toBeVisible();
  await labour.getByRole('button', { name: '补录工时' }).click();
  dialog = page.getByRole('dialog', { name: '补录工时' });
  await page.keyboard.type('30');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(labour.getByTestId('labour-total')).toHaveText('张师傅 31 分钟'); // a started timer is a minute

  dialog = await step(page, '完工质检');
  await page.keyboard.type('更换屏幕总成');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(dialog).toBeHidden();
  await expect(status).toHaveText('待主任验讫');
  await expect(steps.getByRole('button', { name: '主任验讫' })).toHaveCount(0); // not the technician's to sign

  // 主任验讫: the supervisor checks the work; only this makes the job ready for pickup.
  await handTo(page, '周主任', '3579');
  dialog = await step(page, '主任验讫');
  await expect(dialog).toContainText('更换屏幕总成');
  await dialog.getByRole('button', { name: ok }).click();
  await expect(dialog).toBeHidden();
  await expect(status).toHaveText('待取机');
  await expect(page.getByTestId('workflow')).toContainText('周主任');

  // The timeline: newest first, who did what, between which statuses.
  await expect(page.getByTestId('timeline').locator('tbody tr')).toHaveText([
    /周主任.*主任验讫（验讫通过）.*待主任验讫 → 待取机/,
    /张师傅.*质检（质检合格）.*维修中 → 待主任验讫/,
    /李前台.*客户确认（同意维修 · 电话 · 王伟 · ¥450.00）.*待客户确认 → 维修中/,
    /张师傅.*检测报价（报价 ¥450.00）.*检测中 → 待客户确认/,
    /张师傅.*变更状态.*已收件 → 检测中/,
    /周主任.*派工（派给 张师傅）.*已收件/,
    /李前台.*收件.*已收件/,
  ]);
  await expect(page.locator('.ant-message-notice')).toHaveCount(0); // settled, for the picture
  await shot(page, 'ticket-workflow-zh-CN');

  // The repair card, reprinted after the work, carries it all; so does the A4 service voucher.
  await page.getByRole('button', { name: '补打修护卡' }).click();
  await expect.poll(async () => (await printedHtml(page)).length).toBe(2);
  await page.getByRole('button', { name: '打印服务凭证 (A4)' }).click();
  await expect.poll(async () => (await printedHtml(page)).length).toBe(3);
  const [, cardHtml = '', voucherHtml = ''] = await printedHtml(page);

  const check = await browser.newPage();
  await check.setContent(cardHtml);
  const card = check.locator('[data-document="repair_card"]');
  await expect(card).toContainText('副本（第 1 次补打）');
  await expect(card.locator('[data-field="diagnosis"]')).toContainText('屏幕排线松动，需更换屏幕总成');
  await expect(card.locator('[data-field="diagnosis"]')).toContainText('跌落');
  await expect(card.locator('table.grid').first()).toContainText('SCR-M60');
  await expect(card.locator('table.grid').first()).toContainText('退回客户');
  await expect(card.locator('table.grid').nth(1)).toContainText(/张师傅\s*\d\d:\d\d-\d\d:\d\d\s*31/);
  await expect(card).toContainText(/质检\s*合格 · 张师傅/);
  await expect(card).toContainText(/主任验讫\s*周主任 \d{4}-\d\d-\d\d \d\d:\d\d/);
  await check.setContent(voucherHtml);
  const voucher = check.locator('[data-document="service_voucher"]');
  await expect(voucher).toContainText('服务凭证');
  await expect(voucher).toContainText('A · 有费服务');
  await expect(voucher.locator('[data-field="parts"]')).toContainText('Mate 60 屏幕总成');
  await expect(voucher.locator('[data-field="parts"]')).toContainText('¥380.00');
  await expect(voucher.locator('[data-field="labour"]')).toContainText('张师傅31');
  await expect(voucher.locator('[data-field="charge-basis"]')).toHaveText('按报价 ¥450.00');
  await expect(voucher).toContainText('同意维修 · 电话 · 王伟 · ¥450.00 · 记录人 李前台');
  await expect(voucher).toContainText('138****8000');
  await expect(voucher).not.toContainText('246810'); // the customer's document never shows the passcode
  await check.close();

  const cardPdf = `${out}/repair-card-filled-80mm.pdf`;
  await printToPdf(browser, app.url, cardHtml, cardPdf, '80mm');
  expect(decodeBarcode(pdfToPng(cardPdf), BarcodeFormat.CODE_128)).toBe(ticketNo);
  const voucherPdf = `${out}/service-voucher-A4.pdf`;
  await printToPdf(browser, app.url, voucherHtml, voucherPdf, '210mm');
  expect(decodeBarcode(pdfToPng(voucherPdf, 150), BarcodeFormat.CODE_128)).toBe(ticketNo);
  // Each print is logged: the page says how often the voucher went out.
  await expect(page.getByText('服务凭证已打印 1 次。')).toBeVisible();
});

/** A ticket made and worked through the core, as the earlier repairs of a device were. */
async function repairedAndCollected(app: AppServer, token: string, intake: object) {
  const ticket = await app.rpc<{ id: string }>(
    'tickets.create',
    { idempotencyKey: crypto.randomUUID(), ...intake },
    token,
  );
  const at = { ticket: ticket.id };
  let { version } = await app.rpc<{ version: number }>('repair.card', at, token);
  const act = async (method: string, input: object) =>
    ({ version } = await app.rpc<{ version: number }>(method, { ...at, version, ...input }, token));
  await act('repair.move', { to: 'diagnosing' });
  await act('repair.diagnose', { diagnosis: '主板虚焊', estimateFen: 0, next: 'in_repair' });
  await act('repair.finish', { actionTaken: '补焊主板', qcPassed: true });
  await act('repair.check', { passed: true });
  // Free under 三包 and no deposit: nothing to pay, the customer signs and takes it.
  await act('pickup.save', { lines: [], signature: signaturePng(), idempotencyKey: crypto.randomUUID() });
}

test('a warranty case ends in replacement after two failed repairs', async ({ page, app }) => {
  const { token } = await crew(app);
  const intake = {
    customer: { name: '陈静', phones: ['13912345678'] },
    device: {
      categoryId: 'phone',
      brand: 'Huawei',
      model: 'Mate 60',
      serial: '865432109879999',
      purchaseDate: dayjs().subtract(60, 'day').format('YYYY-MM-DD'),
    },
    reportedFault: '自动关机',
    condition: {
      screen_cracked: 'ok',
      scratches: 'ok',
      dents: 'ok',
      water_marks: 'ok',
      buttons: 'ok',
      camera: 'ok',
    },
    accessories: ['charger'],
    serviceType: 'C',
    estimateFen: 0,
    diagnosisFeeFen: 0,
    promisedDate: dayjs().add(3, 'day').format('YYYY-MM-DD'),
  };
  await repairedAndCollected(app, token, intake);
  await repairedAndCollected(app, token, intake);
  const third = await app.rpc<{ ticketNo: string }>(
    'tickets.create',
    { idempotencyKey: crypto.randomUUID(), ...intake, reportedFault: '又自动关机' },
    token,
  );

  await page.goto(`${app.url}/#/tickets/${third.ticketNo}`);
  await signIn(page, '周主任', '3579');
  const status = page.getByTestId('workflow-status');
  await expect(status).toHaveText('已收件');
  // The page is whole (its money section loads after the ticket) before a step's dialog opens.
  await expect(page.getByTestId('payments-section')).toBeVisible();
  const start = await step(page, '开始检测');
  await start.getByRole('button', { name: '开始检测' }).click();
  await expect(start).toBeHidden();
  await expect(status).toHaveText('检测中');

  const dialog = await step(page, '三包处理');
  const assessment = dialog.getByTestId('warranty-now');
  await expect(assessment).toContainText('换货');
  await expect(assessment).toContainText('保修期内已修 2 次');
  await expect(assessment).toContainText('保修期内已修理 2 次仍未修好，可换货。');
  await dialog.getByRole('radiogroup').getByText('换货', { exact: true }).click();
  await dialog.getByLabel('新机序列号').fill('865432109870042');
  await dialog.getByRole('button', { name: ok }).click();
  await expect(dialog).toBeHidden();

  await expect(status).toHaveText('已换货');
  await expect(page.getByTestId('workflow')).toContainText('换货 · 新机序列号 865432109870042');
  await expect(page.getByTestId('timeline').locator('tbody tr').first()).toHaveText(
    /周主任.*三包处理（换货）.*检测中 → 已换货/,
  );
  // A replaced device goes back to the customer: collecting it is the counter's next step, at the
  // hand-back (the workflow offers nothing more; the money section links there).
  await expect(page.getByTestId('workflow-steps').getByRole('button')).toHaveCount(0);
  await expect(page.getByTestId('hand-back-link')).toHaveText('取机');
  await expect(page.locator('.ant-message-notice')).toHaveCount(0);
  await shot(page, 'ticket-warranty-replaced-zh-CN');

  // The same panel in English.
  await page.getByRole('radiogroup', { name: '语言', exact: true }).getByText('English').click();
  await expect(status).toHaveText('Replaced');
  await expect(page.getByTestId('hand-back-link')).toHaveText('Hand back');
  await expect(page.getByTestId('timeline').locator('tbody tr').first()).toContainText(
    'Warranty decision (Replace)',
  );
  await shot(page, 'ticket-warranty-replaced-en');
});

test('a job goes to a vendor under an RMA in one step; a card changed meanwhile is refused and reloaded', async ({
  page,
  app,
  browser,
}) => {
  await capturePrints(page);
  const { token } = await crew(app);
  const ticket = await app.rpc<{ id: string; ticketNo: string }>(
    'tickets.create',
    {
      idempotencyKey: crypto.randomUUID(),
      customer: { name: '李娜', phones: ['13700001111'] },
      device: { categoryId: 'other', brand: 'Midea', model: 'M1', serial: 'MD-0001' },
      reportedFault: '不制冷',
      serviceType: 'A',
      estimateFen: 0,
      diagnosisFeeFen: 0,
      promisedDate: dayjs().add(7, 'day').format('YYYY-MM-DD'),
    },
    token,
  );
  await page.goto(`${app.url}/#/tickets/${ticket.ticketNo}`);
  await signIn(page, '李前台', '1357');
  const status = page.getByTestId('workflow-status');
  await expect(status).toHaveText('已收件');

  const dialog = await step(page, '送厂家维修');
  await page.keyboard.type('美的售后中心'); // the vendor has the focus
  await dialog.getByLabel('返修单号 (RMA)').fill('RMA-88123');
  await dialog.getByLabel('返修单号 (RMA)').press('Enter');
  await expect(dialog).toBeHidden();
  await expect(status).toHaveText('厂家维修');
  await expect(page.getByTestId('custody')).toContainText('RMA-88123'); // the trail follows at once
  await expect(page.getByTestId('workflow')).toContainText('美的售后中心 · RMA-88123');

  // Someone else books the device back meanwhile; this page still shows the card before it.
  const { version } = await app.rpc<{ version: number }>('repair.card', { ticket: ticket.id }, token);
  await app.rpc('repair.fromVendor', { ticket: ticket.id, version, result: 'repaired' }, token);
  const back = await step(page, '厂家返回');
  await back.getByRole('button', { name: ok }).click();
  await expect(page.getByText('此单已被他人修改，请刷新后再操作')).toBeVisible();
  await expect(status).toHaveText('待主任验讫'); // reloaded: nothing was overwritten unseen
  await expect(page.getByTestId('workflow-steps').getByRole('button', { name: '厂家返回' })).toHaveCount(0);

  await page.getByRole('button', { name: '补打修护卡' }).click();
  await expect.poll(async () => (await printedHtml(page)).length).toBe(1);
  const check = await browser.newPage();
  await check.setContent((await printedHtml(page))[0] ?? '');
  await expect(check.locator('[data-field="rma"]')).toContainText(
    /美的售后中心 · RMA-88123 · \d{4}-\d\d-\d\d \/ \d{4}-\d\d-\d\d/,
  );
  await check.close();
});
