import { adminPin, expect, seedStore, shot, signIn, test } from './fixtures';

test('an admin edits a category: its required fields and checklist lines', async ({ page, app }) => {
  const { adminId } = await seedStore(app);
  await page.goto(app.url);
  await signIn(page, '王主管', adminPin);
  await page.getByRole('menuitem', { name: '品类' }).click();
  await page.getByRole('row', { name: /手机/ }).getByRole('button', { name: '编辑' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('checkbox', { name: '货架位置' }).check();
  const checklist = dialog.getByLabel('外观检查项');
  await checklist.fill(`${await checklist.inputValue()}\nsim_tray | 卡托缺失 | SIM tray missing`);
  await shot(page, 'catalogue-zh-CN');
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(page.getByText('已保存')).toBeVisible();
  await expect(page.getByRole('row', { name: /手机/ })).toContainText('货架位置');

  const { token } = await app.rpc<{ token: string }>('auth.signIn', { staffId: adminId, pin: adminPin });
  const catalogue = await app.rpc<{
    categories: { id: string; requiredFields: string[]; checklist: { key: string; zh: string }[] }[];
  }>('catalogue.get', {}, token);
  const phone = catalogue.categories.find((c) => c.id === 'phone');
  expect(phone?.requiredFields).toContain('shelfLocation');
  expect(phone?.checklist.at(-1)).toEqual({ key: 'sim_tray', zh: '卡托缺失', en: 'SIM tray missing' });
});
