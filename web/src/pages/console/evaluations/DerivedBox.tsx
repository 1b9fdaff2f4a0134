// The indicators computed from a dossier's history (not asked): time against the due date, per agency, contacts and
// supplement requests.
import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DossierEvaluation } from './api';

const COLOR = { early: 'green', on_time: 'blue', late: 'red', overdue: 'volcano', in_time: 'default' } as const;
export const hours = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 1 });

export function DerivedBox({ derived }: { derived: DossierEvaluation['derived'] }) {
  const { t } = useTranslation();
  return (
    <Descriptions size="small" column={1} bordered title={t('evaluations.derived.title')} data-testid="derived">
      <Descriptions.Item label={t('evaluations.derived.timing')}>
        {derived.timing ? <Tag color={COLOR[derived.timing]}>{t(`evaluations.derived.timingValue.${derived.timing}`)}</Tag> : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('evaluations.derived.workingHours')}>
        {derived.workingHours === null ? '—' : t('evaluations.derived.hours', { n: hours(derived.workingHours) })}
      </Descriptions.Item>
      <Descriptions.Item label={t('evaluations.derived.perUnit')}>
        {derived.perUnit.length ? derived.perUnit.map((u) => <div key={u.unit}>{u.unit}: {t('evaluations.derived.hours', { n: hours(u.workingHours) })}</div>) : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('evaluations.derived.contacts')}>{derived.contacts}</Descriptions.Item>
      <Descriptions.Item label={t('evaluations.derived.supplementRequests')}>{derived.supplementRequests}</Descriptions.Item>
    </Descriptions>
  );
}
