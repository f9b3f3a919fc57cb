import { expect, shot, test } from './fixtures';

test('first run: the setup screen creates the store and its first admin', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: '首次使用：设置本店' })).toBeVisible();
  await shot(page, 'setup-zh-CN');

  // Nothing filled in: the form says what is missing and nothing is created.
  await page.getByRole('button', { name: '完成设置' }).click();
  await expect(page.getByText('必填').first()).toBeVisible();
  expect(await app.rpc<{ setUp: boolean }>('system.status', {})).toMatchObject({ setUp: false });

  await page.getByLabel('门店代码').fill('sh01');
  await page.getByLabel('门店名称').fill('上海南京路店');
  await page.getByLabel('地址').fill('南京东路 100 号');
  await page.getByLabel('电话').fill('021-5555-0100');
  await page.getByLabel('姓名').fill('王主管');
  await page.getByLabel('PIN 码', { exact: true }).fill('2468');
  await page.getByLabel('再次输入 PIN 码').fill('2460');
  await page.getByRole('button', { name: '完成设置' }).click();
  await expect(page.getByText('2-8 位大写字母或数字').first()).toBeVisible();
  await expect(page.getByText('两次输入的 PIN 码不一致')).toBeVisible();

  await page.getByLabel('门店代码').fill('SH01');
  await page.getByLabel('再次输入 PIN 码').fill('2468');
  await page.getByRole('button', { name: '完成设置' }).click();

  await expect(page.getByText('请选择您的姓名')).toBeVisible();
  await expect(page.getByTestId('roster').getByRole('button', { name: /王主管/ })).toBeVisible();
  expect(await app.rpc('system.status', {})).toMatchObject({ setUp: true, storeName: '上海南京路店' });
  await shot(page, 'signin-zh-CN');
});

test('a store set up in English signs in in English', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByLabel('界面语言').click();
  await page.getByTitle('English').click();
  await expect(page.getByRole('heading', { name: 'First run: set up this store' })).toBeVisible();
  await shot(page, 'setup-en');
  await page.getByLabel('Store code').fill('BJ02');
  await page.getByLabel('Store name').fill('Beijing Wangfujing');
  await page.getByLabel('Name', { exact: true }).fill('Alice Admin');
  await page.getByLabel('PIN', { exact: true }).fill('8642');
  await page.getByLabel('Repeat PIN').fill('8642');
  await page.getByRole('button', { name: 'Finish setup' }).click();
  await expect(page.getByText('Choose your name')).toBeVisible();
  await page
    .getByTestId('roster')
    .getByRole('button', { name: /Alice Admin/ })
    .click();
  await page.getByLabel(/PIN/).fill('1111');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('Wrong PIN; 4 attempts left');
  await shot(page, 'signin-wrong-pin-en');
});
