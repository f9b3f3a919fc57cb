import { describe, expect, it } from 'vitest';
import { rpc, totalChanges, value } from '../helpers/core';
import { goodsStore } from '../helpers/goods';

describe('a shelf count', () => {
  it('lists what the ledger says is here but was not scanned, and what was scanned but should not be here', async () => {
    const { take, move, core, clerk } = await goodsStore();
    const call = <
      M extends 'goods.countStart' | 'goods.countScan' | 'goods.countFinish' | 'goods.countLatest',
    >(
      method: M,
      input: Parameters<typeof rpc<M>>[2],
    ) => rpc(core, method, input, { token: clerk.token });
    const onShelf = await take('111111111111111');
    const lost = await take('222222222222222');
    const inWorkshop = await take('333333333333333');
    const handedBack = await take('444444444444444');
    value(await move({ ticket: onShelf.ticketNo, kind: 'to_shelf', location: 'A-01' }));
    value(await move({ ticket: inWorkshop.ticketNo, kind: 'to_workshop' }));
    value(await move({ ticket: handedBack.ticketNo, kind: 'handed_back' }));

    const count = value(await call('goods.countStart', {}));
    expect(value(await call('goods.countStart', {})).id).toBe(count.id); // one open count at a time
    const scan = (code: string) => call('goods.countScan', { countId: count.id, code });
    expect(value(await scan(onShelf.ticketNo))).toMatchObject({
      expected: true,
      again: false,
      location: 'A-01',
    });
    expect(value(await scan(onShelf.ticketNo))).toMatchObject({ again: true }); // scanned twice: once counted
    expect(value(await scan(inWorkshop.ticketNo))).toMatchObject({ expected: true, location: 'workshop' });
    expect(value(await scan(handedBack.ticketNo))).toMatchObject({ expected: false, place: 'with_customer' });

    const before = totalChanges(core);
    const unknown = await scan('6901234567892');
    expect(unknown.ok || unknown.error.code).toBe('unknown_code');
    const foreign = await scan('BJ02-261122-0001');
    expect(foreign.ok || foreign.error.code).toBe('not_found');
    expect(totalChanges(core)).toBe(before);

    const result = value(await call('goods.countFinish', { countId: count.id }));
    expect(result).toMatchObject({ scanned: 3, expected: 3, found: 2, finishedBy: 'clerk-1357' });
    expect(result.missing.map((line) => line.ticketNo)).toEqual([lost.ticketNo]);
    expect(result.unexpected).toEqual([
      expect.objectContaining({
        ticketNo: handedBack.ticketNo,
        place: 'with_customer',
        customerName: '王伟',
      }),
    ]);
    expect(value(await call('goods.countLatest', {}))).toEqual(result); // kept for the daily close

    const late = await scan(lost.ticketNo);
    expect(late.ok || late.error.code).toBe('conflict'); // a finished count takes no more scans
    const again = await call('goods.countFinish', { countId: count.id });
    expect(again.ok || again.error.code).toBe('conflict');
    expect(() => core.sqlite.prepare('DELETE FROM shelf_count_results').run()).toThrow(/append-only/);
  });
});
