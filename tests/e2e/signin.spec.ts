import { adminPin, expect, seedStore, shot, signIn, test } from './fixtures';

test('a staff member signs in with their PIN and sees the shell', async ({ page, app }) => {
  await seedStore(app);
  await page.goto(app.url);
  await signIn(page, '王主管', adminPin);
  await expect(page.getByTestId('signed-in-as')).toContainText('王主管');
  await expect(page.getByTestId('signed-in-as')).toContainText('管理员');
  for (const item of ['概览', '备份', '员工', '设置'])
    await expect(page.getByRole('menuitem', { name: item })).toBeVisible();
  await shot(page, 'shell-zh-CN');
});

test('a wrong PIN is refused with the tries left, and repeated ones lock the person out', async ({
  page,
  app,
}) => {
  await seedStore(app);
  await page.goto(app.url);
  await signIn(page, '王主管', '1111');
  await expect(page.getByRole('alert')).toContainText('PIN 码错误，还可尝试 4 次');
  await expect(page.getByTestId('signed-in-as')).toHaveCount(0);
  await shot(page, 'signin-wrong-pin-zh-CN');
  for (const tries of [3, 2, 1]) {
    await page.getByLabel(/PIN/).fill('1111');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert')).toContainText(`还可尝试 ${tries} 次`);
  }
  await page.getByLabel(/PIN/).fill('1111');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('错误次数过多，已锁定至');
  // Locked out: even the right PIN is refused now.
  await page.getByLabel(/PIN/).fill(adminPin);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('错误次数过多');
  await expect(page.getByTestId('signed-in-as')).toHaveCount(0);
});

test('the counter locks on request; its owner unlocks it, or someone else signs in', async ({
  page,
  app,
}) => {
  await seedStore(app);
  await page.goto(app.url);
  await signIn(page, '王主管', adminPin);
  await page.getByRole('button', { name: '锁定' }).click();
  await expect(page.getByText('王主管 的会话已锁定')).toBeVisible();
  await page.getByLabel(/PIN/).fill('0000');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('PIN 码错误');
  await page.getByLabel(/PIN/).fill(adminPin);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('signed-in-as')).toContainText('王主管');
  await page.getByRole('button', { name: '切换用户' }).click();
  await expect(page.getByText('请选择您的姓名')).toBeVisible();
});
