import { describe, expect, it } from 'vitest';
import { compareTickets, selectNext, type WaitingTicket } from './selection';

// A compact way to write a queue: 'P3' is a priority ticket issued at minute 3, 'R1' a regular one at minute 1.
const q = (spec: string): WaitingTicket[] =>
  spec.split(' ').filter(Boolean).map((s, i) => ({ id: s, priority: s[0] === 'P' ? 'elderly' : null, issuedAt: Number(s.slice(1)) * 60_000, serial: i + 1 }));

describe('selectNext', () => {
  it.each([
    // queue, streak before, limit → chosen, streak after, guard
    ['', 0, 3, null, 0, false],
    ['R1 R2', 0, 3, 'R1', 0, false],
    ['R5 R2', 0, 3, 'R2', 0, false], // FIFO by issue time, not by list order
    ['R1 P4', 0, 3, 'P4', 1, false], // priority first
    ['R1 P4 P2', 0, 3, 'P2', 1, false], // oldest priority first
    ['R1 P4', 2, 3, 'P4', 3, false], // the third priority call in a row is still allowed
    ['R1 P4', 3, 3, 'R1', 0, true], // after 3 in a row a regular ticket gets its turn
    ['R1 P4', 7, 3, 'R1', 0, true],
    ['P4 P5', 3, 3, 'P4', 0, false], // nobody regular waits: no guard, and no streak is counted
    ['R1 P4', 1, 1, 'R1', 0, true], // limit 1: alternate
    ['R1 P4', 50, 0, 'P4', 51, false], // limit 0: the rule is off
    ['R9', 3, 3, 'R9', 0, false],
  ])('[%s] streak %i, limit %i → %s (streak %i, guard %s)', (spec, streak, limit, expected, after, guard) => {
    const r = selectNext(q(spec), streak, { priorityStreakLimit: limit });
    if (expected === null) {
      expect(r).toBeNull();
      return;
    }
    expect(r).toEqual({ ticket: expect.objectContaining({ id: expected }), priorityStreak: after, starvationGuard: guard });
  });

  it('serves a long priority rush with one regular ticket after every K priority ones', () => {
    const waiting = q('R1 R2 P3 P4 P5 P6 P7 P8 P9');
    const order: string[] = [];
    let streak = 0;
    while (waiting.length) {
      const r = selectNext(waiting, streak, { priorityStreakLimit: 3 })!;
      order.push(r.ticket.id);
      streak = r.priorityStreak;
      waiting.splice(waiting.indexOf(r.ticket), 1);
    }
    expect(order).toEqual(['P3', 'P4', 'P5', 'R1', 'P6', 'P7', 'P8', 'R2', 'P9']);
  });

  it('breaks equal issue times by the order of issue', () => {
    const same = [{ id: 'b', priority: null, issuedAt: 0, serial: 2 }, { id: 'a', priority: null, issuedAt: 0, serial: 1 }];
    expect(selectNext(same, 0, { priorityStreakLimit: 3 })!.ticket.id).toBe('a');
  });
});

describe('compareTickets', () => {
  it('orders priority first, then by original issue time, then by order of issue', () => {
    const waiting = q('R4 P2 R1 P7 R3 R1');
    expect([...waiting].sort(compareTickets).map((t) => `${t.id}#${t.serial}`)).toEqual(['P2#2', 'P7#4', 'R1#3', 'R1#6', 'R3#5', 'R4#1']);
  });

  it('is the order selectNext follows when the anti-starvation rule is off', () => {
    const waiting = q('R4 P2 R1 P7 R3');
    const order: string[] = [];
    while (waiting.length) {
      const r = selectNext(waiting, 0, { priorityStreakLimit: 0 })!;
      order.push(r.ticket.id);
      waiting.splice(waiting.indexOf(r.ticket), 1);
    }
    expect(order).toEqual([...q('R4 P2 R1 P7 R3')].sort(compareTickets).map((t) => t.id));
  });
});
