import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { chromium } from '@playwright/test';
import { findBrowser } from '../scripts/find-browser.mjs';

type Figures = { samples: number[] };

/**
 * Time to produce a claim receipt, as a clerk sees it: from clicking "reprint" on a ticket to the
 * moment the finished document is handed to the printer (print logged, store and catalogue read,
 * React render with barcode and QR, print frame prepared). Runs the built app in browser mode on
 * the seeded data folder, in Chromium.
 */
export async function measurePrintRender(options: {
  dataDir: string;
  name: string;
  pin: string;
  runs: number;
}): Promise<Figures> {
  const root = path.resolve(__dirname, '..');
  const server = spawn(
    process.execPath,
    [path.join(root, 'scripts/serve.mjs'), '--port', '0', '--data-dir', options.dataDir],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const lines = readline.createInterface({ input: server.stdout });
      lines.on('line', (line) => {
        const match = /listening on (http:\/\/\S+)/.exec(line);
        if (match?.[1]) resolve(match[1].replace(/\/$/, ''));
      });
      server.once('exit', (code) => reject(new Error(`browser-mode server exited with ${code}`)));
    });
    const browser = await chromium.launch({
      executablePath: findBrowser(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    });
    try {
      const page = await browser.newPage();
      // In the page (typed by hand: this file compiles with Node's types): record when each click
      // arrives and when print() runs, both on the page's clock. Timing from Playwright's side would
      // add its own round trips to the figure.
      await page.addInitScript(() => {
        type Frame = {
          print: () => void;
          top: Frame;
          __printedAt?: number[];
          __clickedAt?: number[];
          performance: { now(): number };
          addEventListener(
            type: string,
            listener: (event: { timeStamp: number }) => void,
            capture: boolean,
          ): void;
        };
        const frame = globalThis as unknown as Frame;
        frame.print = () => (frame.top.__printedAt ??= []).push(frame.top.performance.now());
        if (frame.top === frame) {
          frame.addEventListener('click', (event) => (frame.__clickedAt ??= []).push(event.timeStamp), true);
        }
      });
      await page.goto(url);
      await page
        .getByTestId('roster')
        .getByRole('button', { name: new RegExp(options.name) })
        .click();
      await page.getByLabel(/PIN/).fill(options.pin);
      await page.keyboard.press('Enter');
      await page.getByTestId('signed-in-as').waitFor();
      await page.keyboard.press('F3');
      await page.getByRole('row').nth(1).click();
      const reprint = page.getByRole('button', { name: /补打取机凭证|Reprint claim receipt/ });
      await reprint.waitFor();
      const samples: number[] = [];
      type Marks = { __printedAt?: number[]; __clickedAt?: number[] };
      for (let i = 0; i < options.runs; i++) {
        await page.evaluate(() => {
          (globalThis as unknown as Marks).__clickedAt = [];
        });
        await reprint.click();
        await page.waitForFunction((n) => ((globalThis as unknown as Marks).__printedAt ?? []).length > n, i);
        const [clickedAt, printedAt] = await page.evaluate((n) => {
          const marks = globalThis as unknown as Marks;
          return [marks.__clickedAt?.[0] ?? Number.NaN, marks.__printedAt?.[n] ?? Number.NaN];
        }, i);
        samples.push(printedAt - clickedAt);
      }
      return { samples };
    } finally {
      await browser.close();
    }
  } finally {
    server.kill('SIGKILL'); // a benchmark: no backup on close wanted
  }
}
