import dayjs from 'dayjs';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isCalendarDate } from '../shared/dates';
import { openHqDatabase, storageFrom } from './db/open';
import { exportMasterFile, importMasterFile } from './master-file';
import { dayReport } from './reports/day-report';
import { dayReportHtml, dayReportText } from './reports/day-report-format';
import { storeReport } from './reports/store-report';
import { reportCsv, reportTable, reportText } from './reports/store-report-format';
import { reportKinds, reportRangeSchema, type ReportKind } from '../shared/contract-reports';
import { purgeTombstones } from './sync/feed';
import { addStore, createEnrolmentCode, HqError, listStores, revokeDevice } from './stores';

const usage = `usage:
  npm run hq -- store add --code SH01 --name 上海南京路店
  npm run hq -- store list
  npm run hq -- enrol --store SH01 [--hours 24]
  npm run hq -- device revoke --device <id>
  npm run hq -- master import --file master.json
  npm run hq -- master export [--file master.json]
  npm run hq -- master delete --entity categories --id tv
  npm run hq -- feed purge [--days 90]
  npm run hq -- report day --date 2026-11-23 [--lang en] [--html report.html]
  npm run hq -- report turnaround|recurring_faults|technicians|income|parts|service_levels
      --from 2026-01-01 --to 2026-11-23 [--store SH01] [--lang en] [--csv report.csv]
(DATABASE_URL, or --data-dir for the embedded database, as for npm run server)`;

const isReportKind = (value: string | undefined): value is ReportKind =>
  (reportKinds as readonly string[]).includes(value ?? '');

/** Headquarters' own command line: stores, enrolment codes, devices, master data and the feed. */
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      code: { type: 'string' },
      name: { type: 'string' },
      store: { type: 'string' },
      hours: { type: 'string', default: '24' },
      device: { type: 'string' },
      file: { type: 'string' },
      entity: { type: 'string' },
      id: { type: 'string' },
      days: { type: 'string', default: '90' },
      date: { type: 'string' },
      lang: { type: 'string', default: 'zh-CN' },
      html: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      csv: { type: 'string' },
      'data-dir': { type: 'string', default: './hq-data' },
    },
  });
  const db = await openHqDatabase(storageFrom(process.env.DATABASE_URL, path.resolve(values['data-dir'])));
  const now = Date.now();
  try {
    const command = positionals.join(' ');
    if (command === 'store add' && values.code && values.name) {
      const store = await addStore(db, { code: values.code, name: values.name }, now);
      console.log(`store ${store.code} ${store.name} (${store.id})`);
    } else if (command === 'store list') {
      const when = (at: number | null) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : 'never');
      for (const row of await listStores(db)) {
        const device = row.device_id
          ? `${row.device_id} ${row.device_name}${row.revoked_at ? ' (revoked)' : ''}\tlast seen ${when(row.last_seen_at)}\tlast push ${when(row.last_push_at)}`
          : 'no device';
        console.log(`${row.code}\t${row.name}\t${device}`);
      }
    } else if (command === 'enrol' && values.store) {
      const { code, expiresAt } = await createEnrolmentCode(db, values.store, Number(values.hours), now);
      console.log(
        `enrolment code for ${values.store}: ${code} (once, until ${new Date(expiresAt).toISOString()})`,
      );
    } else if (command === 'device revoke' && values.device) {
      await revokeDevice(db, values.device, now);
      console.log(`device ${values.device} revoked`);
    } else if (command === 'master import' && values.file) {
      const file = JSON.parse(fs.readFileSync(values.file, 'utf8')) as unknown;
      console.log(`published ${await importMasterFile(db, file, now)} changes`);
    } else if (command === 'master export') {
      const text = `${JSON.stringify(await exportMasterFile(db), null, 2)}\n`;
      if (values.file) fs.writeFileSync(values.file, text);
      else process.stdout.write(text);
    } else if (command === 'master delete' && values.entity && values.id) {
      await importMasterFile(db, { delete: [{ entity: values.entity, id: values.id }] }, now);
      console.log(`deleted ${values.entity} ${values.id}`);
    } else if (command === 'feed purge') {
      const purged = await purgeTombstones(db, now - Number(values.days) * 86_400_000);
      console.log(`forgot ${purged} deletes older than ${values.days} days`);
    } else if (command === 'report day' && values.date !== undefined) {
      // A real calendar day (2026-02-30 is none): an impossible date is refused, not an empty page.
      if (!isCalendarDate(values.date))
        throw new HqError('invalid_input', `${values.date} is not a date (YYYY-MM-DD)`);
      const report = await dayReport(db, values.date);
      const lang = values.lang === 'en' ? 'en' : 'zh-CN';
      process.stdout.write(dayReportText(report, lang));
      if (values.html) fs.writeFileSync(values.html, dayReportHtml(report, lang));
    } else if (positionals[0] === 'report' && isReportKind(positionals[1]) && values.from && values.to) {
      const range = reportRangeSchema.safeParse({ from: values.from, to: values.to });
      if (!range.success)
        throw new HqError('invalid_input', `--from ${values.from} --to ${values.to}: not a range`);
      const lang = values.lang === 'en' ? 'en' : 'zh-CN';
      // One store with --store; otherwise each store in turn, each by its own counter's figures.
      const codes = values.store ? [values.store] : (await listStores(db)).map((row) => row.code);
      let header: string[] = [];
      const lines: string[][] = [];
      for (const code of [...new Set(codes)]) {
        // A store with nothing to report yet (no counter enrolled, no profile pushed) is named and skipped.
        const report = await storeReport(db, code, positionals[1], range.data, now).catch(
          (error: unknown) => {
            if (!values.store && error instanceof HqError && error.code === 'not_found') {
              console.error(`${code}: ${error.message}`);
              return null;
            }
            throw error;
          },
        );
        if (!report) continue;
        const { name, result } = report;
        const [keys = [], ...rows] = reportTable(result, lang);
        process.stdout.write(
          reportText(`${code} ${name} · ${positionals[1]} · ${values.from}..${values.to}`, [keys, ...rows]),
        );
        if (keys.length > 0) header = keys;
        lines.push(...rows.map((row) => [code, ...row]));
      }
      if (values.csv) fs.writeFileSync(values.csv, reportCsv([['store', ...header], ...lines]));
    } else {
      console.error(usage);
      process.exitCode = 2;
    }
  } catch (error) {
    if (!(error instanceof HqError)) throw error;
    console.error(`${error.code}: ${error.message}`);
    process.exitCode = 1;
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
