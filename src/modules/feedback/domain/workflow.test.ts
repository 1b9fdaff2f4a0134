import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../../calendar/domain';
import { at, fmt, holidays } from '../../../../test/support/calendar-instants';
import {
  allowedActions,
  closedOnTime,
  FeedbackRuleError,
  isOverdue,
  nextDueAt,
  nextStatus,
  type FeedbackAction,
  type FeedbackStatus,
} from './workflow';

const cal = createWorkCalendar({ holidays });
const full = { answer: 'Đã xử lý', reason: 'Không thuộc thẩm quyền', unitId: 'u1', upheld: true };

describe('feedback transitions', () => {
  it.each<[FeedbackStatus, FeedbackAction, FeedbackStatus]>([
    ['received', 'accept', 'accepted'],
    ['received', 'request-info', 'info_requested'],
    ['received', 'reject', 'rejected'],
    ['info_requested', 'accept', 'accepted'],
    ['info_requested', 'reject', 'rejected'],
    ['accepted', 'assign', 'assigned'],
    ['accepted', 'answer', 'answered'],
    ['assigned', 'assign', 'assigned'],
    ['assigned', 'answer', 'answered'],
    ['answered', 'publish', 'published'],
  ])('%s --%s--> %s', (from, action, to) => {
    expect(nextStatus(from, action, full)).toBe(to);
  });

  it.each<[FeedbackStatus, FeedbackAction]>([
    ['received', 'answer'],
    ['received', 'publish'],
    ['received', 'assign'],
    ['info_requested', 'request-info'],
    ['accepted', 'accept'],
    ['accepted', 'reject'],
    ['accepted', 'publish'],
    ['answered', 'answer'],
    ['answered', 'reject'],
    ['published', 'publish'],
    ['published', 'answer'],
    ['rejected', 'accept'],
  ])('%s refuses %s', (from, action) => {
    expect(() => nextStatus(from, action, full)).toThrow(FeedbackRuleError);
  });

  it.each<[FeedbackStatus, FeedbackAction, string]>([
    ['accepted', 'answer', 'MISSING_ANSWER'],
    ['received', 'reject', 'MISSING_REASON'],
    ['accepted', 'assign', 'MISSING_UNIT'],
  ])('%s %s without its field → %s', (from, action, code) => {
    try {
      nextStatus(from, action, { answer: '  ', reason: '', unitId: undefined });
      expect.unreachable();
    } catch (e) {
      expect((e as FeedbackRuleError).code).toBe(code);
    }
  });

  it('an answer needs a verdict (upheld or not); false is a verdict', () => {
    expect(() => nextStatus('assigned', 'answer', { answer: 'Đã xử lý' })).toThrow(expect.objectContaining({ code: 'MISSING_VERDICT' }));
    expect(nextStatus('assigned', 'answer', { answer: 'Đã xử lý', upheld: false })).toBe('answered');
  });

  it.each<[FeedbackStatus, FeedbackAction[]]>([
    ['received', ['accept', 'request-info', 'reject']],
    ['assigned', ['assign', 'answer']],
    ['published', []],
  ])('allowed actions from %s', (status, actions) => {
    expect(allowedActions(status)).toEqual(actions);
  });
});

describe('feedback deadlines (working days, legal clock)', () => {
  it.each<[FeedbackStatus, string, string]>([
    ['received', '2025-03-12 10:00', '2025-03-14 17:00'], // Wed + 2 working days
    ['info_requested', '2025-03-12 10:00', '2025-03-19 17:00'], // + 5, over the weekend
    ['accepted', '2025-03-12 10:00', '2025-04-02 17:00'], // + 15
    ['answered', '2025-01-24 10:00', '2025-02-04 17:00'], // + 2 across Tết 2025
    ['received', '2025-12-31 10:00', '2026-01-06 17:00'], // + 2 across New Year 2026
  ])('%s at %s → due %s', (to, when, expected) => {
    expect(fmt(nextDueAt(cal, to, at(when), null)!)).toBe(expected);
  });

  it('assigning keeps the answer deadline set at acceptance', () => {
    const acceptedDue = nextDueAt(cal, 'accepted', at('2025-03-12 10:00'), null)!;
    expect(nextDueAt(cal, 'assigned', at('2025-03-20 10:00'), acceptedDue)).toEqual(acceptedDue);
  });

  it.each<[FeedbackStatus]>([['published'], ['rejected']])('%s has no deadline', (to) => {
    expect(nextDueAt(cal, to, at('2025-03-12 10:00'), null)).toBeNull();
  });

  it.each<[FeedbackStatus, string, string, boolean]>([
    ['received', '2025-03-14 17:00', '2025-03-14 16:59', false],
    ['received', '2025-03-14 17:00', '2025-03-14 17:01', true],
    ['published', '2025-03-14 17:00', '2025-04-14 17:01', false],
  ])('%s due %s, now %s → overdue %s', (status, due, now, expected) => {
    expect(isOverdue(status, at(due), at(now))).toBe(expected);
  });
});

describe('closedOnTime (index 766, 5.2)', () => {
  // Mon 10/03/2025 10:00 received: accept within 2 working days, answer within 15 of acceptance, publish within 2.
  const ev = (...steps: [string, FeedbackStatus][]) => steps.map(([t, toStatus]) => ({ at: at(t), toStatus }));
  it.each<[string, ReturnType<typeof ev>, boolean | null]>([
    ['every step in time', ev(['2025-03-10 10:00', 'received'], ['2025-03-11 10:00', 'accepted'], ['2025-03-12 09:00', 'assigned'],
      ['2025-03-28 10:00', 'answered'], ['2025-03-31 10:00', 'published']), true],
    ['accepted late (3 working days)', ev(['2025-03-10 10:00', 'received'], ['2025-03-13 11:00', 'accepted'],
      ['2025-03-14 10:00', 'answered'], ['2025-03-14 11:00', 'published']), false],
    ['answer after the 15 working days, re-assignment gives no extra time', ev(['2025-03-10 10:00', 'received'], ['2025-03-11 10:00', 'accepted'],
      ['2025-03-28 10:00', 'assigned'], ['2025-04-02 10:00', 'answered'], ['2025-04-03 10:00', 'published']), false],
    ['published 3 working days after the answer', ev(['2025-03-10 10:00', 'received'], ['2025-03-11 10:00', 'accepted'],
      ['2025-03-12 10:00', 'answered'], ['2025-03-17 11:00', 'published']), false],
    ['rejected in time', ev(['2025-03-10 10:00', 'received'], ['2025-03-12 09:00', 'rejected']), true],
    ['rejected late', ev(['2025-03-10 10:00', 'received'], ['2025-03-13 10:00', 'rejected']), false],
    ['the submitter\'s slow answer to a request for information is not the center\'s delay', ev(['2025-03-10 10:00', 'received'],
      ['2025-03-11 10:00', 'info_requested'], ['2025-03-31 10:00', 'accepted'], ['2025-04-01 10:00', 'answered'], ['2025-04-01 11:00', 'published']), true],
    ['request for information itself late', ev(['2025-03-10 10:00', 'received'], ['2025-03-14 10:00', 'info_requested'], ['2025-03-14 11:00', 'rejected']), false],
    ['not closed yet', ev(['2025-03-10 10:00', 'received'], ['2025-03-11 10:00', 'accepted']), null],
    ['events out of order are replayed by time', ev(['2025-03-11 10:00', 'rejected'], ['2025-03-10 10:00', 'received']), true],
  ])('%s', (_name, events, expected) => {
    expect(closedOnTime(cal, events)).toBe(expected);
  });
});
