import { formatFen } from './money';
import type { Language } from './roles';
import type { TicketStatus } from './ticket-status';

/**
 * What the store tells a customer about their ticket: one message per status, in zh-CN and en, with
 * `{field}` placeholders filled from the ticket. A store may override any of them in settings
 * (`notifyTemplates`); an empty override reads as the default.
 */

/** The most a message may be: what `notifications.body` holds. */
export const maxMessageLength = 1000;
/** The most a store's own template may be (before its placeholders are filled). */
export const maxTemplateLength = 500;

/** Every placeholder a template may use, as `{name}`. */
export const placeholderNames = [
  'customerName',
  'ticketNo',
  'device',
  'status',
  'estimate',
  'promisedDate',
  'storeName',
  'storePhone',
  'storeAddress',
] as const;
export type MessageFields = Record<(typeof placeholderNames)[number], string>;

/** The statuses as a customer reads them (plainer than the counter's own labels). */
export const customerStatusLabels: Record<Language, Record<TicketStatus, string>> = {
  'zh-CN': {
    received: '已收件',
    diagnosing: '检测中',
    awaiting_approval: '待您确认费用',
    awaiting_parts: '等待配件',
    in_repair: '维修中',
    awaiting_check: '质检中',
    ready: '可取机',
    collected: '已取机',
    on_hold: '暂停处理',
    at_vendor: '厂家维修中',
    returned_unrepaired: '未修复，可取回',
    replaced: '已换新，可取机',
    refunded: '已退货',
    abandoned: '超期未取',
    cancelled: '已取消',
  },
  en: {
    received: 'received',
    diagnosing: 'being checked',
    awaiting_approval: 'waiting for your approval',
    awaiting_parts: 'waiting for parts',
    in_repair: 'being repaired',
    awaiting_check: 'in final checks',
    ready: 'ready for collection',
    collected: 'collected',
    on_hold: 'on hold',
    at_vendor: 'at the manufacturer',
    returned_unrepaired: 'not repaired, ready for collection',
    replaced: 'replaced, ready for collection',
    refunded: 'refunded',
    abandoned: 'past the storage period',
    cancelled: 'cancelled',
  },
};

const zhHello = '{customerName}您好，您在{storeName}送修的{device}（单号 {ticketNo}）';
const zhAsk = '如有疑问请致电 {storePhone}。';
const enHello = 'Hello {customerName}, your {device} (ticket {ticketNo}) at {storeName}';
const enAsk = 'Questions? Call us on {storePhone}.';

/** The default message per status and language. */
export const defaultTemplates: Record<Language, Record<TicketStatus, string>> = {
  'zh-CN': {
    received: `${zhHello}已收到，预计 {promisedDate} 完成。${zhAsk}`,
    diagnosing: `${zhHello}正在检测，检测完毕后我们会与您联系。${zhAsk}`,
    awaiting_approval: `${zhHello}已检测完毕，维修费用约 {estimate}，请致电 {storePhone} 确认是否维修。`,
    awaiting_parts: `${zhHello}正在等待配件，配件到货后立即维修。${zhAsk}`,
    in_repair: `${zhHello}正在维修，预计 {promisedDate} 完成。${zhAsk}`,
    awaiting_check: `${zhHello}已修好，正在质检。${zhAsk}`,
    ready: `${zhHello}已修好，费用 {estimate}，请凭取机单到 {storeAddress} 取机。${zhAsk}`,
    collected: `${zhHello}已取回，感谢您的信任。${zhAsk}`,
    on_hold: `${zhHello}暂停处理，我们会尽快与您联系。${zhAsk}`,
    at_vendor: `${zhHello}已送厂家维修，返回后我们会通知您。${zhAsk}`,
    returned_unrepaired: `${zhHello}未能修复，请凭取机单到 {storeAddress} 取回。${zhAsk}`,
    replaced: `${zhHello}已为您换新，请凭取机单到 {storeAddress} 取机。${zhAsk}`,
    refunded: `${zhHello}已办理退货。${zhAsk}`,
    abandoned: `${zhHello}已超过保管期，请尽快与我们联系。${zhAsk}`,
    cancelled: `${zhHello}已取消维修，请凭取机单到 {storeAddress} 取回。${zhAsk}`,
  },
  en: {
    received: `${enHello} has been received; we expect it to be done by {promisedDate}. ${enAsk}`,
    diagnosing: `${enHello} is being checked; we will call you when we know more. ${enAsk}`,
    awaiting_approval: `${enHello} has been checked. The repair will cost about {estimate}; please call {storePhone} to approve it.`,
    awaiting_parts: `${enHello} is waiting for parts; we will repair it as soon as they arrive. ${enAsk}`,
    in_repair: `${enHello} is being repaired; we expect it to be done by {promisedDate}. ${enAsk}`,
    awaiting_check: `${enHello} has been repaired and is in final checks. ${enAsk}`,
    ready: `${enHello} is ready. The charge is {estimate}; please bring your claim receipt to {storeAddress}. ${enAsk}`,
    collected: `${enHello} has been collected. Thank you! ${enAsk}`,
    on_hold: `${enHello} is on hold; we will be in touch soon. ${enAsk}`,
    at_vendor: `${enHello} is with the manufacturer; we will tell you when it is back. ${enAsk}`,
    returned_unrepaired: `${enHello} could not be repaired; please collect it at {storeAddress} with your claim receipt. ${enAsk}`,
    replaced: `${enHello} has been replaced; please collect the new one at {storeAddress} with your claim receipt. ${enAsk}`,
    refunded: `${enHello} has been refunded. ${enAsk}`,
    abandoned: `${enHello} is past the storage period; please contact us soon. ${enAsk}`,
    cancelled: `${enHello}: the repair was cancelled; please collect it at {storeAddress} with your claim receipt. ${enAsk}`,
  },
};

/** A store's own templates, per language and status; missing or blank ones use the default. */
export type TemplateOverrides = Partial<Record<Language, Partial<Record<TicketStatus, string>>>>;

/** The template a status uses in a language: the store's own if it set one, else the default. */
export function templateFor(
  status: TicketStatus,
  language: Language,
  overrides: TemplateOverrides = {},
): string {
  const own = overrides[language]?.[status]?.trim();
  return own || defaultTemplates[language][status];
}

/** An amount as the customer reads it: `¥1,280.00`, or the currency code first for other currencies. */
export const formatAmount = (fen: number, currency: string): string =>
  currency === 'CNY' ? `¥${formatFen(fen)}` : `${currency} ${formatFen(fen)}`;

/**
 * Fills `{field}` placeholders in one pass (a value that itself holds `{ticketNo}` is not filled
 * again); unknown placeholders stay as written. The result is cut to `maxMessageLength` characters,
 * never inside a character.
 */
export function renderMessage(template: string, fields: Partial<MessageFields>): string {
  const known = fields as Record<string, string | undefined>;
  const text = template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(known, name) && known[name] !== undefined ? known[name] : whole,
  );
  return cutText(text, maxMessageLength);
}

/** At most `max` UTF-16 units (what the contract's `max` counts), never half a character. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = '';
  for (const char of text) {
    if (cut.length + char.length > max) break;
    cut += char;
  }
  return cut;
}
