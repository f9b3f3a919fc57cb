import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { adminPin, createTicket, expect, seedStore, shot, signIn, test } from './fixtures';

/** A real HTTP server as the store's SMS gateway: takes the first message, refuses the rest. */
async function fakeGateway() {
  const received: { ticketNo: string; text: string }[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as { ticketNo: string; text: string });
      if (received.length === 1) res.writeHead(200).end('{"ok":true}');
      else res.writeHead(500).end('quota exceeded');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/sms`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

test("a store's own template, a recorded call, and a message sent through the gateway, with a refusal shown", async ({
  page,
  app,
}) => {
  const gateway = await fakeGateway();
  try {
    const { adminId } = await seedStore(app);
    const { token } = await app.rpc<{ token: string }>('auth.signIn', { staffId: adminId, pin: adminPin });
    const ticket = await createTicket(app, token);

    await page.goto(app.url);
    await signIn(page, '王主管', adminPin);
    await page.getByRole('menuitem', { name: '设置' }).click();
    await page.getByRole('tab', { name: '单据' }).click();
    await page.getByLabel('消息网关地址（Webhook）').fill(gateway.url);
    await page.getByLabel('模板对应状态').click();
    await page.getByTitle('已收件', { exact: true }).click();
    await page.getByLabel('中文模板').fill('{customerName}您好，单号 {ticketNo} 已收到，{nope}');
    await page.getByRole('tabpanel').getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('已保存').first()).toBeVisible();

    await page.goto(`${app.url}/#/tickets/${ticket.ticketNo}`);
    const panel = page.getByTestId('notify');
    const text = panel.getByLabel('消息内容');
    await expect(text).toHaveValue(`李娜您好，单号 ${ticket.ticketNo} 已收到，{nope}`);
    await panel.getByText('English').click();
    await expect(text).toHaveValue(new RegExp(`^Hello 李娜, your Midea M1 \\(ticket ${ticket.ticketNo}\\)`));
    await panel.getByText('中文').click();
    await expect(text).toHaveValue(`李娜您好，单号 ${ticket.ticketNo} 已收到，{nope}`);

    // A call nobody answered, recorded by keyboard: the result, a note, Enter.
    await panel.getByLabel('结果').click();
    await page.getByTitle('无人接听').click();
    await panel.getByLabel('备注').fill('关机');
    await panel.getByLabel('备注').press('Enter');
    const log = panel.locator('.ant-table-tbody');
    await expect(log.getByRole('row').first()).toContainText('无人接听');
    await expect(log.getByRole('row').first()).toContainText('关机');

    // Sent in the background; the log follows by itself.
    await panel.getByRole('button', { name: '通过网关发送' }).click();
    await expect(log.getByRole('row').first()).toContainText('已发送', { timeout: 15_000 });
    expect(gateway.received[0]?.ticketNo).toBe(ticket.ticketNo);
    expect(gateway.received[0]?.text).toBe(`李娜您好，单号 ${ticket.ticketNo} 已收到，{nope}`);

    // The gateway refuses the next one: the log shows why and when it tries again.
    await panel.getByRole('button', { name: '通过网关发送' }).click();
    await expect(log.getByRole('row').first()).toContainText('HTTP 500: quota exceeded', { timeout: 15_000 });
    await expect(log.getByRole('row').first()).toContainText('待发送');
    await expect(log.getByRole('row').first()).toContainText('重试');
    await shot(page, 'ticket-notify-zh-CN');
  } finally {
    await gateway.close();
  }
});
