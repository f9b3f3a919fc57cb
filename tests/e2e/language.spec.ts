import { adminPin, expect, seedStore, shot, signIn, test } from './fixtures';

test('the language switch changes every label and stays chosen after sign-out and a restart', async ({
  page,
  app,
}) => {
  await seedStore(app);
  await page.goto(app.url);
  await signIn(page, '王主管', adminPin);
  await expect(page.getByRole('menuitem', { name: '设置' })).toBeVisible();

  await page.getByText('English', { exact: true }).click();
  await expect(page.getByRole('menuitem', { name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByTestId('signed-in-as')).toContainText('Admin');
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  await shot(page, 'shell-en');

  // Signed out, the counter shows the store's language; the person's own choice returns at sign-in.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByText('请选择您的姓名')).toBeVisible();
  await signIn(page, '王主管', adminPin);
  await expect(page.getByRole('menuitem', { name: 'Settings' })).toBeVisible();

  await app.restart();
  await page.goto(app.url);
  await signIn(page, '王主管', adminPin);
  await expect(page.getByRole('menuitem', { name: 'Settings' })).toBeVisible();
  await page.getByText('中文', { exact: true }).click();
  await expect(page.getByRole('menuitem', { name: '设置' })).toBeVisible();
});
