import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../../calendar/domain';
import { at, holidays } from '../../../../test/support/calendar-instants';
import { boundsOf } from './period';
import { assemble, classifyInPeriod, countInto, figuresOf, ReconciliationError, zeroCounts, type PeriodFacts } from './settlement';

const cal = createWorkCalendar({ holidays });
// March 2025, reported on 10/04/2025: "in progress" is as it stood at the end of 31/03.
const march = boundsOf({ from: '2025-03-01', to: '2025-03-31' }, at('2025-04-10 10:00'));

const facts = (o: Partial<PeriodFacts> & { received?: string | null; ended?: string | null; due?: string; paused?: string }): PeriodFacts => ({
  receivedAt: o.received === null ? null : at(o.received ?? '2025-03-10 09:00'),
  channel: o.channel ?? 'direct',
  endedAt: o.ended ? at(o.ended) : null,
  outcome: o.outcome ?? (o.ended ? 'on_time' : null),
  rejected: o.rejected ?? false,
  open: { dueAt: at(o.due ?? '2025-03-20 17:00'), pausedAt: o.paused ? at(o.paused) : null },
});

describe('classifyInPeriod', () => {
  it.each([
    ['never received (refused)', facts({ received: null }), null],
    ['received after the period', facts({ received: '2025-04-01 08:00' }), null],
    ['ended before the period', facts({ received: '2025-02-10 08:00', ended: '2025-02-28 16:00' }), null],
    ['new direct, settled on time', facts({ ended: '2025-03-20 10:00' }), { received: 'direct', settled: 'on_time', inProgress: null, rejected: false }],
    ['new postal counts with direct', facts({ channel: 'post', ended: '2025-03-12 10:00', outcome: 'early' }), { received: 'direct', settled: 'early', inProgress: null, rejected: false }],
    ['new online, in progress within time', facts({ channel: 'online', due: '2025-04-02 17:00' }), { received: 'online', settled: null, inProgress: 'within_time', rejected: false }],
    ['carried over (received in February), settled late', facts({ received: '2025-02-25 09:00', ended: '2025-03-03 10:00', outcome: 'late' }), { received: 'carried_over', settled: 'late', inProgress: null, rejected: false }],
    ['ended at the first instant of the period counts in it', facts({ received: '2025-02-25 09:00', ended: '2025-03-01 00:00' }), { received: 'carried_over', settled: 'on_time', inProgress: null, rejected: false }],
    ['ended after the period: in progress, overdue at its end', facts({ ended: '2025-04-03 10:00', outcome: 'late', due: '2025-03-28 17:00' }), { received: 'direct', settled: null, inProgress: 'overdue', rejected: false }],
    ['paused before its due date: within time', facts({ due: '2025-03-28 17:00', paused: '2025-03-25 09:00' }), { received: 'direct', settled: null, inProgress: 'within_time', rejected: false }],
    ['rejected is settled by its timing and shown apart', facts({ ended: '2025-03-18 10:00', rejected: true }), { received: 'direct', settled: 'on_time', inProgress: null, rejected: true }],
    ['withdrawn after receipt', facts({ ended: '2025-03-18 10:00', outcome: 'withdrawn' }), { received: 'direct', settled: 'withdrawn', inProgress: null, rejected: false }],
  ])('%s', (_name, f, expected) => {
    expect(classifyInPeriod(cal, f, march)).toEqual(expected);
  });
});

describe('figures', () => {
  it('counts the classified dossiers into the printed columns, reconciled', () => {
    const c = zeroCounts();
    for (const f of [
      facts({ received: '2025-02-25 09:00', ended: '2025-03-03 10:00', outcome: 'late' }),
      facts({ channel: 'online', ended: '2025-03-12 10:00', outcome: 'early' }),
      facts({ ended: '2025-03-18 10:00', outcome: 'withdrawn' }),
      facts({ ended: '2025-03-18 10:00', rejected: true }),
      facts({ due: '2025-03-28 17:00' }),
      facts({ received: '2025-02-20 09:00', due: '2025-04-28 17:00' }),
    ]) {
      const k = classifyInPeriod(cal, f, march);
      if (k) countInto(c, k);
    }
    expect(figuresOf(c)).toEqual({
      received: { total: 6, online: 1, direct: 3, carriedOver: 2 },
      settled: { total: 4, early: 1, onTime: 1, late: 1, withdrawn: 1, rejected: 1 },
      inProgress: { total: 2, withinTime: 1, overdue: 1 },
      refused: 0,
      onTimeRate: 2 / 3,
    });
  });

  it('refuses counts that do not reconcile', () => {
    expect(() => figuresOf({ ...zeroCounts(), newDirect: 2, onTime: 1 }, 'TP')).toThrow(ReconciliationError);
  });

  it('assembles rows in order, leaves out empty groups, totals them', () => {
    const r = assemble([
      { key: 'TP', name: 'Tư pháp', counts: { ...zeroCounts(), newDirect: 2, onTime: 1, overdue: 1 } },
      { key: 'XD', name: 'Xây dựng', counts: zeroCounts() },
      { key: 'DD', name: 'Đất đai', counts: { ...zeroCounts(), carriedOver: 1, late: 1, refused: 2 } },
    ]);
    expect(r.rows.map((x) => x.key)).toEqual(['TP', 'DD']);
    expect(r.total.received).toEqual({ total: 3, online: 0, direct: 2, carriedOver: 1 });
    expect(r.total.settled.total + r.total.inProgress.total).toBe(3);
    expect(r.total.refused).toBe(2);
    expect(r.total.onTimeRate).toBe(0.5);
  });
});
