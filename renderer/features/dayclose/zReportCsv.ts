import type { TFunction } from 'i18next';
import type { ZReport } from '../../../shared/contract-dayclose';
import { csvText } from '../../app/csv';
import { countLines, denominationLabel, formatZNo } from '../../print/z-report-format';
import { plainYuan } from '../../app/money';

type Line = [section: string, item: string, count: number | string, amount: string];

/**
 * A Z-report as CSV for the accountant's spreadsheet: one line per figure (section, item, count,
 * amount in yuan without a currency sign), the same figures as the printout. A byte-order mark so
 * Excel reads the Chinese as UTF-8, as the goods register's export does.
 */
export function zReportCsv(report: ZReport, t: TFunction, time: (at: number) => string): string {
  const s = (key: string) => t(`dayclose.csv.${key}`);
  const f = (key: string) => t(`dayclose.figures.${key}`);
  const money = (fen: number | null | undefined) => (fen === null || fen === undefined ? '' : plainYuan(fen));
  const { cash, store } = report;
  const lines: Line[] = [
    [s('report'), s('store'), '', `${store.name} (${store.code})`],
    [s('report'), s('zNo'), '', report.zNo === null ? '' : formatZNo(store.code, report.zNo)],
    [s('report'), s('businessDate'), '', report.businessDate],
    [s('report'), s('closedBy'), '', report.closedBy?.name ?? ''],
    [s('report'), s('closedAt'), '', report.closedAt === null ? '' : time(report.closedAt)],
    [s('report'), s('blind'), '', report.blind ? t('common.yes') : t('common.no')],
    [
      s('report'),
      s('reopened'),
      '',
      report.reopened
        ? `${report.reopened.by.name} / ${report.reopened.approvedBy.name} ${time(report.reopened.at)}: ${report.reopened.reason}`
        : '',
    ],
  ];
  for (const m of report.methods) {
    const method = t(`paymentMethods.${m.method}`);
    lines.push(
      [method, f('deposits'), m.deposits.count, money(m.deposits.fen)],
      [method, f('payments'), m.payments.count, money(m.payments.fen)],
      [method, f('refunds'), m.refunds.count, money(-m.refunds.fen)],
      [method, f('net'), '', money(m.netFen)],
    );
  }
  lines.push(
    [f('total'), f('deposits'), report.totals?.deposits.count ?? '', money(report.totals?.deposits.fen)],
    [f('total'), f('payments'), report.totals?.payments.count ?? '', money(report.totals?.payments.fen)],
    [
      f('total'),
      f('refunds'),
      report.totals?.refunds.count ?? '',
      money(report.totals && -report.totals.refunds.fen),
    ],
    [f('total'), f('net'), '', money(report.totals?.netFen)],
    [f('total'), f('discounts'), report.discounts.count, money(report.discounts.fen)],
    [f('cash'), f('float'), '', money(cash.floatFen)],
    [f('cash'), f('taken'), '', money(cash.takenFen)],
    [f('cash'), f('refunded'), '', money(cash.refundedFen === null ? null : -cash.refundedFen)],
    [f('cash'), f('paidIn'), '', money(cash.paidInFen)],
    [f('cash'), f('paidOut'), '', money(-cash.paidOutFen)],
    [f('cash'), f('expected'), '', money(cash.expectedFen)],
    [f('cash'), f('counted'), cash.countsTaken, money(cash.countedFen)],
    [f('cash'), s('firstCount'), '', money(cash.firstCountFen)],
    [f('cash'), f('variance'), '', money(cash.varianceFen)],
    [f('cash'), s('note'), '', report.note],
  );
  for (const line of countLines(report.float?.counts ?? null)) {
    lines.push([s('floatCount'), denominationLabel(line.fen, t), line.pieces, money(line.totalFen)]);
  }
  for (const line of countLines(cash.counts)) {
    lines.push([s('closingCount'), denominationLabel(line.fen, t), line.pieces, money(line.totalFen)]);
  }
  for (const move of report.movements.filter((m) => m.kind !== 'float')) {
    const fen = move.kind === 'pay_out' ? -move.amountFen : move.amountFen;
    lines.push([
      t(`dayclose.kinds.${move.kind}`),
      `${time(move.at)} ${move.staff.name}: ${move.note}`,
      '',
      money(fen),
    ]);
  }
  const shelf = report.goods.lastShelfCount;
  lines.push(
    [f('goodsAndTickets'), f('onPremises'), report.goods.onPremises, ''],
    [f('goodsAndTickets'), f('lastShelfCount'), shelf ? shelf.found : '', shelf ? time(shelf.at) : ''],
    [f('goodsAndTickets'), f('received'), report.tickets.received, ''],
    [f('goodsAndTickets'), f('collected'), report.tickets.collected, ''],
    [f('goodsAndTickets'), f('open'), report.tickets.open, ''],
    [f('goodsAndTickets'), f('overdue'), report.tickets.overdue, ''],
  );
  const header = [s('section'), s('item'), s('count'), s('amount')];
  return csvText([header, ...lines]);
}
