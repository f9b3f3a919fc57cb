import { adminPin, expect, seedStore, signIn, test } from './fixtures';

test('an admin adds a clerk, who signs in and sees only what a clerk may use', async ({ page, app }) => {
  await seedStore(app);
  await page.goto(app.url);
  await signIn(page, '王主管', adminPin);
  await page.getByRole('menuitem', { name: '员工' }).click();
  await page.getByRole('button', { name: '添加员工' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('姓名').fill('李前台');
  await dialog.getByLabel('角色').click();
  await page.getByTitle('前台').click();
  await dialog.getByLabel('PIN 码').fill('13');
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(dialog.getByText('4-8 位数字')).toBeVisible();
  await dialog.getByLabel('PIN 码').fill('1357');
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(page.getByRole('cell', { name: '李前台' })).toBeVisible();

  await page.getByRole('button', { name: '切换用户' }).click();
  await signIn(page, '李前台', '1357');
  await expect(page.getByTestId('signed-in-as')).toContainText('李前台');
  await expect(page.getByRole('menuitem', { name: '备份' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: '员工' })).toHaveCount(0);
  await page.getByRole('menuitem', { name: '设置' }).click();
  await expect(page.getByText('只有主任或管理员可以修改设置')).toBeVisible();
});
