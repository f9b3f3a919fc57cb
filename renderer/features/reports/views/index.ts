import type { ReportResult } from '../../../../shared/contract-reports';
import { incomeView } from './income';
import { partsView } from './parts';
import { recurringView } from './recurring';
import { serviceLevelsView } from './service-levels';
import { techniciansView } from './technicians';
import { turnaroundView } from './turnaround';
import type { AnyView, ViewTools } from './view-kit';

/** The screen, printout and CSV of a report's result. */
export function viewOf(result: ReportResult, tools: ViewTools): AnyView {
  const view = (() => {
    switch (result.kind) {
      case 'turnaround':
        return turnaroundView(result, tools);
      case 'recurring_faults':
        return recurringView(result, tools);
      case 'technicians':
        return techniciansView(result, tools);
      case 'income':
        return incomeView(result, tools);
      case 'parts':
        return partsView(result, tools);
      case 'service_levels':
        return serviceLevelsView(result, tools);
    }
  })();
  return view as unknown as AnyView;
}
