import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { BrandMark } from '../BrandMark';
import { useNow } from './util';
import { vnTime } from '../../lib/format';

/** The red institutional header of the kiosk and the board: mark, center name, wall clock. */
export function HallHeader({ centerName, t, extra, seconds = false }: { centerName?: string; t: TFunction; extra?: ReactNode; seconds?: boolean }) {
  const now = vnTime(useNow(1000));
  return (
    <header className="qh-head">
      <div className="qh-brand">
        <BrandMark size={64} />
        <div className="qh-brand-text">
          <div className="qh-title">{t('app.title')}</div>
          <div className="qh-center">{centerName ? centerName.replace(/^trung tâm (phục vụ )?hành chính công\s*/iu, '') : '\u00a0'}</div>
        </div>
      </div>
      {extra}
      <div className="qh-clock" aria-live="off">
        <div className="qh-time" data-testid="hall-clock">
          {now.format(seconds ? 'HH:mm:ss' : 'HH:mm')}
        </div>
        <div className="qh-date">
          {t(`weekday.${now.day()}`)}, {now.format('DD/MM/YYYY')}
        </div>
      </div>
    </header>
  );
}
