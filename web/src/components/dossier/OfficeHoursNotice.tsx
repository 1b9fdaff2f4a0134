// Receiving outside office hours: the legal clock counts the dossier as received at the next opening, so the clerk
// is told before receiving (the server answers whether a receipt now counts now, GET /calendar/opening).
import { Alert } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { http } from '../../api/client';
import type { CalendarOpening } from '../../api/types';
import { dayOfWeek, vnTime, weekdayName } from '../../lib/format';

export function useOpening(center: string | null | undefined) {
  return useQuery({
    queryKey: ['calendar', 'opening', center],
    queryFn: () => http.get<CalendarOpening>('/calendar/opening', { center: center ?? '' }),
    enabled: !!center,
    refetchInterval: 60_000,
    retry: false,
  });
}

/** "07:00, Thứ Hai, 16/03/2026": when a dossier received now counts as received. */
export function receiptAtText(t: ReturnType<typeof useTranslation>['t'], o: CalendarOpening): string {
  const at = vnTime(o.office.receiptAt);
  return `${at.format('HH:mm')}, ${weekdayName(t, dayOfWeek(at.format('YYYY-MM-DD')))}, ${at.format('DD/MM/YYYY')}`;
}

/** A warning while outside office hours (nothing otherwise). */
export function OfficeHoursNotice({ center, className }: { center: string | null | undefined; className?: string }) {
  const { t } = useTranslation();
  const o = useOpening(center).data;
  if (!o || o.office.open) return null;
  return (
    <Alert
      type="warning"
      showIcon
      className={className}
      data-testid="office-hours-notice"
      title={t('dossiers.officeHours.title')}
      description={t('dossiers.officeHours.receiptAt', { at: receiptAtText(t, o) })}
    />
  );
}
