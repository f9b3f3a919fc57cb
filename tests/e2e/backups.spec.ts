import { adminPin, expect, seedStore, shot, signIn, test } from './fixtures';

test('a clerk backs up, then restores with a supervisor override', async ({ page, app }) => {
  const { adminId } = await seedStore(app);
  const { token } = await app.rpc<{ token: string }>('auth.signIn', { staffId: adminId, pin: adminPin });
  await app.rpc('staff.create', { name: '李前台', role: 'clerk', pin: '1357' }, token);

  let signOuts = 0;
  page.on('request', (request) => {
    if (request.url().endsWith('/rpc') && request.postData()?.includes('"auth.signOut"')) signOuts += 1;
  });
  await page.goto(app.url);
  await signIn(page, '李前台', '1357');
  await page.getByRole('menuitem', { name: '备份' }).click();
  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(page.getByText(/备份完成：rc-.*-manual\.sqlite/)).toBeVisible();
  await expect(page.getByRole('cell', { name: '手动' })).toBeVisible();

  // A change after the backup, which the restore must undo.
  await app.rpc('staff.create', { name: '赵技师', role: 'technician', pin: '2468' }, token);

  await page.getByRole('button', { name: '恢复' }).first().click();
  await page.getByRole('tooltip').getByRole('button', { name: '恢复' }).click();
  const dialog = page.getByRole('dialog', { name: '需要主任授权' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('授权人', { exact: true }).click();
  await page.getByTitle('王主管 (管理员)').click();
  await dialog.getByLabel('授权人 PIN 码').fill('0000');
  await dialog.getByRole('button', { name: '授权' }).click();
  await expect(dialog.getByRole('alert')).toContainText('PIN 码错误，还可尝试 4 次');
  await dialog.getByLabel('授权人 PIN 码').fill(adminPin);
  await shot(page, 'override-zh-CN');
  await dialog.getByRole('button', { name: '授权' }).click();

  await expect(page.getByText(/已恢复。当前数据已另存为 rc-.*-pre-restore\.sqlite/)).toBeVisible();
  await expect(page.getByText('请选择您的姓名')).toBeVisible();
  const roster = page.getByTestId('roster');
  await expect(roster.getByRole('button', { name: /李前台/ })).toBeVisible();
  await expect(roster.getByRole('button', { name: /赵技师/ })).toHaveCount(0);
  // Ending the session after a restore is one call, not a loop of them.
  await roster.getByRole('button', { name: /李前台/ }).click();
  await expect(page.getByText('请输入 PIN 码').first()).toBeVisible();
  expect(signOuts).toBe(1);
});
