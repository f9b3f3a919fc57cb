import { z } from 'zod';
import type { OutputOf, ParsedInputOf } from '../../../shared/contract';
import { lookupTicketSchema } from '../../../shared/lookup';
import { failWith } from '../../../shared/result';
import type { Ctx } from '../context';
import { hqRequest } from './hq-request';
import { linkOf } from './sync.service';

const answerSchema = z.array(lookupTicketSchema);

/**
 * A customer's tickets at the chain's other stores, asked of headquarters while the clerk waits (the
 * one counter call that needs the network, and says so when it is not there).
 */
export async function lookUpElsewhere(
  ctx: Ctx,
  input: ParsedInputOf<'sync.lookup'>,
): Promise<OutputOf<'sync.lookup'>> {
  const link = await linkOf(ctx.core);
  if (!link) return failWith('offline', 'This counter is not linked to headquarters');
  const query = new URLSearchParams('phone' in input ? { phone: input.phone } : { serial: input.serial });
  const response = await hqRequest(link, `/v1/lookup?${query.toString()}`, { method: 'GET' }).catch(
    (error: unknown) => failWith('offline', error instanceof Error ? error.message : 'unreachable'),
  );
  if (!response.ok) return failWith('offline', `Headquarters answered ${response.status}`);
  const parsed = answerSchema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) return failWith('offline', 'Headquarters sent an answer this counter cannot read');
  return parsed.data;
}
