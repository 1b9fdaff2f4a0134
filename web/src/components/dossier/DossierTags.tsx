// Status and timing tags of a dossier, shared by the console screens and the public tracking page.
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DossierStatus, DossierTiming } from '../../api/types';
import { dossierStatusColor, vnTime } from '../../lib/format';

export const TIMING_COLOR: Record<DossierTiming, string> = {
  early: 'green',
  on_time: 'cyan',
  in_time: 'blue',
  at_risk: 'gold',
  late: 'orange',
  overdue: 'red',
};

/** dd/mm/yyyy HH:mm in Vietnam time: the way every dossier screen shows a moment. */
export function dossierTime(iso: string | null | undefined): string {
  return iso ? vnTime(iso).format('DD/MM/YYYY HH:mm') : '';
}

export function StatusTag({ status, name, className }: { status: DossierStatus; name?: string; className?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={dossierStatusColor[status] ?? 'default'} className={`dossier-status-tag ${className ?? ''}`} data-status={status}>
      {t(`dossiers.status.${status}`, { defaultValue: name ?? status })}
    </Tag>
  );
}

export function TimingTag({ timing }: { timing: DossierTiming | null | undefined }) {
  const { t } = useTranslation();
  if (!timing) return null;
  return (
    <Tag color={TIMING_COLOR[timing]} className="dossier-timing-tag" data-timing={timing}>
      {t(`dossiers.timing.${timing}`)}
    </Tag>
  );
}

/** Quy chế 12.2: the department has not updated the dossier for more than half a working day. */
export function UntouchedTag({ untouched }: { untouched: boolean | undefined }) {
  const { t } = useTranslation();
  if (!untouched) return null;
  return (
    <Tooltip title={t('control.untouched.hint')}>
      <Tag color="magenta" className="dossier-untouched-tag" data-testid="untouched-tag">
        {t('control.untouched.tag')}
      </Tag>
    </Tooltip>
  );
}

/** Due date with its timing tag on one line (tables, headers). */
export function DueCell({ dueAt, timing, extended, untouched }: { dueAt: string | null; timing: DossierTiming | null; extended?: boolean; untouched?: boolean }) {
  const { t } = useTranslation();
  if (!dueAt) return <span className="muted">—</span>;
  return (
    <span className="due-cell">
      <span className="nowrap">{dossierTime(dueAt)}</span>
      <span className="due-cell-tags">
        <TimingTag timing={timing} />
        <UntouchedTag untouched={untouched} />
        {extended && (
          <Tooltip title={t('dossiers.detail.extended')}>
            <Tag>{t('dossiers.detail.extended')}</Tag>
          </Tooltip>
        )}
      </span>
    </span>
  );
}
