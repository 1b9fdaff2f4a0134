// The admin pairs evaluation tablets with return counters, as queue kiosks are paired: a key travels once, in a link
// opened on the tablet, and is kept only as a hash on the server.
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCounters, useMe } from '../../../api/hooks';
import { errorText } from '../../../components/ErrorState';
import { useFeeCenter } from '../../../components/fees/CenterPicker';
import { usePageTitle } from '../../../components/usePageTitle';
import { formatDateTime } from '../../../lib/format';
import { PageHeader } from '../PageHeader';
import { usePairTablet, useRevokeTablet, useTablets, type EvaluationTablet } from './api';

export default function TabletsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  usePageTitle(t('evaluations.tablets.title'));
  const me = useMe().data;
  const { center, ready, picker } = useFeeCenter();
  const centerId = center ?? (me?.center ? String(me.center.id) : undefined);
  const counters = useCounters(centerId);
  const tablets = useTablets(ready ? center : undefined);
  const pair = usePairTablet();
  const revoke = useRevokeTablet();
  const [link, setLink] = useState<string | null>(null);

  return (
    <div className="console-page">
      <PageHeader title={t('evaluations.tablets.title')} subtitle={t('evaluations.tablets.subtitle')} extra={picker} />
      {link && (
        <Alert type="success" showIcon closable onClose={() => setLink(null)} style={{ marginBottom: 16 }} data-testid="tablet-link"
          title={t('evaluations.tablets.linkTitle')}
          description={<><Typography.Paragraph copyable={{ text: link }}><code>{link}</code></Typography.Paragraph>{t('evaluations.tablets.linkHelp')}</>} />
      )}
      <Card style={{ marginBottom: 16 }}>
        <Form layout="inline" disabled={!ready} onFinish={(v: { name: string; counter: string }) => pair.mutate({ name: v.name.trim(), counter: v.counter, center }, {
          onSuccess: (r) => setLink(`${window.location.origin}/danh-gia-tai-quay#pair=${encodeURIComponent(r.key)}`),
        })}>
          <Form.Item name="counter" label={t('evaluations.tablets.counter')} rules={[{ required: true, message: t('evaluations.tablets.counter') }]}>
            <Select style={{ width: 220 }} loading={counters.isPending && !!centerId} data-testid="tablet-counter"
              options={(counters.data ?? []).map((c) => ({ value: String(c.id), label: c.name }))} />
          </Form.Item>
          <Form.Item name="name" label={t('evaluations.tablets.name')} rules={[{ required: true, whitespace: true, message: t('evaluations.tablets.name') }]}>
            <Input placeholder={t('evaluations.tablets.namePlaceholder')} maxLength={100} style={{ width: 260 }} data-testid="tablet-name" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={pair.isPending} data-testid="tablet-pair">{t('evaluations.tablets.add')}</Button>
        </Form>
        {pair.isError && <Alert type="error" showIcon title={errorText(t, pair.error)} style={{ marginTop: 12 }} />}
      </Card>
      <Card className="table-card">
        <Table<EvaluationTablet> rowKey="id" size="small" loading={tablets.isPending && ready} dataSource={tablets.data?.items ?? []} pagination={false} data-testid="tablet-list"
          columns={[
            { title: t('evaluations.tablets.counter'), key: 'counter', dataIndex: 'counterName' },
            { title: t('evaluations.tablets.name'), dataIndex: 'name' },
            { title: t('evaluations.tablets.created'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
            { title: t('evaluations.tablets.lastSeen'), dataIndex: 'lastSeenAt', render: (v: string | null) => (v ? formatDateTime(v) : t('evaluations.tablets.never')) },
            { title: t('evaluations.tablets.status'), dataIndex: 'revokedAt', render: (v: string | null) => <Tag color={v ? 'default' : 'green'}>{v ? t('evaluations.tablets.revoked') : t('evaluations.tablets.active')}</Tag> },
            {
              title: '', key: 'a', align: 'right',
              render: (_: unknown, d) => !d.revokedAt && (
                <Popconfirm title={t('evaluations.tablets.revokeConfirm')} onConfirm={() => revoke.mutate({ id: d.id, center }, { onSuccess: () => void message.success(t('evaluations.tablets.revoked')) })}>
                  <Button size="small" danger>{t('evaluations.tablets.revoke')}</Button>
                </Popconfirm>
              ),
            },
          ]} />
      </Card>
    </div>
  );
}
