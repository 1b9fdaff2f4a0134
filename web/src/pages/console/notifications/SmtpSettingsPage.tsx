import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { SaveOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, http } from '../../../api/client';
import type { Answer } from '../../../api/types';
import { ErrorState, errorText } from '../../../components/ErrorState';
import { usePageTitle } from '../../../components/usePageTitle';
import { formatDateTime } from '../../../lib/format';
import { PageHeader } from '../PageHeader';

type Settings = Answer<'/api/v1/notifications/smtp', 'get'>;
type TestAnswer = Answer<'/api/v1/notifications/smtp/test', 'post'>;
interface Values { host: string; port: number; tlsMode: 'none' | 'starttls' | 'tls'; username?: string; password?: string; fromName: string; fromAddress: string }

const KEY = ['notify', 'smtp'] as const;

/**
 * Máy chủ e-mail (administrator): the SMTP server of the applicants' e-mail, one for the whole system. The password
 * is write-only (the server only says whether one is stored); MOTCUA_SMTP_URL, when set, wins and the screen says so.
 */
export default function SmtpSettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  usePageTitle(t('smtp.menu'));
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [to, setTo] = useState('');
  const settings = useQuery({ queryKey: KEY, queryFn: () => http.get<Settings>('/notifications/smtp') });
  const save = useMutation({
    mutationFn: (body: object) => api<Settings>('PUT', '/notifications/smtp', body),
    onSuccess: (data) => {
      qc.setQueryData(KEY, data);
      form.setFieldValue('password', '');
      void message.success(t('smtp.saved'));
    },
  });
  const test = useMutation({ mutationFn: () => api<TestAnswer>('POST', '/notifications/smtp/test', { to: to.trim() }) });
  const s = settings.data;

  useEffect(() => {
    if (!s) return;
    const v = s.settings;
    form.setFieldsValue(v
      ? { host: v.host, port: v.port, tlsMode: v.tlsMode, username: v.username ?? '', password: '', fromName: v.fromName, fromAddress: v.fromAddress }
      : { port: 587, tlsMode: 'starttls' });
  }, [s, form]);

  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;

  const submit = (v: Values) =>
    save.mutate({
      host: v.host, port: v.port, tlsMode: v.tlsMode, username: v.username?.trim() || null,
      // An empty password keeps the stored one.
      ...(v.password ? { password: v.password } : {}),
      fromName: v.fromName, fromAddress: v.fromAddress,
    });
  const required = (field: string) => [{ required: true, message: t('smtp.required', { field: field.toLowerCase() }) }];

  return (
    <div className="page" data-testid="smtp-page">
      <PageHeader title={t('smtp.menu')} subtitle={t('smtp.subtitle')} />
      {s?.envOverride ? (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} data-testid="smtp-env" message={t('smtp.envOverride', { host: s.envHost, from: s.envFrom })} />
      ) : (
        <Alert type={s?.settings ? 'info' : 'warning'} showIcon style={{ marginBottom: 16 }} message={s?.settings ? t('smtp.envHint') : t('smtp.notSet')} description={s?.settings ? undefined : t('smtp.envHint')} />
      )}
      <Card loading={settings.isLoading} style={{ maxWidth: 720 }}>
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} data-testid="smtp-form">
          <Space.Compact block>
            <Form.Item name="host" label={t('smtp.host')} rules={required(t('smtp.host'))} style={{ flex: 3 }}>
              <Input placeholder="smtp.example.gov.vn" data-testid="smtp-host" autoComplete="off" />
            </Form.Item>
            <Form.Item name="port" label={t('smtp.port')} rules={required(t('smtp.port'))} style={{ flex: 1, marginLeft: 12 }}>
              <InputNumber min={1} max={65535} precision={0} style={{ width: '100%' }} data-testid="smtp-port" />
            </Form.Item>
          </Space.Compact>
          <Form.Item name="tlsMode" label={t('smtp.tlsMode')}>
            <Select data-testid="smtp-tls" options={(['starttls', 'tls', 'none'] as const).map((m) => ({ value: m, label: t(`smtp.tls.${m}`) }))} />
          </Form.Item>
          <Space.Compact block>
            <Form.Item name="username" label={t('smtp.username')} style={{ flex: 1 }}>
              <Input autoComplete="off" data-testid="smtp-user" />
            </Form.Item>
            <Form.Item name="password" label={t('smtp.password')} extra={t('smtp.passwordHint')} style={{ flex: 1, marginLeft: 12 }}>
              <Input.Password autoComplete="new-password" data-testid="smtp-password" placeholder={s?.settings?.passwordSet ? t('smtp.passwordSet') : t('smtp.passwordNone')} />
            </Form.Item>
          </Space.Compact>
          <Space.Compact block>
            <Form.Item name="fromName" label={t('smtp.fromName')} rules={required(t('smtp.fromName'))} style={{ flex: 1 }}>
              <Input placeholder="Trung tâm Phục vụ hành chính công" data-testid="smtp-from-name" />
            </Form.Item>
            <Form.Item name="fromAddress" label={t('smtp.fromAddress')} rules={required(t('smtp.fromAddress'))} style={{ flex: 1, marginLeft: 12 }}>
              <Input placeholder="thongbao@example.gov.vn" data-testid="smtp-from-address" />
            </Form.Item>
          </Space.Compact>
          {save.isError && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={errorText(t, save.error)} />}
          <Space wrap>
            <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending} data-testid="smtp-save">{t('smtp.save')}</Button>
            {s?.settings?.updatedAt && <Typography.Text type="secondary">{t('smtp.updatedAt', { at: formatDateTime(s.settings.updatedAt) })}</Typography.Text>}
          </Space>
        </Form>
      </Card>
      <Card style={{ maxWidth: 720, marginTop: 16 }} title={t('smtp.test')}>
        <Space.Compact style={{ width: '100%' }}>
          <Input aria-label={t('smtp.testTo')} placeholder={t('smtp.testTo')} value={to} onChange={(e) => setTo(e.target.value)} data-testid="smtp-test-to" />
          <Button icon={<SendOutlined />} onClick={() => test.mutate()} loading={test.isPending} disabled={!to.trim() || (!s?.settings && !s?.envOverride)} data-testid="smtp-test">{t('smtp.test')}</Button>
        </Space.Compact>
        {test.data && (
          <Alert
            style={{ marginTop: 12 }} showIcon type={test.data.ok ? 'success' : 'error'} data-testid="smtp-test-result"
            message={`${test.data.ok ? t('smtp.testOk') : t('smtp.testFail')} (${t(`smtp.via.${test.data.via}`)})`}
            description={t('smtp.answer', { answer: test.data.answer })}
          />
        )}
        {test.isError && <Alert style={{ marginTop: 12 }} showIcon type="error" message={errorText(t, test.error)} />}
      </Card>
    </div>
  );
}
