import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { AppServer } from './app-server';
import { shot, signIn } from './fixtures';
import { capturePrints, pdfToPng, printedHtml, printToPdf } from './print-capture';

/**
 * A store with a year of history made by `npm run seed` (tickets, labour, parts, payments, follow-ups,
 * complaints, repair calls), served in browser mode: the reports need something to report.
 */
const test = base.extend<{ app: AppServer }>({
  // eslint-disable-next-line no-empty-pattern
  app: async ({}, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-e2e-reports-'));
    execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/seed.ts',
        ...['--data-dir', dataDir, '--tickets', '6000', '--years', '1', '--parts', '80', '--seed', '11'],
        '--no-worker',
      ],
      { stdio: 'ignore' },
    );
    const app = new AppServer(dataDir);
    await app.start();
    await use(app);
    await app.stop();
  },
});

test('each report shows its chart and table, exports its CSV and prints on A4', async ({
  page,
  app,
  browser,
}) => {
  test.setTimeout(120_000);
  await capturePrints(page);
  await page.goto(app.url);
  await signIn(page, '周店长', '3579');
  await page.getByRole('menuitem', { name: '报表' }).click();

  const chart = page.getByTestId('report-chart');
  const table = page.locator('.ant-table-tbody');
  const reports = [
    ['维修周期', 'report-turnaround', '手机'],
    ['重复故障', 'report-recurring-faults', '手机'],
    ['技师绩效', 'report-technicians', '张师傅'],
    ['收入', 'report-income', '微信支付'],
    ['配件消耗', 'report-parts', '元'],
    ['服务水平', 'report-service-levels', '回访接通'],
  ] as const;
  for (const [name, file, seen] of reports) {
    await page.locator('.ant-segmented').getByText(name, { exact: true }).click();
    await expect(chart.locator('.recharts-bar-rectangle').first()).toBeVisible();
    await expect(table).toContainText(seen === '元' ? /¥/ : seen);
    await shot(page, file);
  }

  // In English: the same report, its labels translated.
  await page.getByText('English', { exact: true }).click();
  await page.locator('.ant-segmented').getByText('Technicians', { exact: true }).click();
  await expect(table).toContainText('张师傅');
  await expect(page.getByRole('columnheader', { name: 'First-time fix' })).toBeVisible();
  await expect(chart.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await shot(page, 'report-technicians-en');
  await page.getByText('中文', { exact: true }).click();

  // A period over three years is refused, and the screen says why.
  const start = page.getByPlaceholder('开始日期');
  await start.click();
  await start.fill('2020-01-01');
  await start.press('Enter');
  const end = page.getByPlaceholder('结束日期');
  await end.fill('2026-11-20');
  await end.press('Enter');
  await expect(page.getByTestId('report-refused')).toContainText('统计期间最长三年');
  await expect(page.getByRole('button', { name: /导出 CSV/ })).toBeDisabled(); // nothing to export
  await start.click();
  await start.fill('2026-10-01');
  await start.press('Enter');
  await end.fill('2026-11-20');
  await end.press('Enter');

  // The technicians' table as a CSV: a header row and a row for every technician on screen.
  await page.locator('.ant-segmented').getByText('技师绩效', { exact: true }).click();
  await expect(table).toContainText('张师傅');
  const rows = await table.locator('tr').count();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /导出 CSV/ }).click(),
  ]);
  const csv = fs
    .readFileSync(await download.path(), 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(csv[0]).toBe('技师,完工单数,工时（小时）,一次修复率,30 天返修率,回访评分数,平均满意度（1-5）');
  expect(csv).toHaveLength(rows + 1);
  const firstCells = await table.locator('tr').first().locator('td').allInnerTexts();
  expect(csv[1]).toBe(firstCells.join(','));

  // Printed: the title, the period, the chart and the table, on A4.
  await page.getByRole('button', { name: /打\s*印/ }).click();
  await expect.poll(async () => (await printedHtml(page)).length).toBe(1);
  const [html = ''] = await printedHtml(page);
  expect(html).toContain('技师绩效');
  expect(html).toContain('recharts-bar-rectangle');
  const pdf = path.join('test-screenshots', 'report-technicians-a4.pdf');
  await printToPdf(browser, app.url, html, pdf, '210mm');
  expect(fs.existsSync(pdfToPng(pdf, 100))).toBe(true);
});
