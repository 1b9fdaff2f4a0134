import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../../calendar/domain';
import { at, fmt, holidays } from '../../calendar/domain/test-utils';
import {
  allowedActions,
  FeedbackRuleError,
  isOverdue,
  nextDueAt,
  nextStatus,
  type FeedbackAction,
  type FeedbackStatus,
} from './workflow';

const cal = createWorkCalendar({ holidays });
const full = { answer: 'Đã xử lý', reason: 'Không thuộc thẩm quyền', unitId: 'u1' };

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
