import type { reportsContract } from '../../../shared/contract-reports';
import type { HandlerGroup } from '../handlers';
import { cancelReport, reportProgress, runReport } from './report-runs';

/** The manager's reports (shared/contract-reports.ts). */
export const reportsHandlers: HandlerGroup<keyof typeof reportsContract> = {
  'reports.run': runReport,
  'reports.progress': reportProgress,
  'reports.cancel': cancelReport,
};
