import { describe, expect, it } from 'vitest';
import {
  custodyPlaces,
  deriveCustody,
  movementKinds,
  movementRules,
  refusal,
  type CustodyState,
  type LedgerEntry,
  type MovementKind,
} from '../../shared/custody';

const stateAt = (place: (typeof custodyPlaces)[number]): CustodyState => ({
  place,
  location: 'x',
  kind: 'received',
  entryId: 'e0',
  since: 0,
  details: {},
});

let n = 0;
const entry = (kind: LedgerEntry['kind'], extra: Partial<LedgerEntry> = {}): LedgerEntry => ({
  id: `e${++n}`,
  seq: n,
  kind,
  location: kind === 'to_shelf' ? 'B-02' : '',
  at: n * 1000,
  details: {},
  reverses: null,
  ...extra,
});

describe('movement rules', () => {
  // Every place (and "not yet received") against every kind: allowed exactly where the table says.
  const starts = [null, ...custodyPlaces] as const;
  for (const start of starts) {
    for (const kind of movementKinds) {
      const allowed = movementRules[kind].from.includes(start);
      it(`${kind} from ${start ?? 'nowhere'} is ${allowed ? 'allowed' : 'refused'}`, () => {
        expect(refusal(start && stateAt(start), kind)).toBe(allowed ? null : 'wrong_place');
      });
    }
  }

  it('a device is received once, and only intake starts a trail', () => {
    expect(movementRules.received.from).toEqual([null]);
    for (const kind of movementKinds.filter((k) => k !== 'received')) {
      expect(movementRules[kind].from).not.toContain(null);
    }
  });
});

describe('deriving where a device is', () => {
  it('follows a full trail to the customer', () => {
    const trail = [
      entry('received', { location: 'counter' }),
      entry('to_shelf'),
      entry('to_workshop'),
      entry('to_vendor', { location: '华为售后', details: { vendor: '华为售后', rmaNo: 'RMA-1' } }),
      entry('from_vendor'),
      entry('handed_back'),
    ];
    const derived = deriveCustody(trail);
    expect('state' in derived && derived.state).toMatchObject({
      place: 'with_customer',
      kind: 'handed_back',
    });
    expect('history' in derived && derived.history.map((s) => s.location)).toEqual([
      'counter',
      'B-02',
      'workshop',
      '华为售后',
      'counter',
      'customer',
    ]);
  });

  it('a reversal returns the device to where it was before the reversed entry', () => {
    const received = entry('received', { location: 'counter' });
    const shelf = entry('to_shelf');
    const wrong = entry('handed_back');
    const derived = deriveCustody([received, shelf, wrong, entry('reversal', { reverses: wrong.id })]);
    expect('state' in derived && derived.state).toMatchObject({ place: 'on_premises', location: 'B-02' });
  });

  it('names the entry that breaks the rules: handing back twice, reversing an older entry', () => {
    const received = entry('received', { location: 'counter' });
    const first = entry('handed_back');
    const twice = entry('handed_back');
    expect(deriveCustody([received, first, twice])).toEqual({ brokenAt: twice, reason: 'wrong_place' });
    const shelf = entry('to_shelf');
    const older = entry('reversal', { reverses: received.id });
    expect(deriveCustody([received, shelf, older])).toEqual({ brokenAt: older, reason: 'not_reversible' });
  });

  it('every kind but received leaves from somewhere the device can be', () => {
    const reachable = new Set<string>(Object.values(movementRules).map((rule) => rule.to));
    for (const kind of movementKinds.filter(
      (k): k is Exclude<MovementKind, 'received'> => k !== 'received',
    )) {
      expect(movementRules[kind].from.some((place) => place !== null && reachable.has(place))).toBe(true);
    }
  });
});
