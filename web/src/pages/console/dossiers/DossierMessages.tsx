import { Empty, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { MailOutlined, MessageOutlined, WechatOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { DossierMessage } from '../../../api/types';
import { formatDateTime } from '../../../lib/format';
import { ErrorState } from '../../../components/ErrorState';
import { useDossierMessages } from '../notifications/api';

const STATUS_COLOR: Record<DossierMessage['status'], string> = { queued: 'default', sending: 'processing', sent: 'blue', delivered: 'green', failed: 'red' };
const ICON = { email: <MailOutlined />, sms: <MessageOutlined />, zalo: <WechatOutlined /> };

/** The messages sent to the applicant about this dossier (e-mail, SMS, Zalo) and how each fared. */
export function DossierMessages({ code, version, lastEventAt }: { code: string; version: number; lastEventAt: string | null }) {
  const { t } = useTranslation();
  const q = useDossierMessages(code, version, lastEventAt);
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const columns: ColumnsType<DossierMessage> = [
    { title: t('notify.dossier.col.time'), key: 'time', width: 130, render: (_, m) => <span className="small">{formatDateTime(m.deliveredAt ?? m.sentAt ?? m.failedAt ?? m.createdAt)}</span> },
    {
      title: t('notify.dossier.col.event'),
      key: 'event',
      render: (_, m) => (
        <div>
          <div>{m.eventName}</div>
          {/* The SMS as the phone shows it; for an e-mail, its subject. */}
          <Typography.Paragraph type="secondary" className="small notify-text">
            {m.subject ?? m.text}
          </Typography.Paragraph>
        </div>
      ),
    },
    {
      title: t('notify.dossier.col.channel'),
      key: 'channel',
      width: 150,
      render: (_, m) => (
        <div>
          <span className="strong">
            {ICON[m.channel]} {t(`notify.dossier.channel.${m.channel}`)}
          </span>
          <div className="small code">{m.to}</div>
        </div>
      ),
    },
    {
      title: t('notify.dossier.col.status'),
      key: 'status',
      width: 170,
      render: (_, m) => {
        const details = [
          m.error,
          m.attempts > 1 ? t('notify.dossier.attempts', { count: m.attempts }) : null,
          m.providerRef ? t('notify.dossier.provider', { ref: m.providerRef }) : null,
          m.segments ? t('notify.dossier.segments', { count: m.segments }) : null,
        ].filter(Boolean);
        const tag = (
          <Tag color={STATUS_COLOR[m.status]} data-testid="notify-status">
            {t(`notify.dossier.status.${m.status}`)}
          </Tag>
        );
        return (
          <div>
            {details.length ? <Tooltip title={details.map((d) => <div key={d}>{d}</div>)}>{tag}</Tooltip> : tag}
            {m.fallbackOf && <div className="small muted">{t('notify.dossier.fallback')}</div>}
            {m.status === 'failed' && m.error && <div className="small notify-error">{m.error}</div>}
          </div>
        );
      },
    },
  ];
  return (
    <Table<DossierMessage>
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={q.data ?? []}
      loading={q.isPending}
      pagination={false}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notify.dossier.empty')} /> }}
      data-testid="dossier-messages"
    />
  );
}
