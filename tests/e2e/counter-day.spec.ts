import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import dayjs from 'dayjs';
import type { Page } from '@playwright/test';
import { denominations } from '../../shared/cash';
import type { AppServer } from './app-server';
import { adminPin, expect, seedStore, shot, test } from './fixtures';
import { repairToReady } from './repair-steps';
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

// The day, as amounts in fen. Every figure the screens and the Z-report show is computed from these.
const labourRatePerHourFen = 6000; // the store's default labour rate, ¥60 an hour
/** The opening float, by denomination (fen -> pieces). */
const float: Record<number, number> = { 10000: 2, 5000: 2, 2000: 5, 1000: 5, 500: 4, 100: 10, 50: 4, 10: 10 };
const screen = { sku: 'SCR-M60', name: 'Mate 60 屏幕总成', costFen: 9000, priceFen: 15000 };
const battery = { sku: 'BAT-AIR5', name: 'iPad Air 5 电池', costFen: 6000, priceFen: 12000 };
/** Ticket 1: taken in at the counter by keyboard, cash deposit, paid in cash with change. */
const one = { intakeEstimateFen: 20000, depositFen: 5000, estimateFen: 30000, minutes: 120, parts: [screen] };
const tenderedFen = 30000;
/** Ticket 2: through the API, no deposit, labour and parts above the quote (capped), paid by card. */
const two = { estimateFen: 15000, minutes: 60, parts: [battery] };
/** Ticket 3: through the API, a WeChat deposit, labour only, the rest paid by WeChat Pay. */
const three = { estimateFen: 20000, depositFen: 10000, minutes: 150, parts: [] as (typeof screen)[] };
const refundFen = 2000; // cash, back to ticket 1's customer, allowed by 周主任
const payoutFen = 3500;
const payoutNote = '快递费（寄回客户配件）';
const varianceFen = -1000; // the drawer is counted ¥10 short
const varianceNote = '找零多给客户 10 元，已报告周主任';

type Method = 'cash' | 'card' | 'wechat' | 'alipay' | 'other';
type Kind = 'deposit' | 'payment' | 'refund';
const methodNames: Record<Method, string> = {
  cash: '现金',
  card: '银行卡',
  wechat: '微信支付',
  alipay: '支付宝',
  other: '其他',
};

type Job = { estimateFen: number; minutes: number; parts: { priceFen: number }[] };
/** Labour at the store rate plus parts at their price, before the quote caps it. */
const workOf = (job: Job) =>
  Math.round((job.minutes * labourRatePerHourFen) / 60) + job.parts.reduce((sum, p) => sum + p.priceFen, 0);
/** What a repair is charged: its work, never more than the quote. */
const chargesOf = (job: Job) => Math.min(workOf(job), job.estimateFen);

/** `¥1,280.00`, as the screens and printouts show money. */
function yuan(fen: number): string {
  const [whole = '0', cents = '00'] = (Math.abs(fen) / 100).toFixed(2).split('.');
  return `${fen < 0 ? '-' : ''}¥${whole.replace(/\B(?=(\d{3})+$)/g, ',')}.${cents}`;
}
/** `1280.00`, as the CSV export writes money. */
const plain = (fen: number) => (fen / 100).toFixed(2);

/** A cash amount as the fewest notes and coins, largest first (fen -> pieces). */
function countOf(fen: number): Record<number, number> {
  const count: Record<number, number> = {};
  let rest = fen;
  for (const note of denominations) {
    if (rest >= note) count[note] = Math.floor(rest / note);
    rest %= note;
  }
  expect(rest).toBe(0);
  return count;
}
const totalOf = (count: Record<number, number>) =>
  Object.entries(count).reduce((sum, [note, pieces]) => sum + Number(note) * pieces, 0);

/** The store, its crew (the admin's, technician's and supervisor's tokens), and two parts in stock. */
async function crew(app: AppServer) {
  const { adminId } = await seedStore(app);
  const { token } = await app.rpc<{ token: string }>('auth.signIn', { staffId: adminId, pin: adminPin });
  const staff = async (name: string, role: string, pin: string) => {
    const { id } = await app.rpc<{ id: string }>('staff.create', { name, role, pin }, token);
    return { id, token: (await app.rpc<{ token: string }>('auth.signIn', { staffId: id, pin })).token };
  };
  const clerk = await staff('李前台', 'clerk', '1357');
  const technician = await staff('张师傅', 'technician', '5791');
  const supervisor = await staff('周主任', 'supervisor', '3579');
  const parts: Record<string, string> = {};
  for (const part of [screen, battery]) {
    const { id } = await app.rpc<{ id: string }>('parts.save', part, token);
    await app.rpc('parts.receive', { requestId: crypto.randomUUID(), partId: id, quantity: 3 }, token);
    parts[part.sku] = id;
  }
  return { clerk, technician, supervisor, parts };
}

/** A ticket taken in through the API by the clerk (the other counter PC), with an optional deposit. */
async function takeInByApi(
  app: AppServer,
  token: string,
  input: {
    customer: { name: string; phones: string[] };
    device: { brand: string; model: string; serial: string };
    fault: string;
    estimateFen: number;
    deposit?: { method: Method; amountFen: number };
  },
) {
  return app.rpc<{ id: string; ticketNo: string }>(
    'tickets.create',
    {
      idempotencyKey: crypto.randomUUID(),
      customer: input.customer,
      device: { categoryId: 'other', ...input.device },
      reportedFault: input.fault,
      serviceType: 'A',
      estimateFen: input.estimateFen,
      diagnosisFeeFen: 0,
      ...(input.deposit ? { deposit: input.deposit } : {}),
      promisedDate: dayjs().add(3, 'day').format('YYYY-MM-DD'),
    },
    token,
  );
}

/** The customer signs on the pad: one stroke with the mouse across the canvas. */
async function sign(page: Page) {
  const canvas = page.getByTestId('signature-canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  if (!box) throw new Error('no signature pad on screen');
  await page.mouse.move(box.x + 40, box.y + box.height * 0.7);
  await page.mouse.down();
  await page.mouse.move(box.x + 140, box.y + box.height * 0.3, { steps: 8 });
  await page.mouse.move(box.x + 240, box.y + box.height * 0.75, { steps: 8 });
  await page.mouse.move(box.x + 380, box.y + box.height * 0.35, { steps: 8 });
  await page.mouse.up();
}

/** The hand-back screen shows this ticket, with this balance due. */
async function expectDue(page: Page, ticketNo: string, dueFen: number) {
  await expect(page.getByTestId('pickup-ticket-no')).toHaveText(ticketNo);
  await expect(page.getByTestId('pickup-status')).toHaveText('待取机');
  const balance = page.getByTestId('balance');
  await expect(balance).toHaveAttribute('data-fen', String(dueFen));
  await expect(balance).toContainText('应收金额');
  await expect(balance).toContainText(yuan(dueFen));
  await expect(page.getByTestId('payment-amount-0')).toHaveValue(plain(dueFen));
}

/** Saves the hand-back and waits for the done screen and the voucher's print. */
async function saveHandBack(page: Page, ticketNo: string, printsBefore: number) {
  await page.getByTestId('pickup-save').click();
  await expect(page.getByTestId('pickup-done')).toContainText(`${ticketNo} 已取机`);
  await expect.poll(async () => (await printedHtml(page)).length).toBe(printsBefore + 1);
  const html = (await printedHtml(page))[printsBefore] ?? '';
  expect(html).toContain('data-document="pickup_voucher"');
  expect(html).toContain(ticketNo);
  return html;
}

/** A string to find literally inside a regular expression. */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const pdfText = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });

test('a full counter day: float, intake, repairs, hand-backs in cash, card and WeChat Pay, a refund by override, a payout, the close with a variance and its Z-report', async ({
  page,
  app,
  browser,
}) => {
  test.setTimeout(180_000); // a whole day at the counter: many screens, three hand-backs and six printouts
  await capturePrints(page);
  const people = await crew(app);

  // The day's money, as the counter will take it.
  const [charges1, charges2, charges3] = [chargesOf(one), chargesOf(two), chargesOf(three)];
  const [due1, due2, due3] = [charges1 - one.depositFen, charges2, charges3 - three.depositFen];
  const changeFen = tenderedFen - due1;
  const ledger: { method: Method; kind: Kind; fen: number }[] = [
    { method: 'cash', kind: 'deposit', fen: one.depositFen },
    { method: 'wechat', kind: 'deposit', fen: three.depositFen },
    { method: 'cash', kind: 'payment', fen: due1 },
    { method: 'card', kind: 'payment', fen: due2 },
    { method: 'wechat', kind: 'payment', fen: due3 },
    { method: 'cash', kind: 'refund', fen: refundFen },
  ];
  const sum = (rows: typeof ledger) => ({ count: rows.length, fen: rows.reduce((s, r) => s + r.fen, 0) });
  const byMethod = (method: Method) => {
    const of = (kind: Kind) => sum(ledger.filter((r) => r.method === method && r.kind === kind));
    const [deposits, payments, refunds] = [of('deposit'), of('payment'), of('refund')];
    return { deposits, payments, refunds, net: deposits.fen + payments.fen - refunds.fen };
  };
  const allOf = (kind: Kind) => sum(ledger.filter((r) => r.kind === kind));
  const netTotal = allOf('deposit').fen + allOf('payment').fen - allOf('refund').fen;
  const floatFen = totalOf(float);
  const cash = byMethod('cash');
  const cashTakenFen = cash.deposits.fen + cash.payments.fen;
  const expectedFen = floatFen + cashTakenFen - cash.refunds.fen - payoutFen;
  const countedFen = expectedFen + varianceFen;
  const closing = countOf(countedFen);
  const sumText = (s: { count: number; fen: number }, negative = false) =>
    s.count === 0 ? '—' : `${s.count} · ${negative ? '-' : ''}${yuan(s.fen)}`;

  // Morning: the clerk signs in and counts the opening float into the drawer, by keyboard.
  await page.goto(app.url);
  await signInByKeyboard(page, '李前台', '1357');
  await page.getByRole('menuitem', { name: '钱箱日结' }).click();
  await expect(page.getByRole('tab', { name: '钱箱', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('float-count-10000')).toBeFocused();
  for (const note of denominations) {
    await expect(page.getByTestId(`float-count-${note}`)).toBeFocused();
    await page.keyboard.type(String(float[note] ?? 0));
    await page.keyboard.press('Enter'); // down a row; past the last row, to Save
  }
  await expect(page.getByTestId('float-count-total')).toHaveText(yuan(floatFen));
  await expect(page.getByTestId('float-line-2000')).toHaveText(yuan(2000 * (float[2000] ?? 0)));
  await expect(page.getByTestId('float-save')).toBeFocused();
  await page.keyboard.press('Enter');
  const confirmFloat = page.getByRole('dialog').filter({ hasText: `登记开班备用金 ${yuan(floatFen)}？` });
  await confirmFloat.getByRole('button', { name: '保存备用金' }).click();
  await expect(confirmFloat).toBeHidden();
  await expect(page.getByTestId('float-counted')).toContainText('李前台');
  await expect(page.getByTestId('float-total')).toHaveText(`合计: ${yuan(floatFen)}`);
  await expect(page.getByTestId('drawer-expected')).toContainText(yuan(floatFen));

  // Intake 1 at the counter, by keyboard, with a cash deposit.
  await page.keyboard.press('F2');
  await expect(page.getByLabel('手机号', { exact: true })).toBeFocused();
  await page.keyboard.type('13800138000');
  await typeInto(page, '客户姓名', '王伟');
  await typeInto(page, '品牌', 'Huawei');
  await typeInto(page, '型号', 'Mate 60 Pro');
  await typeInto(page, '颜色', '黑色');
  await typeInto(page, '序列号/IMEI', '865432109870001');
  await typeInto(page, '故障描述', '屏幕闪烁');
  await tabTo(page, '屏幕显示异常');
  await page.keyboard.press('Space');
  await tabTo(page, '已与客户当面检查外观');
  await page.keyboard.press('Space');
  await tabTo(page, '充电器');
  await page.keyboard.press('Space');
  await tabTo(page, '预估费用');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(plain(one.intakeEstimateFen));
  await typeInto(page, '定金', plain(one.depositFen)); // in cash, the form's default
  await typeInto(page, '货架位置', 'A-03');
  await expect(page.getByTestId('warranty')).toContainText('无购买凭证');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(page.getByTestId('ticket-page')).toBeVisible();
  const ticketNo1 =
    (await page.getByTestId('ticket-page').getByRole('heading', { level: 3 }).textContent())?.match(
      /[A-Z0-9]+-\d{6}-\d{4}/,
    )?.[0] ?? '';
  expect(ticketNo1).toMatch(/^SH01-\d{6}-0001$/);
  await expect.poll(async () => (await printedHtml(page)).length).toBe(1); // claim receipt and repair card
  await expect(page.getByTestId('bill-entries')).toContainText(yuan(one.depositFen));

  // The clerk opens the hand-back screen (F4) for the day's collections.
  await page.keyboard.press('F4');
  await expect(page.getByTestId('pickup-scan')).toBeFocused();

  // Intakes 2 and 3 come in at the other counter PC (through the core); ticket 3 leaves a WeChat deposit.
  const ticket1 = await app.rpc<{ id: string }>('tickets.get', { ticketNo: ticketNo1 }, people.clerk.token);
  const ticket2 = await takeInByApi(app, people.clerk.token, {
    customer: { name: '张明', phones: ['13911112222'] },
    device: { brand: 'Apple', model: 'iPad Air 5', serial: 'DMPX12345AIR' },
    fault: '电池不耐用',
    estimateFen: two.estimateFen,
  });
  const ticket3 = await takeInByApi(app, people.clerk.token, {
    customer: { name: '李娜', phones: ['13700001111'] },
    device: { brand: 'Midea', model: 'M1', serial: 'MD-0001' },
    fault: '不制冷',
    estimateFen: three.estimateFen,
    deposit: { method: 'wechat', amountFen: three.depositFen },
  });

  // The bench works through all three.
  await repairToReady(app, people, ticket1.id, one);
  await repairToReady(app, people, ticket2.id, two);
  await repairToReady(app, people, ticket3.id, three);

  // Hand-back 1: the claim receipt is scanned; cash, with change from ¥300.
  await scan(page, ticketNo1);
  await expectDue(page, ticketNo1, due1);
  await expect(page.getByTestId('bill-to-pay')).toHaveText(yuan(charges1));
  await expect(page.getByTestId('bill-lines')).toContainText(`${one.minutes} 分钟`);
  await expect(page.getByTestId('payment-method-0').getByRole('radio', { name: '现金' })).toBeChecked();
  await expect(page.getByTestId('payment-tendered-0')).toBeFocused();
  await page.keyboard.type(plain(tenderedFen));
  await expect(page.getByTestId('payment-change-0')).toHaveText(yuan(changeFen));
  await sign(page);
  await expect(page.locator('.ant-message-notice')).toHaveCount(0);
  await shot(page, 'pickup-zh-CN');
  const voucher1 = await saveHandBack(page, ticketNo1, 1);
  await expect(page.getByTestId('pickup-change')).toContainText(yuan(changeFen));
  await expect(page.getByTestId('pickup-done')).toContainText(
    `本次收款 ${yuan(due1)} · 找零 ${yuan(changeFen)}`,
  );
  await expect(page.locator('.ant-message-notice')).toHaveCount(0);
  await shot(page, 'pickup-done-zh-CN');
  await page.getByTestId('pickup-next').click();
  await expect(page.getByTestId('pickup-done')).toBeHidden();
  await expect(page.getByTestId('pickup-scan')).toBeFocused();

  // Hand-back 2: the number typed in; by bank card.
  await page.keyboard.type(ticket2.ticketNo);
  await page.keyboard.press('Enter');
  await expectDue(page, ticket2.ticketNo, due2);
  await expect(page.getByTestId('bill-lines').getByRole('row', { name: /超出报价部分/ })).toContainText(
    yuan(charges2 - workOf(two)), // capped at the quote
  );
  await page.getByTestId('payment-method-0').getByText('银行卡', { exact: true }).click();
  await expect(page.getByTestId('payment-tendered-0')).toHaveCount(0); // no change on a card
  await sign(page);
  await saveHandBack(page, ticket2.ticketNo, 2);
  await expect(page.getByTestId('pickup-done')).toContainText(`本次收款 ${yuan(due2)}`);
  await expect(page.getByTestId('pickup-change')).toHaveCount(0);
  await page.getByTestId('pickup-next').click();
  await expect(page.getByTestId('pickup-scan')).toBeFocused();

  // Hand-back 3: scanned; the WeChat deposit counts, the rest by WeChat Pay.
  await scan(page, ticket3.ticketNo);
  await expectDue(page, ticket3.ticketNo, due3);
  await expect(page.getByTestId('bill-entries')).toContainText('微信支付');
  await page.getByTestId('payment-method-0').getByText('微信支付', { exact: true }).click();
  await sign(page);
  await saveHandBack(page, ticket3.ticketNo, 3);
  await page.getByTestId('pickup-next').click();
  await expect(page.getByTestId('pickup-scan')).toBeFocused();

  // The pickup voucher of ticket 1: what was paid before and now, the cash and the change.
  const check = await browser.newPage();
  await check.setContent(voucher1);
  const voucher = check.locator('[data-document="pickup_voucher"]');
  await expect(voucher).toContainText('取机凭证');
  await expect(voucher).toContainText(ticketNo1);
  await expect(voucher).toContainText('138****8000');
  await expect(voucher.locator('[data-field="paid-before"]')).toContainText(
    `定金 · 现金${yuan(one.depositFen)}`,
  );
  await expect(voucher.locator('[data-field="paid-now"]')).toContainText(`收款 · 现金${yuan(due1)}`);
  await expect(voucher.locator('[data-field="paid-now"]')).toContainText(
    `实收 ${yuan(tenderedFen)}，找零 ${yuan(changeFen)}`,
  );
  await expect(voucher.locator('[data-field="total-paid"]')).toHaveText(yuan(charges1));
  await expect(voucher.locator('img.signature-image')).toHaveAttribute('src', /^data:image\/png;base64,/);
  const voucherPdf = `${out}/pickup-voucher-80mm.pdf`;
  await printToPdf(browser, app.url, voucher1, voucherPdf, '80mm');
  expect(decodeBarcode(pdfToPng(voucherPdf), BarcodeFormat.CODE_128)).toBe(ticketNo1);

  // Later, ticket 1's customer comes back: ¥20 back in cash. The clerk asks, 周主任 allows it.
  await page.getByRole('menuitem', { name: '钱箱日结' }).click();
  await expect(page.getByTestId('drawer-expected')).toBeVisible();
  await scan(page, ticketNo1); // the claim receipt's number opens the ticket
  const payments = page.getByTestId('payments-section');
  await expect(payments.getByTestId('bill-paid')).toHaveText(yuan(charges1));
  await payments.getByTestId('payments-refund').click();
  const refund = page.getByRole('dialog', { name: `${ticketNo1} 退款` });
  await expect(refund.getByRole('radio', { name: `现金 ${yuan(charges1)}` })).toBeChecked();
  await refund.getByLabel('退款金额').fill(plain(refundFen));
  await refund.getByLabel('退款原因').fill('屏幕贴膜未贴，退还贴膜费');
  await refund.getByRole('button', { name: ok }).click();
  const allow = page.getByRole('dialog', { name: '需要主任授权' });
  await expect(allow).toBeVisible();
  const approvers = (await app.rpc<{ name: string; role: string }[]>('auth.roster', {})).filter(
    (s) => s.role === 'supervisor' || s.role === 'admin',
  );
  const who = allow.getByLabel('授权人', { exact: true });
  await who.focus();
  await page.keyboard.press('ArrowDown'); // opens the list on its first name
  const options = page.locator('.ant-select-dropdown:visible');
  await expect(options.locator('.ant-select-item-option-active')).toHaveAttribute(
    'title',
    `${approvers[0]?.name} (${approvers[0]?.role === 'admin' ? '管理员' : '主任'})`,
  );
  for (let i = 0; i < approvers.findIndex((s) => s.name === '周主任'); i++) {
    await page.keyboard.press('ArrowDown');
  }
  await expect(options.locator('.ant-select-item-option-active')).toHaveAttribute('title', '周主任 (主任)');
  await page.keyboard.press('Enter');
  await expect(allow.locator('.ant-select')).toContainText('周主任 (主任)');
  await allow.getByLabel('授权人 PIN 码').fill('3579');
  await allow.getByLabel('授权人 PIN 码').press('Enter');
  await expect(allow).toBeHidden();
  await expect(refund).toBeHidden();
  const refundRow = payments.getByTestId('bill-entries').getByRole('row', { name: /退款/ });
  await expect(refundRow).toContainText(`-${yuan(refundFen)}`);
  await expect(refundRow).toContainText('李前台 · 周主任 批准 · 屏幕贴膜未贴，退还贴膜费');
  await expect(payments.getByTestId('bill-paid')).toHaveText(yuan(charges1 - refundFen));
  await expect(page.locator('.ant-modal-mask:visible')).toHaveCount(0);
  await expect(page.locator('.ant-message-notice')).toHaveCount(0);
  await shot(page, 'ticket-refund-zh-CN');

  // A payout from the drawer: the courier.
  await page.getByRole('menuitem', { name: '钱箱日结' }).click();
  await expect(page.getByTestId('cash-kind').getByRole('radio', { name: '支出' })).toBeChecked();
  await page.getByTestId('cash-amount').fill(plain(payoutFen));
  await page.getByTestId('cash-note').fill(payoutNote);
  await page.getByTestId('cash-save').click();
  const payout = page.getByTestId('cash-movements').getByRole('row', { name: new RegExp(payoutNote) });
  await expect(payout).toContainText(`-${yuan(payoutFen)}`);
  await expect(payout).toContainText('李前台');
  await expect(page.getByTestId('drawer-expected')).toContainText(yuan(expectedFen));
  await expect(page.locator('.ant-message-notice')).toHaveCount(0);
  await shot(page, 'drawer-zh-CN');

  // The close: the day's figures on screen, as computed here.
  const businessDate =
    (await page.getByTestId('business-date').textContent())?.match(/\d{4}-\d\d-\d\d/)?.[0] ?? '';
  expect(businessDate).toBe(dayjs().format('YYYY-MM-DD'));
  await page.getByRole('tab', { name: '日结', exact: true }).click();
  await expect(page.getByTestId('figure-expected')).toHaveText(yuan(expectedFen));
  await expect(page.getByTestId('figure-net-total')).toHaveText(yuan(netTotal));
  await expect(page.getByTestId('figure-discounts')).toHaveText('—');
  await expect(page.getByTestId('figure-counted')).toHaveText('—');
  const methodRows = page.getByTestId('figures-methods').locator('tbody tr.ant-table-row');
  for (const method of ['cash', 'card', 'wechat', 'alipay'] as const) {
    const m = byMethod(method);
    await expect(methodRows.filter({ hasText: methodNames[method] }).getByRole('cell')).toHaveText([
      methodNames[method],
      sumText(m.deposits),
      sumText(m.payments),
      sumText(m.refunds, true),
      yuan(m.net),
    ]);
  }
  const cashFigures = page.getByTestId('day-figures');
  await expect(cashFigures.getByRole('row', { name: /现金收款/ })).toContainText(yuan(cashTakenFen));
  await expect(cashFigures.getByRole('row', { name: /现金退款/ })).toContainText(yuan(cash.refunds.fen));
  await expect(cashFigures.getByRole('row', { name: /支出/ })).toContainText(yuan(payoutFen));
  await expect(cashFigures.getByRole('row', { name: /当日收件/ })).toContainText('3');
  await expect(cashFigures.getByRole('row', { name: /当日取件/ })).toContainText('3');

  // The drawer counted ¥10 short.
  for (const [note, pieces] of Object.entries(closing)) {
    await page.getByTestId(`close-count-${note}`).fill(String(pieces));
  }
  await expect(page.getByTestId('close-count-total')).toHaveText(yuan(countedFen));
  await page.getByTestId('close-count-save').click();
  await expect(page.getByTestId('close-counted')).toContainText(yuan(countedFen));
  await expect(page.getByTestId('close-expected')).toContainText(yuan(expectedFen));
  await expect(page.getByTestId('close-variance')).toHaveAttribute('data-variance', String(varianceFen));
  await expect(page.getByTestId('close-variance')).toHaveText(`${yuan(varianceFen)} · 短款`);
  await expect(page.getByTestId('figure-variance')).toHaveText(`${yuan(varianceFen)} · 短款`);

  // Closing without a word about the variance is refused; nothing is closed.
  await page.getByTestId('close-submit').click();
  await expect(page.getByText('有差额，请写明原因')).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByTestId('z-number')).toHaveCount(0);
  await expect(page.locator('.ant-message-notice')).toHaveCount(0);
  await shot(page, 'dayclose-variance-zh-CN');

  await page.getByTestId('close-note').fill(varianceNote);
  await page.getByTestId('close-submit').click();
  const confirmClose = page.getByRole('dialog').filter({ hasText: `日结 ${businessDate}？` });
  await confirmClose.getByRole('button', { name: '日结并生成 Z 报表' }).click();
  await expect(confirmClose).toBeHidden();
  await expect(page.getByTestId('z-number')).toHaveText('Z-SH01-000001');
  const zReport = page.getByTestId('z-report');
  await expect(zReport).toContainText(varianceNote);
  await expect(zReport.getByTestId('figure-variance')).toHaveText(`${yuan(varianceFen)} · 短款`);
  await expect(zReport.getByTestId('figure-expected')).toHaveText(yuan(expectedFen));
  await expect(page.locator('.ant-message-notice')).toHaveCount(0);
  await expect(page.locator('.ant-modal-mask:visible')).toHaveCount(0); // the confirmation has faded out
  await shot(page, 'zreport-zh-CN');

  // The Z-report on the receipt printer and on A4.
  await page.getByTestId('z-print-80').click();
  await expect.poll(async () => (await printedHtml(page)).length).toBe(5);
  await page.getByTestId('z-print-a4').click();
  await expect.poll(async () => (await printedHtml(page)).length).toBe(6);
  const [z80Html = '', zA4Html = ''] = (await printedHtml(page)).slice(4);
  for (const [html, paper] of [
    [z80Html, '80mm'],
    [zA4Html, 'A4'],
  ] as const) {
    await check.setContent(html);
    const z = check.locator(`[data-document="z_report"][data-paper="${paper}"]`);
    await expect(z.getByTestId('z-print-number')).toHaveText('Z-SH01-000001');
    await expect(z).toContainText('上海南京路店');
    await expect(z).toContainText(varianceNote);
    await expect(z).toContainText(payoutNote);
    await expect(z).toContainText(`-${yuan(payoutFen)}`);
    await expect(z).toContainText(`${yuan(varianceFen)} 短款`);
    const row = (label: string) => z.locator('tr').filter({ hasText: label }).first();
    await expect(row('应有现金')).toContainText(yuan(expectedFen));
    await expect(row('实点现金')).toContainText(yuan(countedFen));
    await expect(row('备用金')).toContainText(yuan(floatFen));
  }
  // 80 mm: a block per method used, its net first. A4: one table of every method.
  await check.setContent(z80Html);
  const methodBlock = (name: string) =>
    check.locator('tr.z-total').filter({ has: check.locator('th', { hasText: new RegExp(`^${name}$`) }) });
  for (const method of ['cash', 'card', 'wechat'] as const) {
    await expect(methodBlock(methodNames[method])).toContainText(yuan(byMethod(method).net));
  }
  await expect(methodBlock('支付宝')).toHaveCount(0); // nothing taken by Alipay: left off the receipt
  await expect(check.locator('tr.z-grand')).toContainText(yuan(netTotal));
  await check.setContent(zA4Html);
  for (const method of ['cash', 'card', 'wechat'] as const) {
    const m = byMethod(method);
    await expect(
      check.locator('table.z-methods tbody tr').filter({ hasText: methodNames[method] }).locator('td'),
    ).toHaveText([
      methodNames[method],
      sumText(m.deposits),
      sumText(m.payments),
      sumText(m.refunds, true),
      yuan(m.net),
    ]);
  }
  await check.close();

  const z80Pdf = `${out}/zreport-80mm.pdf`;
  const zA4Pdf = `${out}/zreport-A4.pdf`;
  await printToPdf(browser, app.url, z80Html, z80Pdf, '80mm');
  await printToPdf(browser, app.url, zA4Html, zA4Pdf, '210mm');
  pdfToPng(z80Pdf);
  pdfToPng(zA4Pdf, 100);
  for (const pdf of [z80Pdf, zA4Pdf]) {
    const text = pdfText(pdf);
    expect(text).toContain('Z-SH01-000001');
    const squeezed = text.replace(/\s+/g, ''); // a long note wraps in its column
    expect(squeezed).toContain(varianceNote.replace(/\s+/g, ''));
    expect(squeezed).toContain(payoutNote);
    expect(text).toMatch(new RegExp(`应有现金\\s+${literal(yuan(expectedFen))}`));
    expect(text).toMatch(new RegExp(`差额\\s+${literal(yuan(varianceFen))} 短款`));
    expect(text).toMatch(new RegExp(`合计\\s.*${literal(yuan(netTotal))}`));
    for (const method of ['cash', 'card', 'wechat'] as const) {
      expect(text).toMatch(new RegExp(`${methodNames[method]}\\s.*${literal(yuan(byMethod(method).net))}`));
    }
  }

  // The CSV for the accountant: one line per figure, per method.
  const [csvDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('z-export-csv').click(),
  ]);
  expect(csvDownload.suggestedFilename()).toBe(`Z-SH01-000001_${businessDate}.csv`);
  const csv = fs.readFileSync(await csvDownload.path(), 'utf8');
  const csvLines = csv.replace(/^\uFEFF/, '').split('\r\n');
  expect(csvLines).toContain('报表,Z 编号,,Z-SH01-000001');
  for (const method of ['cash', 'card', 'wechat'] as const) {
    const m = byMethod(method);
    const name = methodNames[method];
    expect(csvLines).toContain(`${name},定金,${m.deposits.count},${plain(m.deposits.fen)}`);
    expect(csvLines).toContain(`${name},尾款,${m.payments.count},${plain(m.payments.fen)}`);
    expect(csvLines).toContain(`${name},退款,${m.refunds.count},${plain(-m.refunds.fen)}`);
    expect(csvLines).toContain(`${name},净额,,${plain(m.net)}`);
  }
  expect(csvLines).toContain(`合计,净额,,${plain(netTotal)}`);
  expect(csvLines).toContain(`现金核对,应有现金,,${plain(expectedFen)}`);
  expect(csvLines).toContain(`现金核对,差额,,${plain(varianceFen)}`);
  expect(csvLines).toContain(`现金核对,差额说明,,${varianceNote}`);
  expect(csvLines.some((line) => line.includes(payoutNote) && line.endsWith(`,-${plain(payoutFen)}`))).toBe(
    true,
  );

  // The drawer has moved on to the next day.
  await expect(page.getByTestId('business-date')).not.toContainText(businessDate);
});
