import type { MethodName } from '../../../shared/contract';
import { failWith } from '../../../shared/result';
import type { Ctx } from '../context';
import type { Tx } from '../db/schema';
import { storeOf } from './parts.repository';

/**
 * Runs a stock write once per request id, in one transaction with the record of its answer: a
 * double click or a retried call gets the first answer back and moves no stock a second time.
 */
export function oncePerRequest<T>(
  ctx: Ctx,
  method: MethodName,
  requestId: string,
  work: (trx: Tx) => Promise<T>,
): Promise<T> {
  const storeId = storeOf(ctx);
  return ctx.core.db.transaction().execute(async (trx) => {
    const seen = await trx
      .selectFrom('stock_requests')
      .select(['method', 'answer'])
      .where('request_id', '=', requestId)
      .executeTakeFirst();
    if (seen) {
      if (seen.method !== method) {
        failWith('conflict', `Request ${requestId} was already used for ${seen.method}`, {
          fields: { requestId: 'request_reused' },
        });
      }
      return JSON.parse(seen.answer) as T;
    }
    const answer = await work(trx);
    await trx
      .insertInto('stock_requests')
      .values({
        request_id: requestId,
        store_id: storeId,
        method,
        answer: JSON.stringify(answer),
        at: ctx.core.now(),
      })
      .execute();
    return answer;
  });
}
