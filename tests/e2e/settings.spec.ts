import { adminPin, expect, seedStore, shot, signIn, test } from './fixtures';

test('settings are saved and still there after the browser-mode server restarts', async ({ page, app }) => {
  await seedStore(app);
  await page.goto(app.url);
  await signIn(page, '王主管', adminPin);
  await page.getByRole('menuitem', { name: '设置' }).click();

  // The store profile: the shell shows the new name at once, without signing in again.
  await page.getByLabel('门店名称').fill('上海南京东路店');
  await page.getByRole('tabpanel').getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: '上海南京东路店', level: 5 })).toBeVisible();
  await expect(page.getByText('已保存')).toHaveCount(0); // its message gone before the next save's

  await page.getByRole('tab', { name: '单据' }).click();
  await page.getByLabel('取机凭证条款').fill('凭此单取机。超过 60 天未取收取保管费。');
  await page.getByRole('tabpanel').getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存')).toBeVisible();

  await page.getByRole('tab', { name: '打印机' }).click();
  await page.getByLabel('小票打印机').fill('XP-80C');
  await page.getByLabel('单据纸张').click();
  await page.getByTitle('A5').click();
  await page.getByRole('tabpanel').getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存').first()).toBeVisible();

  await page.getByRole('tab', { name: '备份与安全' }).click();
  await page.getByLabel('闲置自动锁定（分钟）').fill('12');
  await page.getByRole('tabpanel').getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存').first()).toBeVisible();
  await shot(page, 'settings-zh-CN');

  await app.restart();
  await page.goto(app.url);
  await signIn(page, '王主管', adminPin);
  await page.getByRole('menuitem', { name: '设置' }).click();
  await page.getByRole('tab', { name: '单据' }).click();
  await expect(page.getByLabel('取机凭证条款')).toHaveValue('凭此单取机。超过 60 天未取收取保管费。');
  await page.getByRole('tab', { name: '打印机' }).click();
  await expect(page.getByLabel('小票打印机')).toHaveValue('XP-80C');
  await expect(page.getByRole('tabpanel').getByTitle('A5')).toBeVisible();
  await page.getByRole('tab', { name: '备份与安全' }).click();
  await expect(page.getByLabel('闲置自动锁定（分钟）')).toHaveValue('12');
});

test('a value the core refuses is marked on the form and not saved', async ({ page, app }) => {
  await seedStore(app);
  await page.goto(app.url);
  await signIn(page, '王主管', adminPin);
  await page.getByRole('menuitem', { name: '设置' }).click();
  await page.getByRole('tab', { name: '备份与安全' }).click();
  await page.getByLabel('备份文件夹').fill('relative/folder');
  await page.getByRole('tabpanel').getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('输入有误，请检查标红的项目')).toBeVisible();
  await expect(page.getByText('必须是绝对路径，如 D:\\备份 或 /home/store/backups')).toBeVisible();
});
