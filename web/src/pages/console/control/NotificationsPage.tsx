// My notifications: urges, dossiers due soon or overdue, the department's daily digest; mark read, open the dossier.
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button, Card, Empty, List, Segmented, Tag } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { StaffNotification } from '../../../api/types';
import { ErrorState } from '../../../components/ErrorState';
import { dossierTime } from '../../../components/dossier/DossierTags';
import { usePageTitle } from '../../../components/usePageTitle';
import { PageHeader } from '../PageHeader';
import { useMarkRead, useNotifications } from './api';
import { KIND_COLOR } from './NotificationBell';
import './control.css';

const PAGE = 20;

export default function NotificationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('control.notifications.title'));
  const navigate = useNavigate();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(1);
  const list = useNotifications({ unread: unreadOnly ? '1' : undefined, limit: PAGE, offset: (page - 1) * PAGE });
  const mark = useMarkRead();

  const open = (n: StaffNotification) => {
    if (!n.readAt) mark.mutate(n.id);
    if (n.link) navigate(n.link);
  };

  return (
    <div className="console-page notifications-page">
      <PageHeader
        title={t('control.notifications.title')}
        subtitle={t('control.notifications.subtitle')}
        extra={
          <>
            <Segmented
              value={unreadOnly ? 'unread' : 'all'}
              onChange={(v) => {
                setUnreadOnly(v === 'unread');
                setPage(1);
              }}
              options={[{ value: 'all', label: t('control.notifications.all') }, { value: 'unread', label: t('control.notifications.unreadOnly') }]}
            />
            <Button icon={<CheckOutlined />} onClick={() => mark.mutate('all')} disabled={!list.data?.unread} loading={mark.isPending && mark.variables === 'all'}>
              {t('control.notifications.readAll')}
            </Button>
          </>
        }
      />
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Card size="small">
          <List<StaffNotification>
            loading={list.isPending}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('control.notifications.empty')} /> }}
            data-testid="notifications"
            pagination={(list.data?.total ?? 0) > PAGE ? { current: page, pageSize: PAGE, total: list.data?.total, onChange: setPage, showSizeChanger: false,
              showTotal: (n) => t('control.notifications.total', { count: n }) } : false}
            renderItem={(n) => (
              <List.Item
                className={`notification-item${n.readAt ? '' : ' is-unread'}`}
                data-testid="notification"
                data-kind={n.kind}
                actions={[
                  ...(n.link ? [<Button key="open" size="small" type="primary" ghost onClick={() => open(n)}>{t('control.notifications.open')}</Button>] : []),
                  ...(!n.readAt ? [<Button key="read" size="small" onClick={() => mark.mutate(n.id)}>{t('control.notifications.markRead')}</Button>] : []),
                ]}
              >
                <List.Item.Meta
                  title={
                    <div className="notification-meta">
                      <Tag color={KIND_COLOR[n.kind]}>{t(`control.notifications.kind.${n.kind}`)}</Tag>
                      <span className={n.readAt ? '' : 'strong'}>{n.title}</span>
                    </div>
                  }
                  description={
                    <div>
                      <div className="muted small">
                        {dossierTime(n.createdAt)}
                        {t(`control.notifications.email.${n.email}`) ? ` · ${t(`control.notifications.email.${n.email}`)}` : ''}
                      </div>
                      <div className="notification-body">{n.body}</div>
                    </div>
                  }
                />
              </List.Item>
            )}
          />
        </Card>
      )}
    </div>
  );
}
