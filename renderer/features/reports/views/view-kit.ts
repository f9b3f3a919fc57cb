import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';

/** One column of a report: the table on screen, the printout and the CSV all read it. */
export type Column<Row> = {
  key: string;
  title: string;
  value: (row: Row) => string | number;
  /** The cell in the CSV when it differs from the screen's: money as plain yuan, for sums. */
  csv?: (row: Row) => string | number;
  numeric?: boolean;
};

export type ReportView<Row> = { rows: Row[]; columns: Column<Row>[]; chart: ReactNode; note?: string };
/** What the page handles without knowing the report's rows. */
export type AnyView = ReportView<object>;

export type ViewTools = {
  t: TFunction;
  /** A category's name in the screen's language (the id when the catalogue no longer has it). */
  categoryName: (id: string, names?: Record<string, { zh: string; en: string }>) => string;
};

/** A share as the reports print it: one decimal, or a dash when there is nothing to divide. */
export const percent = (part: number, whole: number): string =>
  whole === 0 ? '—' : `${((part / whole) * 100).toFixed(1)}%`;

/** The same share as a number for a chart (0 when there is nothing to divide). */
export const rate = (part: number, whole: number): number =>
  whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;

/** A fixed size, so the chart prints as it shows (a responsive one measures nothing on paper). */
export const chartSize = { width: 880, height: 300 };
export const palette = ['#1677ff', '#52c41a', '#faad14', '#f5222d', '#722ed1', '#13c2c2'];

/** Whole yuan on a chart's axis: ¥12,500. */
export const yuanTick = (value: number): string => `¥${value.toLocaleString('zh-CN')}`;
