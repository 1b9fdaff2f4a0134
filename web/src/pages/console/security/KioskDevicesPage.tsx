// The admin pairs the center's queue kiosks: a paired kiosk sends its key with every ticket and is exempt from the
// per-address limit (the kiosks of a hall share one address). The key travels once, in a link opened on the kiosk.
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Popconfirm, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCenters, useMe } from '../../../api/hooks';
import { errorText } from '../../../components/ErrorState';
import { useFeeCenter } from '../../../components/fees/CenterPicker';
import { usePageTitle } from '../../../components/usePageTitle';
import { formatDateTime } from '../../../lib/format';
import { PageHeader } from '../PageHeader';
import { useKiosks, usePairKiosk, useRevokeKiosk } from './api';

export default function KioskDevicesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  usePageTitle(t('security.kiosks.title'));
  const me = useMe().data;
  const centers = useCenters().data ?? [];
  const { center, ready, picker } = useFeeCenter();
  const kiosks = useKiosks(ready ? center : undefined);
  const pair = usePairKiosk();
  const revoke = useRevokeKiosk();
  const [link, setLink] = useState<string | null>(null);
  const centerCode = center ? centers.find((c) => String(c.id) === center)?.code : me?.center?.code;

  return (
    <div className="console-page kiosks-page">
      <PageHeader title={t('security.kiosks.title')} subtitle={t('security.kiosks.subtitle')} extra={picker} />
      {link && (
        <Alert type="success" showIcon closable onClose={() => setLink(null)} style={{ marginBottom: 16 }} data-testid="kiosk-link"
          title={t('security.kiosks.linkTitle')}
          description={<><Typography.Paragraph copyable={{ text: link }} className="kiosk-link"><code>{link}</code></Typography.Paragraph>{t('security.kiosks.linkHelp')}</>} />
      )}
      <Card style={{ marginBottom: 16 }}>
        <Form layout="inline" disabled={!ready} onFinish={(v: { name: string }) => pair.mutate({ name: v.name.trim(), center }, {
          onSuccess: (r) => setLink(`${window.location.origin}/kiosk/${encodeURIComponent(centerCode ?? '')}#pair=${encodeURIComponent(r.key)}`),
        })}>
          <Form.Item name="name" label={t('security.kiosks.name')} rules={[{ required: true, whitespace: true, message: t('security.kiosks.name') }]}>
            <Input placeholder={t('security.kiosks.namePlaceholder')} maxLength={100} style={{ width: 260 }} data-testid="kiosk-name" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={pair.isPending} data-testid="kiosk-pair">{t('security.kiosks.add')}</Button>
        </Form>
        {pair.isError && <Alert type="error" showIcon title={errorText(t, pair.error)} style={{ marginTop: 12 }} />}
      </Card>
      <Card className="table-card">
        <Table rowKey="id" size="small" loading={kiosks.isPending && ready} dataSource={kiosks.data?.items ?? []} pagination={false} data-testid="kiosk-list"
          columns={[
            { title: t('security.kiosks.name'), dataIndex: 'name' },
            { title: t('security.kiosks.created'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
            { title: t('security.kiosks.lastSeen'), dataIndex: 'lastSeenAt', render: (v: string | null) => (v ? formatDateTime(v) : t('security.kiosks.never')) },
            { title: t('security.kiosks.status'), dataIndex: 'revokedAt', render: (v: string | null) => <Tag color={v ? 'default' : 'green'}>{v ? t('security.kiosks.revoked') : t('security.kiosks.active')}</Tag> },
            {
              title: '', key: 'a', align: 'right',
              render: (_: unknown, d: { id: string; revokedAt: string | null }) => !d.revokedAt && (
                <Popconfirm title={t('security.kiosks.revokeConfirm')} onConfirm={() => revoke.mutate({ id: d.id, center }, { onSuccess: () => void message.success(t('security.kiosks.revoked')) })}>
                  <Button size="small" danger>{t('security.kiosks.revoke')}</Button>
                </Popconfirm>
              ),
            },
          ]} />
      </Card>
    </div>
  );
}
