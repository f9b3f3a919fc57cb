import type { OutputOf, ParsedInputOf } from '../../../shared/contract';
import { newId } from '../../../shared/ids';
import type { Part } from '../../../shared/parts';
import { failWith } from '../../../shared/result';
import { recordChange } from '../changes';
import type { Ctx } from '../context';
import type { PartsTable } from './parts.tables';
import { codeOwner, findPartByCode, listParts, requirePart, storeOf, toPart } from './parts.repository';

/** The stock list: a page of parts with their on-hand figures and low-stock flags. */
export async function listStock(
  ctx: Ctx,
  input: ParsedInputOf<'parts.list'>,
): Promise<OutputOf<'parts.list'>> {
  return listParts(ctx.core.db, storeOf(ctx), input);
}

export async function getPart(ctx: Ctx, input: ParsedInputOf<'parts.get'>): Promise<Part> {
  return toPart(await requirePart(ctx.core.db, storeOf(ctx), input.id, 'id'));
}

/** What a scan names. An unknown code is a clear `not_found`, never a guess. */
export async function findByCode(ctx: Ctx, input: ParsedInputOf<'parts.findByCode'>): Promise<Part> {
  const code = input.code.toUpperCase();
  const row = await findPartByCode(ctx.core.db, storeOf(ctx), code);
  return row
    ? toPart(row)
    : failWith('not_found', `No part with barcode or SKU ${code}`, {
        fields: { code: 'unknown_code' },
        details: { code },
      });
}

/**
 * Adds or edits a catalogue entry. SKUs and barcodes are one namespace, since a scan looks up
 * both: no code may name two parts. The stock figure is never edited here, only through the ledger.
 */
export async function savePart(ctx: Ctx, input: ParsedInputOf<'parts.save'>): Promise<Part> {
  const storeId = storeOf(ctx);
  return ctx.core.db.transaction().execute(async (trx) => {
    const existing = input.id ? await requirePart(trx, storeId, input.id, 'id') : undefined;
    for (const field of ['sku', 'barcode'] as const) {
      const owner = await codeOwner(trx, storeId, input[field], existing?.id);
      if (owner) {
        failWith('conflict', `${input[field]} already names part ${owner.sku}`, {
          fields: { [field]: 'code_taken' },
          details: { partId: owner.id, sku: owner.sku },
        });
      }
    }
    const now = ctx.core.now();
    const row: PartsTable = {
      id: existing?.id ?? newId(),
      store_id: storeId,
      sku: input.sku,
      barcode: input.barcode,
      name: input.name,
      compatible_models: JSON.stringify([...new Set(input.compatibleModels)]),
      cost_fen: input.costFen,
      price_fen: input.priceFen,
      reorder_level: input.reorderLevel,
      supplier: input.supplier,
      active: input.active ? 1 : 0,
      on_hand: existing?.on_hand ?? 0,
      created_at: existing?.created_at ?? now,
      updated_at: now,
    };
    if (existing) {
      const { id: _id, store_id: _store, on_hand: _onHand, created_at: _created, ...changes } = row;
      await trx.updateTable('parts').set(changes).where('id', '=', row.id).execute();
    } else {
      await trx.insertInto('parts').values(row).execute();
    }
    await recordChange(trx, ctx, {
      action: existing ? 'parts.update' : 'parts.create',
      entity: 'parts',
      entityId: row.id,
      row,
      details: existing ? { before: toPart(existing) } : { sku: row.sku },
    });
    return toPart(row);
  });
}
