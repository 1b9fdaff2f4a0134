// Giờ làm việc, giờ tiếp công dân (issue 13 item 7): the center's office hours (the legal clock counts working time
// inside them; the reception screen warns outside them) and public hours (the kiosk issues numbers and the
// appointment slip gives its return window inside them), set here instead of in SQL. Center leaders, or the
// administrator choosing the center.
import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Space, Tag } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { http } from '../../../api/client';
import type { Answer } from '../../../api/types';
import { ErrorState, errorText } from '../../../components/ErrorState';
import { usePageTitle } from '../../../components/usePageTitle';
import { useFeeCenter } from '../../../components/fees/CenterPicker';
import { PageHeader } from '../PageHeader';

type Hours = Answer<'/api/v1/calendar/hours'>;
type Range = { start: string; end: string };
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

function RangeList({ name, label, testId }: { name: 'officeHours' | 'publicHours'; label: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item label={label} required>
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <div data-testid={testId}>
            {fields.map((f) => (
              <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                <Form.Item name={[f.name, 'start']} rules={[{ required: true, pattern: HHMM, message: t('center.hours.invalid') }]}>
                  <Input placeholder="07:30" maxLength={5} style={{ width: 90 }} className="code" />
                </Form.Item>
                <span>–</span>
                <Form.Item name={[f.name, 'end']} rules={[{ required: true, pattern: HHMM, message: t('center.hours.invalid') }]}>
                  <Input placeholder="11:00" maxLength={5} style={{ width: 90 }} className="code" />
                </Form.Item>
                {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} aria-label={t('center.hours.remove')} />}
              </Space>
            ))}
            {fields.length < 4 && <Button size="small" icon={<PlusOutlined />} onClick={() => add({ start: '', end: '' })}>{t('center.hours.add')}</Button>}
          </div>
        )}
      </Form.List>
    </Form.Item>
  );
}

export default function HoursPage() {
  const { t } = useTranslation();
  usePageTitle(t('center.hours.title'));
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { center, ready, picker } = useFeeCenter();
  const key = ['calendar', 'hours', center ?? null] as const;
  const hours = useQuery({ queryKey: key, queryFn: () => http.get<Hours>('/calendar/hours', center ? { center } : undefined), enabled: ready });
  const [form] = Form.useForm<{ officeHours: Range[]; publicHours: Range[] }>();
  useEffect(() => {
    if (hours.data) form.setFieldsValue({ officeHours: hours.data.officeHours, publicHours: hours.data.publicHours });
  }, [hours.data, form]);
  const save = useMutation({
    mutationFn: (v: { officeHours: Range[]; publicHours: Range[] }) => http.put<Hours>('/calendar/hours', { ...v, ...(center ? { center } : {}) }),
    onSuccess: (h) => { qc.setQueryData(key, h); void message.success(t('center.hours.saved')); },
  });

  return (
    <div className="console-page">
      <PageHeader title={t('center.hours.title')} subtitle={t('center.hours.subtitle')} />
      {picker && (
        <Card size="small" className="toolbar-card">
          <div className="toolbar">{picker}</div>
        </Card>
      )}
      {!ready ? (
        <Alert type="info" showIcon title={t('fees.chooseCenterHint')} />
      ) : hours.isError ? (
        <ErrorState error={hours.error} onRetry={() => void hours.refetch()} />
      ) : (
        <Card size="small" data-testid="center-hours" title={<Space>{hours.data?.center.name}{hours.data && !hours.data.own && <Tag>{t('center.hours.default')}</Tag>}</Space>}>
          <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => save.mutate(v)} style={{ maxWidth: 520 }}>
            <RangeList name="officeHours" label={t('center.hours.office')} testId="office-hours" />
            <div className="muted small" style={{ marginTop: -12, marginBottom: 12 }}>{t('center.hours.officeHint')}</div>
            <RangeList name="publicHours" label={t('center.hours.public')} testId="public-hours" />
            <div className="muted small" style={{ marginTop: -12, marginBottom: 12 }}>{t('center.hours.publicHint')}</div>
            {save.isError && <Alert type="error" showIcon title={errorText(t, save.error)} style={{ marginBottom: 12 }} />}
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="hours-save">{t('center.hours.save')}</Button>
          </Form>
        </Card>
      )}
    </div>
  );
}
