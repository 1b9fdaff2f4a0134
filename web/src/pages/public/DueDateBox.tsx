import { useMemo, useState } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import { Alert, Card, Spinner } from '../../public-ui';
import { CalendarIcon } from '../../public-ui/icons';
import { useTranslation } from 'react-i18next';
import { useDueDate } from '../../api/hooks';
import type { ProcessingTime } from '../../api/types';
import { formatDate, sessionText, vnTime } from '../../lib/format';
import { errorText } from '../../lib/errorText';

/** Now, as a picker value showing Vietnam's wall-clock time whatever the browser's time zone. */
function vnNow(): Dayjs {
  return dayjs(vnTime(new Date()).format('YYYY-MM-DDTHH:mm'));
}

/**
 * "Khi nào có kết quả?": the citizen picks when they submit; the server's legal clock answers with the appointment as
 * the receipt slip prints it (the center's public hours of the due day) and the legal deadline.
 */
export function DueDateBox({ time, center, saturdayCounts = false }: { time: ProcessingTime; center?: string; saturdayCounts?: boolean }) {
  const { t } = useTranslation();
  const [at, setAt] = useState<Dayjs>(vnNow);
  const params = useMemo(
    () => ({
      receivedAt: `${at.format('YYYY-MM-DDTHH:mm')}:00+07:00`,
      unit: time.unit,
      value: time.value,
      ...(time.cutoff ? { cutoff: time.cutoff } : {}),
      center,
    }),
    [at, time.unit, time.value, time.cutoff, center],
  );
  const due = useDueDate(params);
  const dueAt = due.data ? vnTime(due.data.dueAt) : null;

  return (
    <Card
      className="due-box"
      title={
        <span>
          <CalendarIcon /> {t('due.title')}
        </span>
      }
    >
      <label className="due-label" htmlFor="due-received-at">
        {t('due.pick')}
      </label>
      {/* The phone's own date and time picker; the value is Vietnam's wall-clock time. */}
      <input
        id="due-received-at"
        type="datetime-local"
        className="pu-input due-picker"
        step={300}
        value={at.format('YYYY-MM-DDTHH:mm')}
        onChange={(e) => {
          const v = dayjs(e.target.value);
          if (e.target.value && v.isValid()) setAt(v);
        }}
        required
        aria-describedby="due-received-at-picked"
      />
      {/* The phone shows the picker in its own format: the chosen moment again, as every paper of the center writes it. */}
      <div id="due-received-at-picked" className="muted small due-picked">
        {t('due.picked', { time: `${at.format('HH:mm')}, ${t(`weekday.${at.day()}`)}, ${at.format('DD/MM/YYYY')}` })}
      </div>
      <div className="due-result" aria-live="polite" data-testid="due-result">
        {due.isPending ? (
          <Spinner label={t('common.loading')} />
        ) : due.isError ? (
          <Alert type="error" title={errorText(t, due.error)} />
        ) : due.data && dueAt ? (
          <>
            <div className="due-line">
              <span className="due-key">{t('due.receiptDay')}:</span> <strong>{formatDate(due.data.receiptDay)}</strong>
            </div>
            <div className="due-line due-main">
              <span className="due-key">{t('due.dueAt')}:</span>{' '}
              <strong className="due-date" data-testid="due-window">
                {sessionText(t, due.data.returnWindow)}
              </strong>
            </div>
            <div className="due-line muted small">
              {t('due.deadline', { time: `${dueAt.format('HH:mm')}, ${t(`weekday.${dueAt.day()}`)}, ${dueAt.format('DD/MM/YYYY')}` })}
            </div>
            {due.data.moved && due.data.effectiveReceivedAt && (
              <p className="due-note muted">
                {t('due.moved', { time: vnTime(due.data.effectiveReceivedAt).format('HH:mm'), weekday: t(`weekday.${vnTime(due.data.effectiveReceivedAt).day()}`), date: vnTime(due.data.effectiveReceivedAt).format('DD/MM/YYYY') })}
              </p>
            )}
          </>
        ) : null}
      </div>
      <p className="due-note muted">
        {time.unit === 'same_day' ? t('due.sameDayNote') : time.calendarDays ? t('due.calendarDaysNote') : saturdayCounts ? t('due.noteSaturday') : t('due.note')}
      </p>
    </Card>
  );
}
