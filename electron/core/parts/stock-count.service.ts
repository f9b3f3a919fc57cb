import type { OutputOf, ParsedInputOf } from '../../../shared/contract';
import { recordEvent } from '../changes';
import type { Ctx } from '../context';
import { requirePart, storeOf } from './parts.repository';
import { oncePerRequest } from './stock-requests';
import { appendMovement } from './stock-ledger';

type Counted = OutputOf<'parts.count'>;

/**
 * Books a stock count: for each scanned part, a `counted` entry of the difference between what was
 * counted and what the books held, so the balance becomes the count. A part found as booked still
 * gets its entry (of zero): the ledger shows when it was last counted. One audit record lists the
 * differences. A count never goes below zero, so it needs no allowance.
 */
export function countStock(ctx: Ctx, input: ParsedInputOf<'parts.count'>): Promise<Counted> {
  return oncePerRequest(ctx, 'parts.count', input.requestId, async (trx) => {
    const storeId = storeOf(ctx);
    // Every part first: a count naming an unknown part is refused before anything is written.
    const parts = [];
    for (const [i, line] of input.lines.entries()) {
      parts.push(await requirePart(trx, storeId, line.partId, `lines.${i}.partId`));
    }
    const lines: Counted['lines'] = [];
    for (const [i, line] of input.lines.entries()) {
      const part = parts[i] as (typeof parts)[number];
      const expected = part.on_hand;
      const difference = line.counted - expected;
      await appendMovement(trx, ctx, part, { kind: 'counted', quantity: difference });
      lines.push({
        partId: part.id,
        sku: part.sku,
        name: part.name,
        expected,
        counted: line.counted,
        difference,
      });
    }
    const differences = lines
      .filter((line) => line.difference !== 0)
      .map(({ partId, sku, expected, counted, difference }) => ({
        partId,
        sku,
        expected,
        counted,
        difference,
      }));
    await recordEvent(trx, ctx, {
      action: 'parts.count',
      entity: 'stock_counts',
      entityId: input.requestId,
      details: { counted: lines.length, differences },
    });
    return { lines };
  });
}
