import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CalendarDay, CalendarYear } from '../../../api/types';
import { formatDate } from '../../../lib/format';
import { leadingBlanks, monthDays, type DayInfo } from './calendarModel';

interface Props {
  year: number;
  month: number;
  data: CalendarYear | undefined;
  byDate: Map<string, CalendarDay>;
  today: string;
  onPick: (d: DayInfo) => void;
}

export function MonthGrid({ year, month, data, byDate, today, onPick }: Props) {
  const { t } = useTranslation();
  const days = monthDays(year, month, data, byDate);
  const blanks = leadingBlanks(days[0].dow);
  const heads = [1, 2, 3, 4, 5, 6, 0];

  return (
    <div className="month" data-month={month}>
      <div className="month-title">{t(`month.${month}`)}</div>
      <div className="month-grid" role="grid" aria-label={`${t(`month.${month}`)} ${year}`}>
        {heads.map((d) => (
          <div key={`h${d}`} className={`month-head${d === 0 || d === 6 ? ' month-head-weekend' : ''}`} role="columnheader">
            {t(`weekdayShort.${d}`)}
          </div>
        ))}
        {Array.from({ length: blanks }, (_, i) => (
          <div key={`b${i}`} className="day day-blank" />
        ))}
        {days.map((d) => {
          const label = describe(t, d);
          const cls = `day day-${d.status}${d.entry?.source === 'admin' ? ' day-admin' : ''}${d.date === today ? ' day-today' : ''}`;
          const cell = (
            <button
              type="button"
              key={d.date}
              className={cls}
              data-date={d.date}
              data-status={d.status}
              data-kind={d.entry?.kind ?? ''}
              aria-label={`${formatDate(d.date)}: ${label}`}
              onClick={() => onPick(d)}
            >
              {d.day}
            </button>
          );
          return d.entry ? (
            <Tooltip key={d.date} title={label}>
              {cell}
            </Tooltip>
          ) : (
            cell
          );
        })}
      </div>
    </div>
  );
}

export function describe(t: (k: string, o?: Record<string, unknown>) => string, d: DayInfo): string {
  const base = t(`calendar.status.${d.status}`);
  const name = d.entry?.name || d.entry?.reason;
  return name ? `${base}: ${name}` : base;
}
