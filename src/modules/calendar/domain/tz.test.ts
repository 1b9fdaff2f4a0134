/** The engine works on UTC milliseconds + 7h: the machine's own time zone must not change any result. */
import { afterAll, describe, expect, it } from 'vitest';
import { computeDueDate, receiptOf, type TimeLimit } from './due-date';
import { holidays } from '../../../../test/support/calendar-instants';
import { createWorkCalendar } from './work-calendar';

const original = process.env.TZ;
afterAll(() => {
  if (original === undefined) delete process.env.TZ;
  else process.env.TZ = original;
});

const received = [
  '2025-03-12T18:30:00+07:00',
  '2025-03-12T23:59:00+07:00',
  '2025-03-13T00:30:00+07:00',
  '2025-03-15T10:00:00+07:00',
  '2025-01-24T16:00:00+07:00',
  '2025-11-02T01:30:00+07:00', // US DST ends that night
  '2026-03-08T02:30:00+07:00', // US DST starts that day
];
const limits: TimeLimit[] = [
  { unit: 'working_days', value: 3 },
  { unit: 'working_hours', value: 8 },
  { unit: 'same_day', value: 0 },
];

function snapshot(): string[] {
  const cal = createWorkCalendar({ holidays });
  return received.flatMap((r) => [
    JSON.stringify(receiptOf(cal, new Date(r))),
    ...limits.map((l) => computeDueDate(cal, new Date(r), l).dueAt.toISOString()),
    JSON.stringify(cal.dayInfo(r.slice(0, 10))),
  ]);
}

describe('independent of the process time zone', () => {
  it.each(['America/New_York', 'Pacific/Kiritimati', 'Asia/Ho_Chi_Minh'])('same results under TZ=%s as under UTC', (tz) => {
    process.env.TZ = 'UTC';
    expect(new Date(2025, 0, 1).getTimezoneOffset()).toBe(0);
    const utc = snapshot();
    process.env.TZ = tz;
    expect(new Date(2025, 0, 1).getTimezoneOffset()).not.toBe(0); // the switch took effect
    expect(snapshot()).toEqual(utc);
    expect(utc[1]).toBe('2025-03-18T10:00:00.000Z'); // Wed 18:30 → received Thu; 3 WD → Tue 18/03 17:00 +07
  });
});
