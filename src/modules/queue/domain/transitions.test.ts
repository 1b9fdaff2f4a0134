import { describe, expect, it } from 'vitest';
import { closeBeforeNext, finishOutcome, recallOutcome, skipOutcome, startOutcome, transferCheck, type TicketStatus } from './transitions';

const held = (status: TicketStatus, recallCount = 0) => ({ status, recallCount, displayNumber: '2001' });

describe('recall', () => {
  it.each([
    [0, 3, { kind: 'recall', recallCount: 1 }],
    [2, 3, { kind: 'recall', recallCount: 3 }],
    [3, 3, { kind: 'no_show' }], // after N recalls the next one marks a no-show
    [0, 0, { kind: 'no_show' }],
  ])('recalled %i times, limit %i → %j', (count, limit, expected) => {
    expect(recallOutcome(held('called', count), limit)).toEqual(expected);
  });

  it.each([
    [null, 'NO_CURRENT_TICKET', 'Quầy chưa gọi số nào.'],
    [held('serving'), 'TICKET_BEING_SERVED', 'Số 2001 đang được phục vụ, không cần gọi lại.'],
    [held('done'), 'TICKET_FINISHED', 'Số 2001 đã kết thúc.'],
  ])('refuses %j', (t, code, message) => {
    expect(() => recallOutcome(t, 3)).toThrow(expect.objectContaining({ code, message }));
  });
});

describe('other actions', () => {
  it.each([
    ['skip', held('called'), 'no_show'],
    ['start', held('called'), 'serving'],
    ['finish', held('called'), 'done'],
    ['finish', held('serving'), 'done'],
  ])('%s on %j → %s', (action, t, expected) => {
    const f = { skip: skipOutcome, start: startOutcome, finish: finishOutcome }[action as 'skip' | 'start' | 'finish'];
    expect(f(t)).toBe(expected);
  });

  it.each([
    ['skip', held('serving'), 'TICKET_BEING_SERVED'],
    ['start', held('serving'), 'TICKET_NOT_CALLED'],
    ['finish', held('no_show'), 'TICKET_FINISHED'],
    ['finish', null, 'NO_CURRENT_TICKET'],
  ])('%s on %j is refused with %s', (action, t, code) => {
    const f = { skip: skipOutcome, start: startOutcome, finish: finishOutcome }[action as 'skip' | 'start' | 'finish'];
    expect(() => f(t)).toThrow(expect.objectContaining({ code }));
  });

  it.each([
    [held('serving'), 3, 'done'],
    [held('called', 1), 3, 'done'],
    [held('called', 3), 3, 'no_show'],
  ])('call next closes %j (limit %i) as %s', (t, limit, expected) => {
    expect(closeBeforeNext(t, limit)).toBe(expected);
  });

  it('transfers only an open ticket to another field', () => {
    expect(() => transferCheck({ ...held('serving'), fieldCode: 'TP' }, 'DD')).not.toThrow();
    expect(() => transferCheck({ ...held('waiting'), fieldCode: 'TP' }, 'TP')).toThrow(expect.objectContaining({ code: 'SAME_FIELD' }));
    expect(() => transferCheck({ ...held('done'), fieldCode: 'TP' }, 'DD')).toThrow(expect.objectContaining({ code: 'TICKET_FINISHED' }));
  });
});
