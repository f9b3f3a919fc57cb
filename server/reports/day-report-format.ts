import dayjs from 'dayjs';
import { paymentMethods } from '../../shared/catalogue';
import { formatFen } from '../../shared/money';
import type { DayReport, StoreDay } from './day-report';
import { alignColumns, ruleFor } from './text-columns';

type Lang = 'zh-CN' | 'en';

const headings = {
  'zh-CN': {
    title: (date: string) => `全部门店日报 ${date}`,
    columns: [
      '门店',
      '收机',
      '取机',
      '现金',
      '刷卡',
      '微信',
      '支付宝',
      '其他',
      '合计',
      '日结',
      '差异',
      '在修',
      '超期',
      '最后同步',
    ],
    total: '合计',
    notClosed: '未日结',
    never: '从未',
    note: '金额为元，收款减退款；在修与超期按各店最近一次同步。',
  },
  en: {
    title: (date: string) => `All stores, ${date}`,
    columns: [
      'Store',
      'In',
      'Out',
      'Cash',
      'Card',
      'WeChat',
      'Alipay',
      'Other',
      'Total',
      'Close',
      'Variance',
      'Open',
      'Overdue',
      'Last sync',
    ],
    total: 'Total',
    notClosed: 'open',
    never: 'never',
    note: 'Amounts in yuan, takings less refunds; open and overdue as of each store’s latest sync.',
  },
} as const;

const yuan = (fen: number) => formatFen(fen);
const signed = (fen: number) => (fen > 0 ? `+${yuan(fen)}` : yuan(fen));
/** In headquarters' own time zone (the machine's). */
const time = (at: number | null, never: string) =>
  at === null ? never : dayjs(at).format('YYYY-MM-DD HH:mm');

/** In and out, then takings per method (in the columns' order) and their total. */
const flows = (line: Pick<StoreDay, 'ticketsIn' | 'collected' | 'takings' | 'takingsTotal'>) => [
  String(line.ticketsIn),
  String(line.collected),
  ...paymentMethods.map((method) => yuan(line.takings[method])),
  yuan(line.takingsTotal),
];

function cells(line: StoreDay, lang: Lang): string[] {
  const h = headings[lang];
  return [
    `${line.code} ${line.name}`,
    ...flows(line),
    line.close ? `Z${String(line.close.zNo).padStart(6, '0')}` : h.notClosed,
    line.close ? signed(line.close.varianceFen) : '',
    String(line.open),
    String(line.overdue),
    time(line.lastSyncAt, h.never),
  ];
}

function rows(report: DayReport, lang: Lang): string[][] {
  const { totals } = report;
  const h = headings[lang];
  return [
    [...h.columns],
    ...report.stores.map((line) => cells(line, lang)),
    [
      h.total,
      ...flows(totals),
      `${totals.closed}/${report.stores.length}`,
      signed(totals.varianceFen),
      String(totals.open),
      String(totals.overdue),
      '',
    ],
  ];
}

/** The report as one page of text for a terminal, columns aligned for Chinese (double-width) text. */
export function dayReportText(report: DayReport, lang: Lang = 'zh-CN'): string {
  const table = rows(report, lang);
  // Names and labels left, figures right.
  const lines = alignColumns(table, (i) => i === 0 || i === 9 || i === 13);
  const rule = ruleFor(lines);
  const h = headings[lang];
  return [
    h.title(report.date),
    rule,
    lines[0],
    rule,
    ...lines.slice(1, -1),
    rule,
    lines.at(-1),
    '',
    h.note,
    '',
  ].join('\n');
}

const escape = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

/** The same page as HTML, to print or to mail. */
export function dayReportHtml(report: DayReport, lang: Lang = 'zh-CN'): string {
  const [head = [], ...body] = rows(report, lang);
  const tr = (row: string[], tag: 'td' | 'th') =>
    `<tr>${row.map((cell, i) => `<${tag}${i === 0 || i === 9 || i === 13 ? '' : ' class="n"'}>${escape(cell)}</${tag}>`).join('')}</tr>`;
  const h = headings[lang];
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escape(h.title(report.date))}</title>
<style>
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:24px;font-size:13px}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:4px 6px;white-space:nowrap}
th{background:#f3f3f3;text-align:left}.n{text-align:right;font-variant-numeric:tabular-nums}
tbody tr:last-child td{font-weight:bold;border-top:2px solid #333}
@page{size:A4 landscape;margin:12mm}
</style></head><body><h1 style="font-size:18px">${escape(h.title(report.date))}</h1>
<table><thead>${tr(head, 'th')}</thead><tbody>${body.map((row) => tr(row, 'td')).join('')}</tbody></table>
<p style="color:#666">${escape(h.note)}</p></body></html>\n`;
}
