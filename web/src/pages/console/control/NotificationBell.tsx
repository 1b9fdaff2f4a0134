// The bell in the console header: the live unread count, and the latest notifications in a popover; opening one
// marks it read and goes to its dossier (or the inbox).
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Badge, Button, Empty, List, Popover, Spin, Tag } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { StaffNotification } from '../../../api/types';
import { dossierTime } from '../../../components/dossier/DossierTags';
import { useMarkRead, useNotifications, useUnreadCount } from './api';
import './control.css';

export const KIND_COLOR: Record<StaffNotification['kind'], string> = { urge: 'volcano', due_soon: 'gold', overdue: 'red', digest: 'blue' };

export function NotificationBell({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const unread = useUnreadCount(enabled);
  const list = useNotifications({ limit: 8, offset: 0 }, enabled && open);
  const mark = useMarkRead();

  const openOne = (n: StaffNotification) => {
    if (!n.readAt) mark.mutate(n.id);
    setOpen(false);
    navigate(n.link ?? '/console/notifications');
  };

  const content = (
    <div className="bell-panel" data-testid="bell-panel">
      {list.isPending ? (
        <div className="bell-loading"><Spin /></div>
      ) : !list.data?.items.length ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('control.bell.none')} />
      ) : (
        <List<StaffNotification>
          size="small"
          dataSource={list.data.items}
          renderItem={(n) => (
            <List.Item className={`bell-item${n.readAt ? '' : ' is-unread'}`} onClick={() => openOne(n)} data-testid="bell-item" data-kind={n.kind}>
              <div className="bell-item-body">
                <div className="bell-item-title">
                  <Tag color={KIND_COLOR[n.kind]}>{t(`control.notifications.kind.${n.kind}`)}</Tag>
                  <span className={n.readAt ? '' : 'strong'}>{n.title}</span>
                </div>
                <div className="muted small">{dossierTime(n.createdAt)}</div>
              </div>
            </List.Item>
          )}
        />
      )}
      <div className="bell-footer">
        <Link to="/console/notifications" onClick={() => setOpen(false)} data-testid="bell-all">{t('control.bell.all')}</Link>
        {unread > 0 && <Button size="small" type="link" onClick={() => mark.mutate('all')} loading={mark.isPending}>{t('control.bell.readAll')}</Button>}
      </div>
    </div>
  );

  return (
    <Popover content={content} trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen} title={t('control.bell.label')} arrow={false}>
      <Button type="text" className="header-icon-btn bell-btn" aria-label={unread ? t('control.bell.unread', { count: unread }) : t('control.bell.label')} data-testid="bell">
        <Badge count={unread} size="small" overflowCount={99} data-testid="bell-count" data-count={unread}>
          <BellOutlined className="bell-icon" />
        </Badge>
      </Button>
    </Popover>
  );
}
