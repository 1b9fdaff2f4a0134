import { useMemo, useState } from 'react';
import { App, Badge, Button, Card, Input, Popconfirm, Select, Space, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { EditOutlined, PlusOutlined, StopOutlined, CheckCircleOutlined, UnlockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useCenters, useRoles, useSaveUser, useUsers } from '../../../api/hooks';
import type { AdminUser } from '../../../api/types';
import { formatDateTime } from '../../../lib/format';
import { roleLabel } from '../../../lib/roles';
import { ErrorState, errorText } from '../../../components/ErrorState';
import { usePageTitle } from '../../../components/usePageTitle';
import { PageHeader } from '../PageHeader';
import { abbreviateCenter } from '../../../components/useCenter';
import { UserFormModal } from './UserFormModal';

const PAGE_SIZE = 20;

export function isLocked(u: Pick<AdminUser, 'lockedUntil'>): boolean {
  return !!u.lockedUntil && new Date(u.lockedUntil).getTime() > Date.now();
}

export default function UsersPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  usePageTitle(t('menu.users'));
  const [q, setQ] = useState('');
  const [text, setText] = useState('');
  const [center, setCenter] = useState<string>();
  const [role, setRole] = useState<string>();
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<AdminUser | 'new' | null>(null);

  const users = useUsers({ q: q || undefined, center, role, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const centers = useCenters();
  const roles = useRoles();
  const save = useSaveUser();
  const roleName = useMemo(() => new Map((roles.data ?? []).map((r) => [r.code, roleLabel(r, i18n.language)])), [roles.data, i18n.language]);

  const patch = (u: AdminUser, body: { active?: boolean; unlock?: true }, done: string) =>
    save.mutate(
      { id: u.id, body },
      { onSuccess: () => void message.success(done), onError: (e) => void message.error(errorText(t, e)) },
    );

  const columns: ColumnsType<AdminUser> = [
    {
      title: t('users.col.user'),
      key: 'user',
      render: (_, u) => (
        <div>
          <div className="strong">{u.fullName}</div>
          <div className="muted small">
            <span className="code">{u.username}</span>
            {u.email ? ` · ${u.email}` : ''}
          </div>
        </div>
      ),
    },
    {
      title: t('users.col.roles'),
      dataIndex: 'roles',
      render: (rs: string[]) => (
        <div className="tag-wrap">
          {rs.map((r) => (
            <Tag key={r} color="blue">
              {roleName.get(r) ?? r}
            </Tag>
          ))}
        </div>
      ),
    },
    {
      title: t('users.col.unit'),
      key: 'unit',
      responsive: ['md'],
      render: (_, u) => (
        <div>
          <div>
            {u.center ? (
              <Tooltip title={u.center.name}>
                <span>{abbreviateCenter(u.center.name)}</span>
              </Tooltip>
            ) : (
              <span className="muted">{t('users.noCenter')}</span>
            )}
          </div>
          {u.department && <div className="muted small">{u.department.name}</div>}
        </div>
      ),
    },
    {
      title: t('users.col.status'),
      key: 'status',
      width: 150,
      render: (_, u) =>
        !u.active ? (
          <Badge status="default" text={t('users.inactive')} />
        ) : isLocked(u) ? (
          <Tooltip title={t('users.lockedUntil', { time: formatDateTime(u.lockedUntil) })}>
            <Badge status="error" text={t('users.locked')} />
          </Tooltip>
        ) : (
          <Badge status="success" text={t('users.active')} />
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 130,
      align: 'right',
      render: (_, u) => (
        <Space size={2}>
          <Tooltip title={t('common.edit')}>
            <Button type="text" icon={<EditOutlined />} onClick={() => setEditing(u)} aria-label={t('common.edit')} />
          </Tooltip>
          {isLocked(u) && (
            <Tooltip title={t('users.unlock')}>
              <Button type="text" icon={<UnlockOutlined />} onClick={() => patch(u, { unlock: true }, t('users.unlocked'))} aria-label={t('users.unlock')} />
            </Tooltip>
          )}
          {u.active ? (
            <Popconfirm title={t('users.confirmDeactivate', { name: u.fullName })} okText={t('users.deactivate')} cancelText={t('common.cancel')} okButtonProps={{ danger: true }} onConfirm={() => patch(u, { active: false }, t('users.deactivated'))}>
              <Tooltip title={t('users.deactivate')}>
                <Button type="text" danger icon={<StopOutlined />} aria-label={t('users.deactivate')} />
              </Tooltip>
            </Popconfirm>
          ) : (
            <Tooltip title={t('users.activate')}>
              <Button type="text" icon={<CheckCircleOutlined style={{ color: '#2e7d32' }} />} onClick={() => patch(u, { active: true }, t('users.activated'))} aria-label={t('users.activate')} />
            </Tooltip>
          )}
        </Space>
      ),
    },
  ];

  return (
    <div className="console-page">
      <PageHeader
        title={t('menu.users')}
        subtitle={t('users.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('users.create')}
          </Button>
        }
      />
      <Card size="small" className="toolbar-card">
        <div className="toolbar">
          <Input.Search
            allowClear
            className="toolbar-search"
            placeholder={t('users.searchPlaceholder')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(v) => {
              setQ(v.trim());
              setPage(1);
            }}
          />
          <Select
            allowClear
            className="toolbar-select"
            placeholder={t('users.allCenters')}
            value={center}
            onChange={(v?: string) => {
              setCenter(v);
              setPage(1);
            }}
            options={(centers.data ?? []).map((c) => ({ value: String(c.id), label: c.name }))}
            popupMatchSelectWidth={false}
          />
          <Select
            allowClear
            className="toolbar-select"
            placeholder={t('users.allRoles')}
            value={role}
            onChange={(v?: string) => {
              setRole(v);
              setPage(1);
            }}
            options={(roles.data ?? []).map((r) => ({ value: r.code, label: roleLabel(r, i18n.language) }))}
            popupMatchSelectWidth={false}
          />
        </div>
      </Card>
      {users.isError ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : (
        <Card size="small" className="table-card">
          <Table<AdminUser>
scroll={{ x: 900 }}             rowKey="id"
            size="middle"
            columns={columns}
            dataSource={users.data?.items ?? []}
            loading={users.isPending || users.isPlaceholderData}
            rowClassName={(u) => (u.active ? '' : 'row-inactive')}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: users.data?.total ?? 0,
              showSizeChanger: false,
              onChange: setPage,
              showTotal: (n) => t('users.total', { count: n }),
            }}
          />
        </Card>
      )}
      {editing && <UserFormModal user={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </div>
  );
}
