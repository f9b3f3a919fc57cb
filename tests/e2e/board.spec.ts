import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { adminPin, expect, seedStore, shot, signIn, test } from './fixtures';
import type { AppServer } from './app-server';
import { scan } from './keyboard';

const day = 86_400_000;
const inDays = (n: number) => new Date(Date.now() + n * day).toISOString().slice(0, 10);

type Intake = {
  customer: string;
  phone: string;
  brand: string;
  model: string;
  fault: string;
  urgent?: boolean;
};

/** A ticket through the API, with its own customer and device (the board shows both). */
async function intake(app: AppServer, token: string, job: Intake) {
  return app.rpc<{ id: string; ticketNo: string }>(
    'tickets.create',
    {
      idempotencyKey: crypto.randomUUID(),
      customer: { name: job.customer, phones: [job.phone] },
      device: { categoryId: 'other', brand: job.brand, model: job.model },
      reportedFault: job.fault,
      serviceType: 'A',
      estimateFen: 0,
      diagnosisFeeFen: 0,
      promisedDate: inDays(3),
      priority: job.urgent ? 'urgent' : 'normal',
    },
    token,
  );
}

/**
 * A store with six open jobs: one in repair (urgent, 张师傅's), one ready for pickup, one long
 * overdue and idle (刘师傅's), and three nobody holds yet.
 */
async function storeWithWork(app: AppServer) {
  const { adminId } = await seedStore(app);
  const signInAs = async (staffId: string, pin: string) =>
    (await app.rpc<{ token: string }>('auth.signIn', { staffId, pin })).token;
  const admin = await signInAs(adminId, adminPin);
  const person = (name: string, role: string, pin: string) =>
    app.rpc<{ id: string }>('staff.create', { name, role, pin }, admin);
  const supervisor = await person('赵主任', 'supervisor', '1357');
  const zhang = await person('张师傅', 'technician', '1111');
  const liu = await person('刘师傅', 'technician', '2222');

  const inRepair = await intake(app, admin, {
    customer: '陈伟',
    phone: '13800002222',
    brand: 'Huawei',
    model: 'Mate 60 Pro',
    fault: '屏幕碎裂，触摸失灵',
    urgent: true,
  });
  const battery = await intake(app, admin, {
    customer: '李娜',
    phone: '13700001111',
    brand: 'Apple',
    model: 'iPhone 13',
    fault: '电池鼓包，续航很短',
  });
  const laptop = await intake(app, admin, {
    customer: 'Emily Chen',
    phone: '13900003333',
    brand: 'Lenovo',
    model: 'ThinkPad X1 Carbon',
    fault: '开机蓝屏，风扇异响，偶尔自动重启；客户要求保留硬盘数据，检测主板与内存',
  });
  const aircon = await intake(app, admin, {
    customer: '王强',
    phone: '13600004444',
    brand: 'Midea',
    model: 'KFR-35GW',
    fault: '不制冷',
  });
  const ready = await intake(app, admin, {
    customer: '周敏',
    phone: '13500005555',
    brand: 'Xiaomi',
    model: '14',
    fault: '无法充电',
  });
  const tablet = await intake(app, admin, {
    customer: '孙丽',
    phone: '13400006666',
    brand: 'Apple',
    model: 'iPad Air',
    fault: '摔落后无法开机',
  });

  type Changed = { version: number };
  const version = async (ticket: string) =>
    (await app.rpc<Changed>('repair.card', { ticket }, admin)).version;
  let v = await version(inRepair.id);
  v = (
    await app.rpc<Changed>(
      'repair.assign',
      { ticket: inRepair.id, version: v, technicianId: zhang.id },
      admin,
    )
  ).version;
  await app.rpc(
    'repair.diagnose',
    { ticket: inRepair.id, version: v, diagnosis: '屏幕总成损坏', estimateFen: 0 },
    admin,
  );

  v = await version(aircon.id);
  await app.rpc('repair.assign', { ticket: aircon.id, version: v, technicianId: liu.id }, admin);

  v = await version(ready.id);
  v = (
    await app.rpc<Changed>(
      'repair.diagnose',
      { ticket: ready.id, version: v, diagnosis: '尾插氧化', estimateFen: 0 },
      admin,
    )
  ).version;
  v = (
    await app.rpc<Changed>(
      'repair.finish',
      { ticket: ready.id, version: v, actionTaken: '更换尾插', qcPassed: true },
      admin,
    )
  ).version;
  await app.rpc('repair.check', { ticket: ready.id, version: v, passed: true }, admin);

  // Days pass: the server has no clock to wind on, and intake refuses a promised date in the past,
  // so the air conditioner is aged in its database (promised two days ago, untouched for four).
  const db = new Database(path.join(app.dataDir, 'repair-counter.sqlite'), { timeout: 5000 });
  db.prepare('UPDATE tickets SET promised_date = ?, status_at = ?, activity_at = ? WHERE id = ?').run(
    inDays(-2),
    Date.now() - 4 * day,
    Date.now() - 4 * day,
    aircon.id,
  );
  db.close();

  return {
    admin,
    supervisor,
    liuToken: await signInAs(liu.id, '2222'),
    zhangToken: await signInAs(zhang.id, '1111'),
    jobs: { inRepair, battery, laptop, aircon, ready, tablet },
  };
}

const tile = (page: Page, name: string) =>
  page.getByTestId('board-counts').getByRole('button', { name, exact: true });

/** Picks a technician in a row's 派工 control. */
async function assignIn(page: Page, ticketNo: string, name: string, between?: () => Promise<void>) {
  await page.getByRole('combobox', { name: `派工 ${ticketNo}` }).click();
  const option = page.locator('.ant-select-dropdown:visible').getByTitle(name, { exact: true });
  await expect(option).toBeVisible();
  await between?.();
  await option.click();
}

test('the board counts and lists the work, a supervisor assigns, a technician claims by scanning, and it stays live', async ({
  page,
  app,
  context,
}) => {
  const { admin, jobs, liuToken, zhangToken } = await storeWithWork(app);
  const { inRepair, battery, laptop, aircon, ready, tablet } = jobs;

  await page.goto(`${app.url}/#/board`);
  await signIn(page, '赵主任', '1357');
  await expect(page.getByRole('heading', { name: '维修看板' })).toBeVisible();
  await expect(tile(page, '全部 6')).toBeVisible();
  await expect(tile(page, '已收件 4')).toBeVisible();
  await expect(tile(page, '维修中 1')).toBeVisible();
  await expect(tile(page, '待取机 1')).toBeVisible();
  await expect(tile(page, '逾期 1')).toBeVisible();
  await expect(tile(page, '停滞 1')).toBeVisible();
  await expect(tile(page, '未派工 3')).toBeVisible();

  const rows = page.getByTestId('board-rows');
  await expect(rows.getByRole('row')).toHaveCount(7); // header + six open jobs
  // Urgent first, then by due date: the overdue air conditioner leads the normal ones.
  await expect(rows.getByRole('row').nth(1)).toContainText(inRepair.ticketNo);
  await expect(rows.getByRole('row').nth(1)).toContainText('加急');
  await expect(rows.getByRole('row').nth(2)).toContainText(aircon.ticketNo);
  const airconRow = rows.getByRole('row').filter({ hasText: aircon.ticketNo });
  await expect(airconRow).toContainText('停滞');
  await expect(airconRow).toContainText('4 天');
  await expect(airconRow.locator('[data-overdue="true"]')).toHaveText(/\d{4}-\d{2}-\d{2}/);
  await expect(rows.getByRole('row').filter({ hasText: ready.ticketNo })).toContainText('待取机');
  await expect(rows.getByRole('link', { name: battery.ticketNo })).toHaveAttribute(
    'href',
    `#/tickets/${battery.ticketNo}`,
  );

  // A tile opens its view, and the address says which.
  await tile(page, '逾期 1').click();
  await expect(page).toHaveURL(/#\/board\/overdue$/);
  await expect(rows.getByRole('row')).toHaveCount(2);
  await expect(rows).toContainText(aircon.ticketNo);
  await tile(page, '未派工 3').click();
  await expect(page).toHaveURL(/#\/board\/unassigned$/);
  await expect(rows.getByRole('row')).toHaveCount(4);

  // 派工 from the board.
  await assignIn(page, battery.ticketNo, '张师傅');
  await expect(page.getByText(`${battery.ticketNo} 已派给 张师傅`)).toBeVisible();
  await expect(tile(page, '未派工 2')).toBeVisible();
  await expect(rows.getByRole('row')).toHaveCount(3);

  // 刘师傅 takes the tablet at his bench while the supervisor is choosing: the choice is refused.
  await assignIn(page, tablet.ticketNo, '张师傅', async () => {
    await app.rpc('repair.claim', { ticket: tablet.ticketNo }, liuToken);
  });
  await expect(page.getByText('此单已被他人修改，请刷新后再操作')).toBeVisible();
  await expect(tile(page, '未派工 1')).toBeVisible(); // and the board read it again
  await expect(rows.getByRole('row')).toHaveCount(2);

  // The technician, at another PC: my jobs first.
  const bench = await context.newPage();
  await bench.goto(`${app.url}/#/board`);
  await signIn(bench, '张师傅', '1111');
  const mine = bench.getByTestId('my-jobs');
  const toTake = bench.getByTestId('jobs-to-take');
  await expect(bench.getByRole('tab', { name: '我的工单', selected: true })).toBeVisible();
  await expect(mine).toContainText(inRepair.ticketNo);
  await expect(mine).toContainText(battery.ticketNo);
  await expect(toTake).toContainText(laptop.ticketNo);
  await expect(bench.getByRole('searchbox', { name: /扫描修护卡条码/ })).toBeFocused();

  const results = bench.getByTestId('claim-results');
  await scan(bench, laptop.ticketNo);
  await expect(results).toContainText(`${laptop.ticketNo} 已领取，归您负责`);
  await expect(mine).toContainText(laptop.ticketNo);
  await expect(toTake).not.toContainText(laptop.ticketNo);
  await scan(bench, inRepair.ticketNo);
  await expect(results).toContainText(`${inRepair.ticketNo} 本来就是您的工单`);
  await scan(bench, tablet.ticketNo);
  await expect(results).toContainText(`${tablet.ticketNo} 已由 刘师傅 负责`);
  await scan(bench, ready.ticketNo);
  await expect(results).toContainText(`${ready.ticketNo} 已不在维修阶段`);
  await bench.getByRole('searchbox', { name: /扫描修护卡条码/ }).fill('6901234567892');
  await bench.keyboard.press('Enter');
  await expect(results).toContainText('6901234567892：无法识别的条码');
  await expect(bench).toHaveURL(/#\/board$/); // scans claimed jobs; no ticket opened

  // A job taken in meanwhile shows up when the bench PC's window is used again; its button claims it.
  const printer = await intake(app, admin, {
    customer: '吴刚',
    phone: '13300007777',
    brand: 'Canon',
    model: 'G3810',
    fault: '卡纸',
  });
  await bench.evaluate(() => window.dispatchEvent(new Event('focus')));
  await toTake.getByRole('button', { name: `领取 ${printer.ticketNo}` }).click();
  await expect(results).toContainText(`${printer.ticketNo} 已领取，归您负责`);
  await expect(mine.getByRole('row')).toHaveCount(5);
  await expect(toTake).toContainText('没有工单');
  await shot(bench, 'board-my-jobs-zh-CN');

  // The supervisor's board catches up without a page load: when its window gets the focus back...
  await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect(tile(page, '未派工 0')).toBeVisible();
  await expect(rows).toContainText('没有工单');
  // ...and by itself, every 15 s.
  await tile(page, '全部 7').click();
  await expect(rows.getByRole('row')).toHaveCount(8); // this view's rows are in: what changes next is the poll's
  const laptopVersion = (await app.rpc<{ version: number }>('repair.card', { ticket: laptop.id }, zhangToken))
    .version;
  await app.rpc('repair.move', { ticket: laptop.id, version: laptopVersion, to: 'diagnosing' }, zhangToken);
  await expect(tile(page, '检测中 1')).toBeVisible({ timeout: 20_000 });
  await expect(rows.getByRole('row').filter({ hasText: laptop.ticketNo })).toContainText('检测中');
  expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
  await expect(page.locator('.ant-message-notice')).toHaveCount(0, { timeout: 10_000 });
  await shot(page, 'board-zh-CN');

  await page.getByText('English', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Repair board' })).toBeVisible();
  await expect(tile(page, 'Overdue 1')).toBeVisible();
  await expect(tile(page, 'In repair 1')).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Technician' })).toBeVisible();
  await expect(page.locator('.ant-segmented-thumb')).toHaveCount(0); // the language switch has settled
  await shot(page, 'board-en');
});

test('a clerk sees the board but neither assigns nor has my jobs', async ({ page, app }) => {
  const { adminId } = await seedStore(app);
  const admin = (await app.rpc<{ token: string }>('auth.signIn', { staffId: adminId, pin: adminPin })).token;
  await app.rpc('staff.create', { name: '钱前台', role: 'clerk', pin: '3333' }, admin);
  const job = await intake(app, admin, {
    customer: '陈伟',
    phone: '13800002222',
    brand: 'Huawei',
    model: 'P60',
    fault: '进水',
  });
  await page.goto(`${app.url}/#/board/mine`);
  await signIn(page, '钱前台', '3333');
  await expect(page.getByRole('tab', { name: '看板', selected: true })).toBeVisible();
  await expect(page.getByRole('tab', { name: '我的工单' })).toHaveCount(0);
  const row = page.getByTestId('board-rows').getByRole('row').filter({ hasText: job.ticketNo });
  await expect(row).toContainText('未派工');
  await expect(page.getByRole('combobox', { name: `派工 ${job.ticketNo}` })).toHaveCount(0);
});
