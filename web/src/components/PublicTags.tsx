// Tags of the light public pages (public-ui), twins of ProcedureTags / DossierTags without Ant Design.
import { useTranslation } from 'react-i18next';
import type { DossierStatus, ProcessingTime } from '../api/types';
import { dossierStatusColor, onlineLevelColor, processingTimeText } from '../lib/format';
import { Tag } from '../public-ui';
import { ClockIcon } from '../public-ui/icons';

export function OnlineLevelTag({ level }: { level: number }) {
  const { t } = useTranslation();
  return (
    <Tag color={onlineLevelColor[level] ?? 'default'} className="online-tag" title={t(`online.desc${level}`, { defaultValue: '' }) || undefined}>
      {t('online.level', { level })}
    </Tag>
  );
}

export function ProcessingTimeText({ value, icon = false }: { value: ProcessingTime; icon?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="nowrap">
      {icon && <ClockIcon />}
      {processingTimeText(t, value)}
    </span>
  );
}

export function StatusTag({ status, name, className }: { status: DossierStatus; name?: string; className?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={dossierStatusColor[status] ?? 'default'} className={`dossier-status-tag ${className ?? ''}`} data-status={status}>
      {t(`dossiers.status.${status}`, { defaultValue: name ?? status })}
    </Tag>
  );
}
