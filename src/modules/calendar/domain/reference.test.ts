/**
 * The fast engine against a slow, independent reference that walks day by day (and minute by minute) over a
 * working-day table built straight from the holiday file (2017–2026) and from hand-written statutory lists
 * (2027–2031), on random inputs from a seeded PRNG.
 */
import { describe, expect, it } from 'vitest';
import { computeDueDate, receiptOf } from './due-date';
import { at, fmt, holidays, prng } from '../../../../test/support/calendar-instants';
import { createWorkCalendar } from './work-calendar';
import { workingMinutesBetween } from './working-time';

const DAY = 86_400_000;
const H7 = 7 * 3_600_000;
const iso = (d: number) => new Date(d * DAY).toISOString().slice(0, 10);
const wd = (d: number) => new Date(d * DAY).getUTCDay();

const OFF = new Set<string>();
const MAKEUP = new Set<string>();
const CLOSED_WEEKEND = new Set<string>();
for (const e of Object.values(holidays.years)) {
  if (e.status !== 'announced') continue;
  for (const s of e.non_working_weekdays_public_sector ?? []) OFF.add(s);
  for (const s of e.makeup_working_days ?? []) MAKEUP.add(s);
  for (const s of e.public_sector_days_off_announced ?? []) CLOSED_WEEKEND.add(s);
}
const HAND: Record<number, [string[], string[]]> = {
  2027: [['01-01', '02-05', '02-08', '02-09', '02-10', '02-11', '04-16', '04-30', '05-03', '09-01', '09-02'], ['02-06', '02-07', '05-01']],
  2028: [['01-03', '01-25', '01-26', '01-27', '01-28', '01-31', '04-04', '05-01', '05-02', '09-01', '09-04'], ['01-01', '01-29', '04-30', '09-02']],
  2029: [['01-01', '02-12', '02-13', '02-14', '02-15', '02-16', '04-23', '04-30', '05-01', '09-03', '09-04'], ['09-01', '09-02']],
  2030: [['01-01', '02-01', '02-04', '02-05', '02-06', '02-07', '04-12', '04-30', '05-01', '09-02', '09-03'], ['02-02', '02-03', '09-01']],
  2031: [['01-01', '01-22', '01-23', '01-24', '01-27', '01-28', '04-01', '04-30', '05-01', '09-01', '09-02'], ['01-25', '01-26']],
};
for (const [y, [weekdays, weekends]] of Object.entries(HAND)) {
  for (const d of weekdays) OFF.add(`${y}-${d}`);
  for (const d of weekends) CLOSED_WEEKEND.add(`${y}-${d}`);
}

const OFFICE = [[420, 690], [810, 1020]]; // 07:00–11:30, 13:30–17:00 in minutes
const SATURDAY = [[420, 690]];
const workingMemo = new Map<number, boolean>();
const refWorking = (d: number): boolean => {
  let w = workingMemo.get(d);
  if (w === undefined) {
    w = MAKEUP.has(iso(d)) || (wd(d) % 6 !== 0 && !OFF.has(iso(d)));
    workingMemo.set(d, w);
  }
  return w;
};
const refHours = (d: number, satOpen: boolean) =>
  refWorking(d) ? OFFICE : satOpen && wd(d) === 6 && !CLOSED_WEEKEND.has(iso(d)) ? SATURDAY : [];
const inOffice = (minute: number) => OFFICE.some(([s, e]) => minute >= s && minute < e);

/** Reference receipt: [day, minute of day] of the effective receipt. */
function refReceipt(ms: number, satOpen: boolean): [number, number] {
  const local = ms + H7;
  let day = Math.floor(local / DAY);
  const minute = (local - day * DAY) / 60_000;
  for (const [s, e] of refHours(day, satOpen)) {
    if (minute < s) return [day, s];
    if (minute < e) return [day, minute];
  }
  do day++;
  while (refHours(day, satOpen).length === 0);
  return [day, refHours(day, satOpen)[0][0]];
}
const instant = (day: number, minute: number) => new Date(day * DAY + minute * 60_000 - H7);

function refWorkingDays(ms: number, n: number): Date {
  let [day] = refReceipt(ms, true);
  for (let k = 0; k < n; ) if (refWorking(++day)) k++;
  return instant(day, 1020);
}

function refWorkingHours(ms: number, n: number): Date {
  let [day, minute] = refReceipt(ms, true);
  for (let counted = 0; counted < n * 60; ) {
    if (minute === 1440) [day, minute] = [day + 1, 0];
    if (refWorking(day) && inOffice(minute)) counted++;
    minute++;
  }
  return instant(day, minute);
}

function refSameDay(ms: number, satOpen: boolean, cutoff?: number): Date {
  const [day, minute] = refReceipt(ms, satOpen);
  let next = day + 1;
  while (refHours(next, satOpen).length === 0) next++;
  const end = (d: number) => refHours(d, satOpen).at(-1)![1];
  if (cutoff !== undefined) return minute < cutoff ? instant(day, end(day)) : instant(next, end(next));
  return minute < 660 ? instant(day, Math.min(990, end(day))) : instant(next, Math.min(660, end(next)));
}

function refMinutesBetween(a: number, b: number): number {
  let count = 0;
  for (let t = a; t < b; t += 60_000) {
    const local = t + H7;
    const day = Math.floor(local / DAY);
    if (refWorking(day) && inOffice((local - day * DAY) / 60_000)) count++;
  }
  return count;
}

const FROM = Date.parse('2017-01-01T00:00:00+07:00');
const TO = Date.parse('2030-01-01T00:00:00+07:00');
const rnd = prng(20250312);
const randomInstant = () => FROM + Math.floor((rnd() * (TO - FROM)) / 60_000) * 60_000;
const samples = (count: number) => Array.from({ length: count }, () => randomInstant());

const cal = createWorkCalendar({ holidays });
const closedSat = createWorkCalendar({ holidays, config: { saturdayMorningOpen: false } });
const show = (ms: number) => fmt(new Date(ms));

describe('fast engine = day-by-day reference (seeded random inputs 2017–2029)', () => {
  it('N = 365 working days, 300 receipts', () => {
    for (const ms of samples(300)) {
      expect(fmt(computeDueDate(cal, new Date(ms), { unit: 'working_days', value: 365 }).dueAt), show(ms)).toBe(
        fmt(refWorkingDays(ms, 365)),
      );
    }
  });

  it('random N in 1..400 working days, 300 receipts', () => {
    for (const ms of samples(300)) {
      const n = 1 + Math.floor(rnd() * 400);
      expect(fmt(computeDueDate(cal, new Date(ms), { unit: 'working_days', value: n }).dueAt), `${show(ms)} +${n}`).toBe(
        fmt(refWorkingDays(ms, n)),
      );
    }
  });

  it('random N in 1..80 working hours, 300 receipts', () => {
    for (const ms of samples(300)) {
      const n = 1 + Math.floor(rnd() * 80);
      expect(fmt(computeDueDate(cal, new Date(ms), { unit: 'working_hours', value: n }).dueAt), `${show(ms)} +${n}h`).toBe(
        fmt(refWorkingHours(ms, n)),
      );
    }
  });

  it('receipts and same-day due dates, Saturday open and closed, with and without a 15:00 cut-off', () => {
    for (const ms of samples(400)) {
      for (const [c, satOpen] of [[cal, true], [closedSat, false]] as const) {
        const [day, minute] = refReceipt(ms, satOpen);
        const r = receiptOf(c, new Date(ms));
        expect([r.receiptDay, fmt(r.effectiveReceivedAt)], show(ms)).toEqual([iso(day), fmt(instant(day, minute))]);
        expect(fmt(computeDueDate(c, new Date(ms), { unit: 'same_day', value: 0 }).dueAt), show(ms)).toBe(
          fmt(refSameDay(ms, satOpen)),
        );
        const cut = computeDueDate(c, new Date(ms), { unit: 'same_day', value: 0, cutoff: '15:00' });
        expect(fmt(cut.dueAt), show(ms)).toBe(fmt(refSameDay(ms, satOpen, 900)));
      }
    }
  });

  it('workingMinutesBetween over random spans of up to 12 days, 200 pairs', () => {
    for (const a of samples(200)) {
      const b = a + Math.floor(rnd() * 12 * 1440) * 60_000;
      expect(workingMinutesBetween(cal, new Date(a), new Date(b)), `${show(a)} → ${show(b)}`).toBe(refMinutesBetween(a, b));
    }
  });

  it('workingMinutesBetween over multi-year spans matches the day count', () => {
    // 2017-01-01 … 2030-01-01: 8 hours for each working day of the reference table.
    let days = 0;
    for (let d = Math.floor(FROM / DAY) + 1; d < Math.floor(TO / DAY) + 1; d++) if (refWorking(d)) days++;
    expect(workingMinutesBetween(cal, at('2017-01-01 00:00'), at('2030-01-01 00:00'))).toBe(days * 480);
  });

  it('stays fast for large N (a year table per year, no day-by-day scan)', () => {
    const started = performance.now();
    for (const ms of samples(2000)) computeDueDate(cal, new Date(ms), { unit: 'working_days', value: 1000 });
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

// The center setting "sáng thứ Bảy tính vào thời hạn": an ordinary Saturday (not in a day-off period) is a working
// day of its morning hours; a make-up Saturday stays a full working day.
const countedSaturday = (d: number) => !refWorking(d) && wd(d) === 6 && !CLOSED_WEEKEND.has(iso(d));
const satWorkHours = (d: number) => (refWorking(d) ? OFFICE : countedSaturday(d) ? SATURDAY : []);
const inHours = (list: number[][], minute: number) => list.some(([s, e]) => minute >= s && minute < e);
const satCal = createWorkCalendar({ holidays, config: { saturdayMorningCounts: true } });

describe('with Saturday morning counted: fast engine = day-by-day reference', () => {
  it('random N in 1..300 working days, 300 receipts', () => {
    for (const ms of samples(300)) {
      const n = 1 + Math.floor(rnd() * 300);
      let [day] = refReceipt(ms, true);
      for (let k = 0; k < n; ) if (satWorkHours(++day).length) k++;
      const expected = instant(day, satWorkHours(day).at(-1)![1]);
      expect(fmt(computeDueDate(satCal, new Date(ms), { unit: 'working_days', value: n }).dueAt), `${show(ms)} +${n}`).toBe(fmt(expected));
    }
  });

  it('random N in 1..60 working hours, 300 receipts', () => {
    for (const ms of samples(300)) {
      const n = 1 + Math.floor(rnd() * 60);
      let [day, minute] = refReceipt(ms, true);
      for (let counted = 0; counted < n * 60; ) {
        if (minute === 1440) [day, minute] = [day + 1, 0];
        if (inHours(satWorkHours(day), minute)) counted++;
        minute++;
      }
      expect(fmt(computeDueDate(satCal, new Date(ms), { unit: 'working_hours', value: n }).dueAt), `${show(ms)} +${n}h`).toBe(fmt(instant(day, minute)));
    }
  });

  it('workingMinutesBetween over random spans of up to 12 days, 200 pairs', () => {
    for (const a of samples(200)) {
      const b = a + Math.floor(rnd() * 12 * 1440) * 60_000;
      let count = 0;
      for (let t = a; t < b; t += 60_000) {
        const local = t + H7;
        const day = Math.floor(local / DAY);
        if (inHours(satWorkHours(day), (local - day * DAY) / 60_000)) count++;
      }
      expect(workingMinutesBetween(satCal, new Date(a), new Date(b)), `${show(a)} → ${show(b)}`).toBe(count);
    }
  });
});
