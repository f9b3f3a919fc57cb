import dayjs from 'dayjs';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { tabTo, typeInto } from './keyboard';

/** Signs in without the mouse: Tab to your name, Enter, PIN, Enter. */
export async function signInByKeyboard(page: Page, name: string, pin: string) {
  await tabTo(page, page.getByTestId('roster').getByRole('button', { name: new RegExp(name) }));
  await page.keyboard.press('Enter');
  await page.keyboard.type(pin);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('signed-in-as')).toContainText(name);
}

/** A clerk's keyboard-only intake of a phone, in whichever language the screen shows. */
export async function takeInPhone(
  page: Page,
  labels: Labels,
  values: { phone: string; name: string; serial: string },
  beforeSave?: () => Promise<void>,
) {
  await page.keyboard.press('F2');
  await expect(page.getByLabel(labels.phone, { exact: true })).toBeFocused();
  await page.keyboard.type(values.phone);
  await typeInto(page, labels.name, values.name);
  await typeInto(page, labels.brand, 'Huawei');
  await typeInto(page, labels.model, 'Mate 60 Pro');
  await typeInto(page, labels.colour, '黑色');
  await typeInto(page, labels.serial, values.serial);
  await typeInto(page, labels.purchaseDate, dayjs().subtract(3, 'day').format('YYYY-MM-DD'));
  await page.keyboard.press('Enter');
  await typeInto(page, labels.fault, '屏幕闪烁 screen flickers');
  await tabTo(page, labels.screenFault);
  await page.keyboard.press('Space');
  await tabTo(page, labels.scratches);
  await page.keyboard.press('Space');
  await tabTo(page, labels.checked);
  await page.keyboard.press('Space');
  await tabTo(page, labels.charger);
  await page.keyboard.press('Space');
  await tabTo(page, labels.case);
  await page.keyboard.press('Space');
  await typeInto(page, labels.passcode, '246810');
  await tabTo(page, labels.estimate);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('300');
  await typeInto(page, labels.deposit, '100');
  await typeInto(page, labels.shelf, 'A-03');
  await beforeSave?.();
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(page.getByTestId('ticket-page')).toBeVisible();
}

export type Labels = typeof zh;

export const zh = {
  phone: '手机号',
  name: '客户姓名',
  brand: '品牌',
  model: '型号',
  colour: '颜色',
  serial: '序列号/IMEI',
  purchaseDate: '购买日期',
  fault: '故障描述',
  screenFault: '屏幕显示异常',
  scratches: '外壳划痕',
  checked: '已与客户当面检查外观',
  charger: '充电器',
  case: '保护壳',
  passcode: '开机密码',
  estimate: '预估费用',
  deposit: '定金',
  shelf: '货架位置',
};
