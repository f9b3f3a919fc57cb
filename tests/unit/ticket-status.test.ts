import { describe, expect, it } from 'vitest';
import { roles, type Role } from '../../shared/roles';
import {
  finalStatuses,
  nextStatuses,
  pickupStatuses,
  ruleFor,
  ticketStatuses,
  transitionRules,
  workStatuses,
  type TicketStatus,
} from '../../shared/ticket-status';

/*
 * The state machine written out a second time, by hand, as a store would describe it: who may move
 * a ticket from each status to which, by which action, needing what. Every one of the 15 × 15 pairs
 * is compared with the rules, so an accidental edit of either shows up here.
 * Roles: A anyone, T technicians (and supervisors, admins), C the counter (clerks, supervisors,
 * admins), S supervisors and admins.
 */
const expected: Record<TicketStatus, Partial<Record<TicketStatus, string>>> = {
  received: {
    diagnosing: 'T move',
    cancelled: 'C move note',
    on_hold: 'A move note',
    at_vendor: 'A vendor approval',
    replaced: 'S outcome',
    refunded: 'S outcome',
  },
  diagnosing: {
    awaiting_approval: 'T diagnose diagnosis',
    awaiting_parts: 'T diagnose diagnosis approval',
    in_repair: 'T diagnose diagnosis approval',
    cancelled: 'C move note',
    on_hold: 'A move note',
    at_vendor: 'A vendor approval',
    returned_unrepaired: 'T move note',
    replaced: 'S outcome',
    refunded: 'S outcome',
  },
  awaiting_approval: {
    in_repair: 'C approve approval',
    awaiting_parts: 'C approve approval',
    returned_unrepaired: 'C approve',
    cancelled: 'C move note',
  },
  awaiting_parts: {
    in_repair: 'T move',
    awaiting_approval: 'T diagnose diagnosis',
    on_hold: 'A move note',
    at_vendor: 'A vendor approval',
    returned_unrepaired: 'T move note',
    replaced: 'S outcome',
    refunded: 'S outcome',
  },
  in_repair: {
    awaiting_parts: 'T move',
    awaiting_approval: 'T diagnose diagnosis',
    awaiting_check: 'T finish diagnosis approval',
    on_hold: 'A move note',
    at_vendor: 'A vendor approval',
    returned_unrepaired: 'T move note',
    replaced: 'S outcome',
    refunded: 'S outcome',
  },
  awaiting_check: { ready: 'S check', in_repair: 'S check note' },
  ready: { collected: 'C pickup', in_repair: 'S move note', abandoned: 'S dispose' },
  returned_unrepaired: { collected: 'C pickup', abandoned: 'S dispose' },
  replaced: { collected: 'C pickup' },
  at_vendor: {
    awaiting_check: 'A vendor approval',
    in_repair: 'A vendor',
    returned_unrepaired: 'A vendor note',
    replaced: 'S outcome',
    refunded: 'S outcome',
  },
  on_hold: {
    received: 'T move',
    diagnosing: 'T move',
    awaiting_parts: 'T move diagnosis approval',
    in_repair: 'T move diagnosis approval',
    cancelled: 'C move note',
  },
  collected: {},
  refunded: {},
  abandoned: {},
  cancelled: {},
};

const roleCodes: Record<string, readonly Role[]> = {
  A: roles,
  T: ['technician', 'supervisor', 'admin'],
  C: ['clerk', 'supervisor', 'admin'],
  S: ['supervisor', 'admin'],
};

const decode = (spec: string) => {
  const [who = '', via, ...needs] = spec.split(' ');
  return { by: [...(roleCodes[who] ?? [])].sort(), via, needs };
};

const pairs = ticketStatuses.flatMap((from) => ticketStatuses.map((to) => [from, to] as const));

describe('the ticket state machine', () => {
  it.each(pairs)('%s → %s is allowed exactly as the store describes it', (from, to) => {
    const spec = expected[from][to];
    const rule = ruleFor(from, to);
    if (!spec) {
      expect(rule).toBeUndefined();
      return;
    }
    expect(rule).toBeDefined();
    expect({ by: [...(rule?.by ?? [])].sort(), via: rule?.via, needs: [...(rule?.needs ?? [])] }).toEqual(
      decode(spec),
    );
  });

  it('lists each pair once, and nothing the description does not have', () => {
    const keys = transitionRules.map((rule) => `${rule.from}>${rule.to}`);
    expect(new Set(keys).size).toBe(keys.length);
    const described = Object.values(expected).reduce((n, tos) => n + Object.keys(tos).length, 0);
    expect(keys.length).toBe(described);
  });

  it.each(roles.flatMap((role) => ticketStatuses.map((from) => [role, from] as const)))(
    '%s sees from %s the next statuses the rules give that role',
    (role, from) => {
      const mine = Object.entries(expected[from])
        .filter(([, spec]) => decode(spec ?? '').by.includes(role))
        .map(([to]) => to)
        .sort();
      expect([...nextStatuses(from, role)].sort()).toEqual(mine);
    },
  );

  it('has no way out of a final status, and every status belongs to exactly one group', () => {
    for (const status of finalStatuses) expect(nextStatuses(status, 'admin')).toEqual([]);
    const groups = [...workStatuses, ...pickupStatuses, ...finalStatuses].sort();
    expect(groups).toEqual([...ticketStatuses].sort());
  });

  it('reaches every status from intake, and a final status from every status', () => {
    const reach = (from: TicketStatus): Set<TicketStatus> => {
      const seen = new Set<TicketStatus>([from]);
      const queue = [from];
      while (queue.length > 0) {
        const next = queue.shift() as TicketStatus;
        for (const to of nextStatuses(next, 'admin')) {
          if (seen.has(to)) continue;
          seen.add(to);
          queue.push(to);
        }
      }
      return seen;
    };
    expect([...reach('received')].sort()).toEqual([...ticketStatuses].sort());
    for (const status of ticketStatuses) {
      const ends = [...reach(status)].filter((s) => (finalStatuses as readonly string[]).includes(s));
      expect(ends.length, status).toBeGreaterThan(0);
    }
  });

  it('lets an admin do whatever a supervisor may, and only supervisors check work or decide 三包', () => {
    for (const rule of transitionRules) {
      if (rule.by.includes('supervisor')) expect(rule.by).toContain('admin');
      if (rule.via === 'check' || rule.via === 'outcome')
        expect([...rule.by].sort()).toEqual(['admin', 'supervisor']);
    }
    // Ready for pickup is reached only through the supervisor's check (主任验讫).
    expect(transitionRules.filter((rule) => rule.to === 'ready').map((rule) => rule.via)).toEqual(['check']);
  });
});
