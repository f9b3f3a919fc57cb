import type { Page } from '@playwright/test';
import { adminPin, expect, seedStore, shot, signIn, test } from './fixtures';
import type { AppServer } from './app-server';
import { scan } from './keyboard';

type Part = { id: string; sku: string; barcode: string; onHand: number };
const ok = /确\s*定|OK/;

/** A store with a supervisor and a clerk, and the admin's token for checking the core's figures. */
async function store(app: AppServer) {
  const { adminId } = await seedStore(app);
  const { token } = await app.rpc<{ token: string }>('auth.signIn', { staffId: adminId, pin: adminPin });
  await app.rpc('staff.create', { name: '周主任', role: 'supervisor', pin: '3579' }, token);
  await app.rpc('staff.create', { name: '李前台', role: 'clerk', pin: '1357' }, token);
  const parts = async () => (await app.rpc<{ rows: Part[] }>('parts.list', {}, token)).rows;
  return { token, parts };
}

async function addPart(
  page: Page,
  part: {
    sku: string;
    barcode: string;
    name: string;
    models: string;
    cost: string;
    price: string;
    level: string;
  },
) {
  await page.getByRole('button', { name: '新增配件' }).click();
  const dialog = page.getByRole('dialog', { name: '新增配件' });
  await dialog.getByLabel('SKU').fill(part.sku);
  await dialog.getByLabel('条码').fill(part.barcode);
  await dialog.getByLabel('供应商').fill('深圳华强北配件行');
  await dialog.getByLabel('名称').fill(part.name);
  await dialog.getByLabel('进价').fill(part.cost);
  await dialog.getByLabel('售价').fill(part.price);
  await dialog.getByLabel('补货点').fill(part.level);
  await dialog.getByLabel('适用型号').fill(part.models);
  await dialog.getByRole('button', { name: ok }).click();
  await expect(dialog).toBeHidden();
}

async function receive(page: Page, sku: string, quantity: string) {
  await page
    .getByRole('row', { name: new RegExp(sku) })
    .getByRole('button', { name: '入库' })
    .click();
  const dialog = page.getByRole('dialog', { name: /^入库/ });
  await dialog.getByLabel('数量').fill(quantity);
  await page.keyboard.press('Enter'); // Enter saves, as OK does
  await expect(dialog).toBeHidden();
}

test('a supervisor adds two parts, receives stock, and a count by scanning finds a difference', async ({
  page,
  app,
}) => {
  const { parts } = await store(app);
  await page.goto(app.url);
  await signIn(page, '周主任', '3579');
  await page.getByRole('menuitem', { name: '配件' }).click();

  await addPart(page, {
    sku: 'scr-ip13-oem',
    barcode: '6901234567892',
    name: 'iPhone 13 屏幕总成',
    models: 'iPhone 13\niPhone 13 Pro',
    cost: '320',
    price: '580',
    level: '2',
  });
  await addPart(page, {
    sku: 'BAT-M60',
    barcode: '6901234567908',
    name: '华为 Mate 60 电池',
    models: 'Mate 60',
    cost: '85.5',
    price: '199',
    level: '3',
  });
  await expect(page.getByRole('row', { name: /SCR-IP13-OEM/ })).toContainText('需补货');
  await receive(page, 'SCR-IP13-OEM', '5');
  await receive(page, 'BAT-M60', '3');
  await expect(page.getByTestId('on-hand-SCR-IP13-OEM')).toHaveText('5');
  await expect(page.getByTestId('on-hand-BAT-M60')).toHaveText('3');
  await expect(page.getByRole('row', { name: /SCR-IP13-OEM/ })).not.toContainText('需补货');
  await expect(page.getByRole('row', { name: /BAT-M60/ })).toContainText('需补货'); // 3 is its reorder level
  await shot(page, 'parts-stock-zh-CN');

  // A scan on the stock list finds the part.
  await scan(page, '6901234567908');
  await expect(page.getByLabel('搜索配件')).toHaveValue('6901234567908');
  await expect(page.getByRole('row', { name: /SCR-IP13-OEM/ })).toHaveCount(0);

  await page.getByRole('tab', { name: '盘点' }).click();
  const code = page.getByLabel('条码或 SKU');
  await expect(code).toBeFocused();
  for (let i = 0; i < 4; i++) {
    await scan(page, '6901234567892');
    await expect(page.getByTestId('last-scan')).toHaveText(`iPhone 13 屏幕总成：${i + 1}`);
  }
  await scan(page, '6901234567908');
  await expect(page.getByTestId('last-scan')).toHaveText('华为 Mate 60 电池：1');
  await code.fill('bat-m60'); // typed, not scanned: Enter adds it the same
  await code.press('Enter');
  await expect(page.getByTestId('last-scan')).toHaveText('华为 Mate 60 电池：2');
  await page.getByLabel('实盘数量 BAT-M60').fill('3'); // a box counted by hand
  await scan(page, '6900000000000');
  await expect(page.getByText('找不到条码或 SKU 为 6900000000000 的配件')).toBeVisible();
  await expect(page.getByLabel('实盘数量 SCR-IP13-OEM')).toHaveValue('4');
  await shot(page, 'parts-count-zh-CN');

  await page.getByRole('button', { name: '完成盘点' }).click();
  await page.getByRole('dialog').getByRole('button', { name: ok }).click();
  await expect(page.getByText('1 种配件有差异，库存已按实盘数量调整')).toBeVisible();
  const differs = page.getByRole('row', { name: /SCR-IP13-OEM/ });
  await expect(differs.getByRole('cell')).toHaveText(['SCR-IP13-OEM', 'iPhone 13 屏幕总成', '5', '4', '-1']);
  await expect(
    page
      .getByRole('row', { name: /BAT-M60/ })
      .getByRole('cell')
      .last(),
  ).toHaveText('0');
  await shot(page, 'parts-count-result-zh-CN');

  expect((await parts()).map((p) => [p.sku, p.onHand])).toEqual([
    ['BAT-M60', 3],
    ['SCR-IP13-OEM', 4],
  ]);

  await page.getByRole('tab', { name: '补货清单' }).click();
  await expect(page.getByRole('row', { name: /BAT-M60/ }).getByRole('cell')).toHaveText([
    '深圳华强北配件行',
    'BAT-M60',
    '华为 Mate 60 电池',
    '3',
    '3',
    '0',
    '3',
    '¥85.50',
  ]);
  await page.getByText('English', { exact: true }).click();
  await page.getByRole('tab', { name: 'Stock', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Add part' })).toBeVisible();
  await shot(page, 'parts-stock-en');
});

test('bad input is refused with a clear message and changes nothing', async ({ page, app }) => {
  const { token, parts } = await store(app);
  await app.rpc(
    'parts.save',
    {
      sku: 'SCR-IP13',
      barcode: '6901234567892',
      name: 'iPhone 13 屏幕总成',
      costFen: 32000,
      priceFen: 58000,
    },
    token,
  );
  const before = await parts();
  await page.goto(app.url);
  await signIn(page, '周主任', '3579');
  await page.getByRole('menuitem', { name: '配件' }).click();

  await page.getByRole('button', { name: '新增配件' }).click();
  const dialog = page.getByRole('dialog', { name: '新增配件' });
  await dialog.getByLabel('SKU').fill('scr-ip13');
  await dialog.getByLabel('条码').fill('690 123');
  await dialog.getByLabel('名称').fill('重复的配件');
  await dialog.getByLabel('进价').fill('-5');
  await dialog.getByLabel('售价').fill('10');
  await dialog.getByRole('button', { name: ok }).click();
  await expect(dialog.getByText('只能包含字母、数字和 - . /')).toBeVisible();
  await expect(dialog.getByText('请输入金额，如 300 或 12.50')).toBeVisible();
  await dialog.getByLabel('条码').fill('');
  await dialog.getByLabel('进价').fill('5');
  await dialog.getByRole('button', { name: ok }).click();
  await expect(page.getByText('该编码已用于配件 SCR-IP13')).toBeVisible();
  await expect(dialog.getByText('该编码已用于另一个配件')).toBeVisible();
  await shot(page, 'parts-refused-zh-CN');
  await dialog.getByRole('button', { name: /取\s*消|Cancel/ }).click();

  // More out than there is: refused with the figures, nothing written.
  await page
    .getByRole('row', { name: /SCR-IP13/ })
    .getByRole('button', { name: '调整' })
    .click();
  const adjust = page.getByRole('dialog', { name: /^调整库存/ });
  await adjust.getByLabel('调整数量（减少填负数）').fill('-2');
  await adjust.getByLabel('原因').fill('摔坏报废');
  await expect(adjust.getByText('允许库存变为负数')).toBeVisible();
  await adjust.getByRole('button', { name: ok }).click();
  await expect(page.getByText('库存不足：现有 0，需要 2')).toBeVisible();
  await adjust.getByRole('button', { name: /取\s*消|Cancel/ }).click();
  expect(await parts()).toEqual(before);
});

test('a clerk adjusts stock with a supervisor override and returns a part to its vendor', async ({
  page,
  app,
}) => {
  const { token, parts } = await store(app);
  const part = await app.rpc<Part>(
    'parts.save',
    { sku: 'FLT-WM01', name: '洗衣机进水阀', costFen: 4500, priceFen: 9000, supplier: '杭州家电维修配件' },
    token,
  );
  await app.rpc('parts.receive', { requestId: crypto.randomUUID(), partId: part.id, quantity: 4 }, token);
  await page.goto(app.url);
  await signIn(page, '李前台', '1357');
  await page.getByRole('menuitem', { name: '配件' }).click();
  await expect(page.getByRole('button', { name: '新增配件' })).toHaveCount(0); // supervisors keep the catalogue

  await page
    .getByRole('row', { name: /FLT-WM01/ })
    .getByRole('button', { name: '调整' })
    .click();
  const adjust = page.getByRole('dialog', { name: /^调整库存/ });
  await adjust.getByLabel('调整数量（减少填负数）').fill('-1');
  await adjust.getByLabel('原因').fill('安装时损坏');
  await adjust.getByRole('button', { name: ok }).click();
  const allow = page.getByRole('dialog', { name: '需要主任授权' });
  await allow.getByLabel('授权人', { exact: true }).click();
  await page.getByTitle('周主任 (主任)').click();
  await allow.getByLabel('授权人 PIN 码').fill('3579');
  await allow.getByRole('button', { name: '授权' }).click();
  await expect(page.getByTestId('on-hand-FLT-WM01')).toHaveText('3');

  await page
    .getByRole('row', { name: /FLT-WM01/ })
    .getByRole('button', { name: '退供应商' })
    .click();
  const back = page.getByRole('dialog', { name: /^退供应商/ });
  await expect(back.getByLabel('供应商')).toHaveValue('杭州家电维修配件');
  await back.getByLabel('数量').fill('2');
  await back.getByRole('button', { name: ok }).click();
  await expect(back.getByText('必填')).toBeVisible(); // the RMA number
  await back.getByLabel('返修单号 (RMA)').fill('RMA-2611-07');
  await back.getByRole('button', { name: ok }).click();
  await expect(page.getByTestId('on-hand-FLT-WM01')).toHaveText('1');

  await page.getByRole('tab', { name: '在供应商处' }).click();
  await expect(page.getByRole('row', { name: /RMA-2611-07/ })).toContainText('0 天');
  await shot(page, 'parts-at-vendor-zh-CN');

  await page.getByRole('tab', { name: '库存' }).click();
  await page
    .getByRole('row', { name: /FLT-WM01/ })
    .getByRole('button', { name: '流水' })
    .click();
  const ledger = page.getByRole('dialog', { name: /库存流水/ });
  await expect(ledger.getByRole('row', { name: /调整/ })).toContainText('周主任');
  await expect(ledger.getByRole('row', { name: /退供应商/ })).toContainText('RMA-2611-07');
  // The drawer has finished sliding in (960 px wide, at the right of a 1280 px window).
  await expect.poll(async () => Math.round((await ledger.boundingBox())?.x ?? 0)).toBe(320);
  await shot(page, 'parts-ledger-zh-CN');
  expect((await parts())[0]?.onHand).toBe(1);
});
