import dayjs from 'dayjs';
import { signaturePng } from '../helpers/signature';
import type { AppServer } from './app-server';
import { adminPin, expect, seedStore, shot, signIn, test } from './fixtures';
import { capturePrints } from './print-capture';
import { repairToReady } from './repair-steps';

/** A store that calls back every hand-back, and one phone repaired by 张师傅 and handed back. */
async function handedBack(app: AppServer) {
  const { adminId } = await seedStore(app);
  const { token: admin } = await app.rpc<{ token: string }>('auth.signIn', {
    staffId: adminId,
    pin: adminPin,
  });
  await app.rpc('settings.update', { followUpSharePercent: 100 }, admin);
  const staff = async (name: string, role: string, pin: string) => {
    const { id } = await app.rpc<{ id: string }>('staff.create', { name, role, pin }, admin);
    return { id, token: (await app.rpc<{ token: string }>('auth.signIn', { staffId: id, pin })).token };
  };
  const technician = await staff('张师傅', 'technician', '5791');
  const supervisor = await staff('周主任', 'supervisor', '3579');
  const { id: ticket, ticketNo } = await app.rpc<{ id: string; ticketNo: string }>(
    'tickets.create',
    {
      idempotencyKey: crypto.randomUUID(),
      customer: { name: '王伟', phones: ['13800138000'] },
      device: { categoryId: 'other', brand: 'Midea', model: 'M1', serial: 'QUALITY-0001' },
      reportedFault: '不制冷',
      serviceType: 'A',
      estimateFen: 20000,
      diagnosisFeeFen: 0,
      promisedDate: dayjs().add(3, 'day').format('YYYY-MM-DD'),
    },
    admin,
  );
  await repairToReady(app, { technician, supervisor }, ticket, { estimateFen: 20000, minutes: 30 });
  const bill = await app.rpc<{ version: number; balanceFen: number }>('payments.bill', { ticket }, admin);
  await app.rpc(
    'pickup.save',
    {
      ticket,
      version: bill.version,
      lines: [{ method: 'cash', amountFen: bill.balanceFen }],
      signature: signaturePng(),
      idempotencyKey: crypto.randomUUID(),
    },
    admin,
  );
  return { ticketNo };
}

test('a follow-up call finds the customer dissatisfied; the complaint it opens is answered, resolved and accepted', async ({
  page,
  app,
}) => {
  const { ticketNo } = await handedBack(app);
  await page.goto(app.url);
  await signIn(page, '周主任', '3579');
  await page.getByRole('menuitem', { name: '回访与投诉' }).click();

  const due = page.getByRole('row', { name: /王伟/ });
  await expect(due).toContainText('13800138000');
  await expect(due).toContainText(ticketNo);
  await expect(due).toContainText('抽样回访');
  await shot(page, 'quality-follow-ups');
  await due.getByRole('button', { name: '记录回访' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('不满意', { exact: true }).click();
  await dialog.getByLabel('客户意见').fill('修好两天又不制冷了');
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await expect(page.getByText('客户不满意，已自动登记投诉')).toBeVisible();
  await expect(page.getByText('没有待回访的客户')).toBeVisible();

  await page.getByRole('tab', { name: '投诉' }).click();
  const complaint = page.getByRole('row', { name: /修好两天又不制冷了/ });
  await expect(complaint).toContainText('回访');
  await expect(complaint.getByTestId('complaint-state')).toHaveText('待答复');
  await complaint.getByRole('button', { name: '答复' }).click();
  await page.getByRole('dialog').getByLabel('答复内容').fill('已致电道歉，约明天上门复查');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /确\s*定/ })
    .click();
  await expect(complaint.getByTestId('complaint-state')).toHaveText('已答复');
  await complaint.getByRole('button', { name: '解决' }).click();
  await page.getByRole('dialog').getByLabel('解决办法').fill('上门更换压缩机，免收费用');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /确\s*定/ })
    .click();
  await expect(complaint.getByTestId('complaint-state')).toHaveText('待客户确认');
  await shot(page, 'quality-complaints');
  await complaint.getByRole('button', { name: '客户确认' }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /确\s*定/ })
    .click();
  await expect(page.getByTestId('complaint-state')).toHaveText('客户认可');

  // The resolved complaint is itself called back.
  await page.getByRole('tab', { name: '回访' }).click();
  await expect(page.getByRole('row', { name: /投诉回访/ })).toContainText('王伟');
});

test('a phoned-in repair call is answered, then taken in from the call; the call closes with its ticket', async ({
  page,
  app,
}) => {
  await capturePrints(page);
  await seedStore(app);
  await page.goto(app.url);
  await signIn(page, '王主管', adminPin);
  await page.getByRole('menuitem', { name: '回访与投诉' }).click();
  await page.getByRole('tab', { name: '叫修登记' }).click();
  await page.getByRole('button', { name: '登记叫修' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('联系电话').fill('139 1234 5678');
  await dialog.getByLabel('客户姓名').fill('赵磊');
  await dialog.getByLabel('品牌').fill('Huawei');
  await dialog.getByLabel('型号').fill('P60');
  await dialog.getByLabel('故障描述').fill('充不进电');
  await dialog.getByRole('button', { name: /确\s*定/ }).click();

  const call = page.getByRole('row', { name: /赵磊/ });
  await expect(call).toContainText('13912345678');
  await expect(call).toContainText('待答复');
  await call.getByRole('button', { name: '答复' }).click();
  await page.getByRole('dialog').getByLabel('答复内容').fill('请明天带机器和发票到店');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /确\s*定/ })
    .click();
  await expect(call).toContainText('已答复');
  await shot(page, 'quality-repair-calls');

  // The device comes in: the intake starts from what the customer said on the phone.
  await call.getByRole('link', { name: '收机' }).click();
  await expect(page.getByText('来自叫修登记：赵磊 13912345678')).toBeVisible();
  await expect(page.getByLabel('手机号', { exact: true })).toHaveValue('13912345678');
  await expect(page.getByLabel('客户姓名')).toHaveValue('赵磊');
  await expect(page.getByLabel('型号')).toHaveValue('P60');
  await expect(page.getByLabel('故障描述')).toHaveValue('充不进电');
  await page.getByLabel('序列号/IMEI').fill('861234567890123');
  await page.getByLabel('已与客户当面检查外观').check();
  await page.getByLabel('充电器').check();
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(page.getByTestId('ticket-page')).toBeVisible();
  const ticketNo =
    (await page.getByTestId('ticket-page').getByRole('heading', { level: 3 }).textContent())?.match(
      /[A-Z0-9]+-\d{6}-\d{4}/,
    )?.[0] ?? 'no ticket number';

  await page.getByRole('menuitem', { name: '回访与投诉' }).click();
  await page.getByRole('tab', { name: '叫修登记' }).click();
  await expect(page.getByText('没有待处理的叫修')).toBeVisible();
  await page.getByText('近 30 天已结').click();
  await expect(page.getByRole('row', { name: /赵磊/ })).toContainText(`已收机 ${ticketNo}`);
});
