import { describe, expect, it } from 'vitest';
import { assessWarranty, type WarrantyCase, type WarrantyPolicy } from '../../shared/warranty';
import { defaultWarrantyPolicies } from '../../shared/warranty-policies';

const policy = (id: string): WarrantyPolicy => {
  const found = defaultWarrantyPolicies.find((p) => p.id === id);
  if (!found) throw new Error(`no policy ${id}`);
  return found;
};
const general = policy('general');
const phone = policy('mobile_phone');

const assess = (overrides: Partial<WarrantyCase> & Pick<WarrantyCase, 'today'>) =>
  assessWarranty({
    policy: general,
    purchaseDate: '2026-11-01',
    priorRepairs: [],
    replacements: [],
    ...overrides,
  });

const codes = (entitlement: ReturnType<typeof assessWarranty>) => entitlement.reasons.map((r) => r.code);

describe('三包 windows after a sale on 2026-11-01 (the sale day itself is not counted)', () => {
  it.each([
    ['2026-11-01', ['refund', 'replace', 'free_repair'], 'within_refund_days'],
    ['2026-11-08', ['refund', 'replace', 'free_repair'], 'within_refund_days'], // day 7: last refund day
    ['2026-11-09', ['replace', 'free_repair'], 'within_replace_days'], // day 8: replacement, no refund
    ['2026-11-16', ['replace', 'free_repair'], 'within_replace_days'], // day 15: last replacement day
    ['2026-11-17', ['free_repair'], 'within_warranty'], // day 16: free repair only
  ])('on %s the customer may choose %j', (today, outcomes, reason) => {
    const result = assess({ today });
    expect(result.outcomes).toEqual(outcomes);
    expect(result.suggestedServiceType).toBe('C');
    expect(codes(result)[0]).toBe(reason);
  });

  it('repairs free through the last day of the 12-month warranty, then paid', () => {
    expect(assess({ today: '2027-11-01' })).toMatchObject({
      outcomes: ['free_repair'],
      warrantyEnd: '2027-11-01',
    });
    const after = assess({ today: '2027-11-02' });
    expect(after).toMatchObject({ outcomes: ['paid_repair'], suggestedServiceType: 'A' });
    expect(after.reasons).toEqual([{ code: 'warranty_expired', on: '2027-11-01', part: 'whole' }]);
  });

  it('grants nothing for a date before the sale (bad data is not a refund)', () => {
    expect(assess({ today: '2026-10-30' }).outcomes).toEqual(['paid_repair']);
  });
});

describe('what is never covered', () => {
  it('user damage, no proof of purchase and excluded parts are paid repairs', () => {
    expect(assess({ today: '2026-11-03', userDamage: true })).toMatchObject({
      outcomes: ['paid_repair'],
      reasons: [{ code: 'user_damage' }],
    });
    expect(assess({ today: '2026-11-03', purchaseDate: null })).toMatchObject({
      outcomes: ['paid_repair'],
      reasons: [{ code: 'no_proof_of_purchase' }],
    });
    expect(assess({ today: '2026-11-03', policy: phone, part: 'casing' })).toMatchObject({
      outcomes: ['paid_repair'],
      reasons: [{ code: 'excluded_part', part: 'casing' }],
    });
  });
});

describe('warranty per part (mobile phones)', () => {
  it('covers a battery 6 months and the handset 12 months', () => {
    const base = { policy: phone, purchaseDate: '2026-01-10' };
    expect(assess({ ...base, part: 'battery', today: '2026-07-10' }).outcomes).toEqual(['free_repair']);
    expect(assess({ ...base, part: 'battery', today: '2026-07-11' }).outcomes).toEqual(['paid_repair']);
    expect(assess({ ...base, part: 'handset', today: '2026-07-11' }).outcomes).toEqual(['free_repair']);
    expect(assess({ ...base, part: 'wired_earphones', today: '2026-04-11' }).outcomes).toEqual([
      'paid_repair',
    ]);
  });
});

describe('two failed repairs', () => {
  const repairs = [
    { droppedOff: '2026-03-01', handedBack: '2026-03-05', warrantyRepair: true },
    { droppedOff: '2026-05-01', handedBack: '2026-05-03', warrantyRepair: true },
  ];

  it('entitle general goods to replacement or refund', () => {
    const result = assess({ purchaseDate: '2026-01-01', today: '2026-08-01', priorRepairs: repairs });
    expect(result.outcomes).toEqual(['refund', 'replace', 'free_repair']);
    expect(result.reasons).toContainEqual({ code: 'failed_repairs', count: 2, limit: 2 });
  });

  it('entitle a phone to a free handset replacement, not a refund', () => {
    const result = assess({
      policy: phone,
      purchaseDate: '2026-01-01',
      today: '2026-08-01',
      priorRepairs: repairs,
    });
    expect(result.outcomes).toEqual(['replace', 'free_repair']);
  });

  it('one failed repair, or paid repairs, do not', () => {
    expect(
      assess({ purchaseDate: '2026-01-01', today: '2026-08-01', priorRepairs: repairs.slice(0, 1) }).outcomes,
    ).toEqual(['free_repair']);
    const paidOnes = repairs.map((r) => ({ ...r, warrantyRepair: false }));
    expect(
      assess({ purchaseDate: '2026-01-01', today: '2026-08-01', priorRepairs: paidOnes }).outcomes,
    ).toEqual(['free_repair']);
  });
});

describe('time in repair extends the warranty', () => {
  it('by the days from drop-off to hand-back', () => {
    const priorRepairs = [{ droppedOff: '2026-03-01', handedBack: '2026-03-21', warrantyRepair: true }];
    const base = { purchaseDate: '2025-11-01', priorRepairs };
    const last = assess({ ...base, today: '2026-11-21' });
    expect(last).toMatchObject({ outcomes: ['free_repair'], warrantyEnd: '2026-11-21' });
    expect(last.reasons).toContainEqual({
      code: 'within_warranty',
      until: '2026-11-21',
      part: 'whole',
      extendedDays: 20,
    });
    expect(assess({ ...base, today: '2026-11-22' }).outcomes).toEqual(['paid_repair']);
  });
});

describe('a re-repair', () => {
  // Warranty to 2026-06-01, extended 5 days by the repair: ends 2026-06-06.
  const base = {
    purchaseDate: '2025-06-01',
    priorRepairs: [{ droppedOff: '2026-05-20', handedBack: '2026-05-25', warrantyRepair: true }],
  };

  it('is free within 30 days of hand-back even after the warranty ended', () => {
    const result = assess({ ...base, today: '2026-06-20' });
    expect(result).toMatchObject({ outcomes: ['free_repair'], suggestedServiceType: 'C' });
    expect(result.reasons).toContainEqual({
      code: 're_repair',
      handedBack: '2026-05-25',
      day: 26,
      limit: 30,
    });
  });

  it('does not restart the warranty clock', () => {
    const result = assess({ ...base, today: '2026-06-20' });
    expect(result.warrantyStart).toBe('2025-06-01');
    expect(result.warrantyEnd).toBe('2026-06-06');
    expect(assess({ ...base, today: '2026-06-25' }).outcomes).toEqual(['paid_repair']); // day 31
  });
});

describe('a replacement', () => {
  it('restarts the warranty from the replacement date', () => {
    const result = assess({ purchaseDate: '2025-01-01', replacements: ['2025-12-01'], today: '2026-06-01' });
    expect(result).toMatchObject({
      outcomes: ['free_repair'],
      warrantyStart: '2025-12-01',
      warrantyEnd: '2026-12-01',
    });
    expect(assess({ purchaseDate: '2025-01-01', today: '2026-06-01' }).outcomes).toEqual(['paid_repair']);
  });
});

describe('waiting for parts', () => {
  it('past the policy limit entitles a replacement (phones: 60 days)', () => {
    const base = { policy: phone, purchaseDate: '2026-01-01', awaitingPartsSince: '2026-03-01' };
    expect(assess({ ...base, today: '2026-04-30' }).outcomes).toEqual(['free_repair']);
    const late = assess({ ...base, today: '2026-05-01' });
    expect(late.outcomes).toEqual(['replace', 'free_repair']);
    expect(late.reasons).toContainEqual({ code: 'parts_wait_exceeded', days: 61, limit: 60 });
  });
});
