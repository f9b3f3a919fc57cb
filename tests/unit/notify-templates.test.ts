import { describe, expect, it } from 'vitest';
import {
  defaultTemplates,
  formatAmount,
  maxMessageLength,
  placeholderNames,
  renderMessage,
  templateFor,
  type MessageFields,
} from '../../shared/notify-templates';
import { languages } from '../../shared/roles';
import { settingDefaults, settingsFields } from '../../shared/settings';
import { ticketStatuses } from '../../shared/ticket-status';

const fields: MessageFields = {
  customerName: '王伟',
  ticketNo: 'SH01-261122-0007',
  device: 'Huawei Mate 60 Pro',
  status: '可取机',
  estimate: '¥200.00',
  promisedDate: '2026-11-25',
  storeName: '上海南京路店',
  storePhone: '021-5555-0100',
  storeAddress: '南京东路 100 号',
};

describe('customer message templates', () => {
  it('has a message for every status in both languages, naming the ticket and using only known fields', () => {
    for (const language of languages) {
      for (const status of ticketStatuses) {
        const template = defaultTemplates[language][status];
        expect(template).toContain('{ticketNo}');
        const used = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
        expect(used.filter((name) => !(placeholderNames as readonly string[]).includes(name))).toEqual([]);
        expect(renderMessage(template, fields)).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('fills the ready message in zh-CN and en', () => {
    expect(renderMessage(defaultTemplates['zh-CN'].ready, fields)).toBe(
      '王伟您好，您在上海南京路店送修的Huawei Mate 60 Pro（单号 SH01-261122-0007）已修好，费用 ¥200.00，' +
        '请凭取机单到 南京东路 100 号 取机。如有疑问请致电 021-5555-0100。',
    );
    const en = renderMessage(defaultTemplates.en.ready, { ...fields, customerName: 'Alice Smith' });
    expect(en).toContain('Hello Alice Smith, your Huawei Mate 60 Pro (ticket SH01-261122-0007)');
    expect(en).toContain('The charge is ¥200.00');
  });

  it('leaves unknown placeholders as written and never fills a value a second time', () => {
    expect(renderMessage('{ticketNo} {nope} {}', fields)).toBe('SH01-261122-0007 {nope} {}');
    expect(renderMessage('{customerName}: {ticketNo}', { ...fields, customerName: '{ticketNo}' })).toBe(
      '{ticketNo}: SH01-261122-0007',
    );
  });

  it('cuts a long result to the body limit without splitting a character', () => {
    const long = renderMessage('{customerName}', { customerName: '😀'.repeat(600) });
    expect(long.length).toBeLessThanOrEqual(maxMessageLength);
    expect(long).toBe('😀'.repeat(500));
    expect(renderMessage('x'.repeat(999) + '{ticketNo}', fields)).toHaveLength(maxMessageLength);
  });

  it("uses the store's own template where it set one, the default where it is missing or blank", () => {
    const overrides = { 'zh-CN': { ready: '{ticketNo} 可取', in_repair: '   ' } };
    expect(templateFor('ready', 'zh-CN', overrides)).toBe('{ticketNo} 可取');
    expect(templateFor('in_repair', 'zh-CN', overrides)).toBe(defaultTemplates['zh-CN'].in_repair);
    expect(templateFor('ready', 'en', overrides)).toBe(defaultTemplates.en.ready);
  });

  it('bounds the store templates setting: known statuses only, 500 characters each', () => {
    const shape = settingsFields.shape.notifyTemplates;
    expect(shape.safeParse(settingDefaults.notifyTemplates).success).toBe(true);
    expect(shape.safeParse({ 'zh-CN': { ready: 'x'.repeat(500) }, en: {} }).success).toBe(true);
    expect(shape.safeParse({ 'zh-CN': { ready: 'x'.repeat(501) }, en: {} }).success).toBe(false);
    expect(shape.safeParse({ 'zh-CN': { shipped: 'x' }, en: {} }).success).toBe(false);
    expect(shape.safeParse({ 'zh-CN': {}, en: {}, fr: {} }).success).toBe(false);
  });

  it('prints amounts with the yuan sign, other currencies by code', () => {
    expect(formatAmount(128000, 'CNY')).toBe('¥1,280.00');
    expect(formatAmount(5, 'HKD')).toBe('HKD 0.05');
  });
});
