import type { Locator, Page } from '@playwright/test';

/**
 * Presses Tab (as a clerk would) until the element labelled `label` (or the given locator) has focus.
 * Fails after 80 presses rather than hanging, so a field the keyboard cannot reach fails the test.
 */
export async function tabTo(page: Page, label: string | RegExp | Locator, exact = true): Promise<void> {
  const target =
    typeof label === 'string' || label instanceof RegExp
      ? page.getByLabel(label, { exact: typeof label === 'string' ? exact : undefined }).first()
      : label;
  for (let i = 0; i < 80; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${String(label)} with Tab`);
}

/** Tabs to a field and types into it. */
export async function typeInto(page: Page, label: string | RegExp, text: string): Promise<void> {
  await tabTo(page, label);
  await page.keyboard.type(text);
}

/**
 * Sends a code the way a keyboard-wedge scanner does: its key events all arrive within a few
 * milliseconds (their timestamps say so), then the page handles them one by one, each character
 * typed into the focused field. Playwright's own key presses arrive ~35 ms apart on a loaded
 * machine, slower than any scanner, hence events made in the page.
 */
export async function scan(page: Page, code: string): Promise<void> {
  await page.evaluate((text) => {
    const target = document.activeElement ?? document.body;
    const events = [...text, 'Enter'].map(
      (key) => new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }),
    );
    for (const event of events) {
      const typed = target.dispatchEvent(event);
      if (typed && event.key !== 'Enter' && target instanceof HTMLInputElement) {
        document.execCommand('insertText', false, event.key);
      }
    }
  }, code);
}
