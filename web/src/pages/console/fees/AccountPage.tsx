// Cấu hình thu phí: the center's bank account that its VietQR codes pay into, and the prices of the related services
// the counter sells (result by post, SMS when it exists). Until now both needed SQL or showed the demo values.
import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Popconfirm, Space, Switch, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { http } from '../../../api/client';
import type { Answer, Body } from '../../../api/types';
import { errorText } from '../../../components/ErrorState';
import { feeKeys, useServiceTypes } from '../../../components/fees/api';
import { MoneyInput } from '../../../components/fees/MoneyInput';
import { usePageTitle } from '../../../components/usePageTitle';
import { formatMoney } from '../../../lib/format';
import { PageHeader } from '../PageHeader';

type Account = Body<'/api/v1/fees/bank-account', 'put'>;
const accountKey = ['fees', 'bank-account'] as const;

function BankAccountCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Account>();
  const current = useQuery({ queryKey: accountKey, queryFn: () => http.get<Answer<'/api/v1/fees/bank-account'>>('/fees/bank-account') });
  const save = useMutation({
    mutationFn: (b: Account) => http.put<Answer<'/api/v1/fees/bank-account', 'put'>>('/fees/bank-account', b),
    onSuccess: () => { void qc.invalidateQueries({ queryKey: accountKey }); void qc.invalidateQueries({ queryKey: ['fees', 'vietqr'] }); void message.success(t('fees.account.saved')); },
  });
  const remove = useMutation({
    mutationFn: () => http.del('/fees/bank-account'),
    onSuccess: () => { void qc.invalidateQueries({ queryKey: accountKey }); void qc.invalidateQueries({ queryKey: ['fees', 'vietqr'] }); form.resetFields(); },
  });
  const acc = current.data?.account ?? null;
  useEffect(() => {
    if (acc && !acc.isDemo) form.setFieldsValue({ bankBin: acc.bankBin, bankName: acc.bankName, accountNumber: acc.accountNumber, accountName: acc.accountName });
  }, [acc, form]);

  return (
    <Card title={t('fees.account.title')} style={{ marginBottom: 16 }} data-testid="bank-account">
      {acc?.isDemo && <Alert type="warning" showIcon title={t('fees.account.demo', { bank: acc.bankName, number: acc.accountNumber })} style={{ marginBottom: 16 }} />}
      {!acc && current.isSuccess && <Alert type="info" showIcon title={t('fees.account.none')} style={{ marginBottom: 16 }} />}
      {acc && !acc.isDemo && (
        <Typography.Paragraph>
          {t('fees.account.current')}: <b>{acc.accountName}</b> · {acc.accountNumber} · {acc.bankName} <Tag>{acc.bankBin}</Tag>
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate({ ...v, accountNumber: v.accountNumber.replace(/\s+/g, '') })} style={{ maxWidth: 640 }}>
        <Space wrap align="start">
          <Form.Item name="bankBin" label={t('fees.account.bin')} extra={t('fees.account.binHelp')} rules={[{ required: true, pattern: /^\d{6}$/, message: t('fees.account.binRule') }]}>
            <Input inputMode="numeric" maxLength={6} style={{ width: 140 }} data-testid="bank-bin" />
          </Form.Item>
          <Form.Item name="bankName" label={t('fees.account.bank')} rules={[{ required: true, min: 2, message: t('fees.account.bankRule') }]}>
            <Input maxLength={120} style={{ width: 300 }} placeholder="Vietcombank" data-testid="bank-name" />
          </Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item name="accountNumber" label={t('fees.account.number')} rules={[{ required: true, pattern: /^[A-Za-z0-9 ]{1,23}$/, message: t('fees.account.numberRule') }]}>
            <Input maxLength={23} style={{ width: 220 }} data-testid="bank-number" />
          </Form.Item>
          <Form.Item name="accountName" label={t('fees.account.name')} rules={[{ required: true, min: 3, message: t('fees.account.nameRule') }]}>
            <Input maxLength={120} style={{ width: 360 }} data-testid="bank-holder" />
          </Form.Item>
        </Space>
        {save.isError && <Alert type="error" showIcon title={errorText(t, save.error)} style={{ marginBottom: 12 }} />}
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="bank-save">{t('common.save')}</Button>
          {acc && !acc.isDemo && (
            <Popconfirm title={t('fees.account.removeConfirm')} onConfirm={() => remove.mutate()} okText={t('fees.account.remove')} cancelText={t('common.cancel')}>
              <Button danger loading={remove.isPending}>{t('fees.account.remove')}</Button>
            </Popconfirm>
          )}
        </Space>
      </Form>
    </Card>
  );
}

function ServicePriceRow({ code, charge, active }: { code: 'postal_result' | 'sms'; charge: number; active: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ charge: number; active: boolean }>();
  const save = useMutation({
    mutationFn: (b: { charge: number; active: boolean }) => http.put(`/fees/service-types/${code}`, b),
    onSuccess: () => { void qc.invalidateQueries({ queryKey: feeKeys.serviceTypes }); void message.success(t('fees.account.priceSaved')); },
    onError: (e) => void message.error(errorText(t, e)),
  });
  return (
    <Form form={form} layout="inline" initialValues={{ charge, active }} onFinish={(v) => save.mutate(v)}>
      <Form.Item name="charge" rules={[{ required: true, message: t('fees.account.priceRule') }]}><MoneyInput style={{ width: 160 }} aria-label={t('fees.account.price')} /></Form.Item>
      <Form.Item name="active" valuePropName="checked"><Switch checkedChildren={t('fees.account.offered')} unCheckedChildren={t('fees.account.notOffered')} /></Form.Item>
      <Button htmlType="submit" loading={save.isPending}>{t('common.save')}</Button>
    </Form>
  );
}

function ServicesCard() {
  const { t } = useTranslation();
  const types = useServiceTypes();
  return (
    <Card title={t('fees.account.servicesTitle')} data-testid="service-prices">
      <Typography.Paragraph type="secondary">{t('fees.account.servicesHelp')}</Typography.Paragraph>
      <Table rowKey="code" size="small" pagination={false} loading={types.isPending} dataSource={types.data ?? []}
        columns={[
          { title: t('fees.account.service'), dataIndex: 'name' },
          { title: t('fees.account.currentPrice'), dataIndex: 'charge', width: 140, align: 'right', render: (v: number) => formatMoney(v) },
          { title: t('fees.account.newPrice'), key: 'edit', width: 420, render: (_, r) => <ServicePriceRow code={r.code as 'postal_result' | 'sms'} charge={r.charge} active={r.active} /> },
        ]} />
    </Card>
  );
}

export default function AccountPage() {
  const { t } = useTranslation();
  usePageTitle(t('fees.menu.account'));
  return (
    <div className="console-page">
      <PageHeader title={t('fees.menu.account')} subtitle={t('fees.menu.accountDesc')} />
      <BankAccountCard />
      <ServicesCard />
    </div>
  );
}
