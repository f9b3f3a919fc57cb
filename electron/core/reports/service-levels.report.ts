import type { ServiceLevels } from '../../../shared/contract-reports';
import type { ReportDefinition } from './report-definition';

const zero = (): ServiceLevels => ({
  followUpsDue: 0,
  followUpsReached: 0,
  followUpsOnTime: 0,
  complaints: 0,
  answeredOnTime: 0,
  answeredLate: 0,
  resolvedOnTime: 0,
  resolvedLate: 0,
  unansweredOverdue: 0,
  unresolvedOverdue: 0,
  accepted: 0,
  repairCalls: 0,
  callsAnsweredOnTime: 0,
  callsConverted: 0,
});

/**
 * Promises kept: follow-ups falling due in the range and whether the customer was reached by the
 * deadline; complaints logged in the range, answered and resolved on time or late, accepted; repair
 * calls logged in the range, answered within their deadline, turned into tickets. A complaint still
 * unanswered (or unresolved) past its deadline is counted as such as of the moment the report runs.
 */
export const serviceLevelsReport: ReportDefinition<ServiceLevels> = {
  kind: 'service_levels',
  empty: zero,
  add(acc, { sqlite, storeId, now }, slice) {
    const args = [storeId, slice.fromMs, slice.toMs];
    const followUps = sqlite
      .prepare(
        `SELECT count(*) AS due, count(closed_at) AS reached, coalesce(sum(closed_at <= due_at), 0) AS onTime
         FROM follow_ups WHERE store_id = ? AND due_at >= ? AND due_at < ?`,
      )
      .get(...args) as { due: number; reached: number; onTime: number };
    const complaints = sqlite
      .prepare(
        `SELECT count(*) AS n,
           coalesce(sum(replied_at <= reply_due_at), 0) AS answeredOnTime,
           coalesce(sum(replied_at > reply_due_at), 0) AS answeredLate,
           coalesce(sum(resolved_at <= resolve_due_at), 0) AS resolvedOnTime,
           coalesce(sum(resolved_at > resolve_due_at), 0) AS resolvedLate,
           coalesce(sum(replied_at IS NULL AND reply_due_at < @now), 0) AS unansweredOverdue,
           coalesce(sum(resolved_at IS NULL AND resolve_due_at < @now), 0) AS unresolvedOverdue,
           coalesce(sum(acceptance = 'accepted'), 0) AS accepted
         FROM complaints WHERE store_id = @storeId AND created_at >= @fromMs AND created_at < @toMs`,
      )
      .get({ storeId, fromMs: slice.fromMs, toMs: slice.toMs, now }) as Record<
      | 'n'
      | 'answeredOnTime'
      | 'answeredLate'
      | 'resolvedOnTime'
      | 'resolvedLate'
      | 'unansweredOverdue'
      | 'unresolvedOverdue'
      | 'accepted',
      number
    >;
    const calls = sqlite
      .prepare(
        `SELECT count(*) AS n, coalesce(sum(answered_at <= answer_due_at), 0) AS onTime,
           coalesce(sum(close_reason = 'converted'), 0) AS converted
         FROM repair_calls WHERE store_id = ? AND called_at >= ? AND called_at < ?`,
      )
      .get(...args) as { n: number; onTime: number; converted: number };
    acc.followUpsDue += followUps.due;
    acc.followUpsReached += followUps.reached;
    acc.followUpsOnTime += followUps.onTime;
    acc.complaints += complaints.n;
    acc.answeredOnTime += complaints.answeredOnTime;
    acc.answeredLate += complaints.answeredLate;
    acc.resolvedOnTime += complaints.resolvedOnTime;
    acc.resolvedLate += complaints.resolvedLate;
    acc.unansweredOverdue += complaints.unansweredOverdue;
    acc.unresolvedOverdue += complaints.unresolvedOverdue;
    acc.accepted += complaints.accepted;
    acc.repairCalls += calls.n;
    acc.callsAnsweredOnTime += calls.onTime;
    acc.callsConverted += calls.converted;
  },
  finish: (levels) => ({ kind: 'service_levels', levels }),
};
