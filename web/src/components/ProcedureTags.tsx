import { Tag, Tooltip } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ProcessingTime } from '../api/types';
import { onlineLevelColor, processingTimeText } from '../lib/format';

export function OnlineLevelTag({ level }: { level: number }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t(`online.desc${level}`, { defaultValue: '' }) || undefined}>
      <Tag color={onlineLevelColor[level] ?? 'default'} className="online-tag">
        {t('online.level', { level })}
      </Tag>
    </Tooltip>
  );
}

export function ProcessingTimeText({ value, icon = false }: { value: ProcessingTime; icon?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="nowrap">
      {icon && <ClockCircleOutlined style={{ marginRight: 6, color: '#8a94a6' }} />}
      {processingTimeText(t, value)}
    </span>
  );
}
