import { Alert, App, Button, Card, Checkbox, Col, Form, Input, List, Row, Tag } from 'antd';
import { MailOutlined, MessageOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { FeeBreakdown, DossierDetail, FeeServiceInput } from '../../../api/types';
import { formatDateTime } from '../../../lib/format';
import { errorText } from '../../../components/ErrorState';
import { useAddFeeServices, useServiceTypes } from '../../../components/fees/api';
import { useCan } from '../../../components/fees/RequireAnyPermission';
import { money } from '../../../components/fees/money';

const PHONE = /^0\d{9}$/;

interface Values {
  postal?: boolean;
  address?: string;
  recipient?: string;
  postalPhone?: string;
  sms?: boolean;
  smsPhone?: string;
}

/** Related services offered before payment (DOMAIN.md §4): result by post (with the address), SMS (with the phone). */
export function ServicesCard({ b, d }: { b: FeeBreakdown; d: DossierDetail | undefined }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const canEdit = can('fees.collect') || can('dossiers.receive');
  const types = useServiceTypes();
  const add = useAddFeeServices(b.dossier.code);
  const [form] = Form.useForm<Values>();
  const postal = Form.useWatch('postal', form);
  const sms = Form.useWatch('sms', form);

  const registered = new Set(b.services.map((s) => s.kind));
  const offered = (types.data ?? []).filter((s) => s.active && !registered.has(s.code));
  const postalType = offered.find((s) => s.code === 'postal_result');
  const smsType = offered.find((s) => s.code === 'sms');
  if (b.services.length === 0 && (!canEdit || offered.length === 0)) return null;

  const price = (charge: number) => (charge === 0 ? t('fees.collect.services.free') : money(charge));
  const phoneRule = { pattern: PHONE, message: t('fees.collect.services.phoneInvalid') };

  const submit = (v: Values) => {
    const services: FeeServiceInput[] = [];
    if (v.postal) {
      services.push({
        kind: 'postal_result',
        address: (v.address ?? '').trim(),
        ...(v.recipient?.trim() ? { recipient: v.recipient.trim() } : {}),
        ...(v.postalPhone?.trim() ? { phone: v.postalPhone.trim() } : {}),
      });
    }
    if (v.sms) services.push({ kind: 'sms', phone: (v.smsPhone ?? '').trim() });
    if (!services.length) return;
    add.mutate(services, {
      onSuccess: () => {
        void message.success(t('fees.collect.services.registered'));
        form.resetFields();
      },
    });
  };

  return (
    <Card size="small" className="fee-card" title={t('fees.collect.services.title')} data-testid="fee-services">
      {b.services.length > 0 && (
        <List
          size="small"
          className="fee-gap"
          dataSource={b.services}
          renderItem={(s) => (
            <List.Item extra={<span className="strong fee-money">{price(s.charge)}</span>}>
              <List.Item.Meta
                avatar={s.kind === 'sms' ? <MessageOutlined /> : <MailOutlined />}
                title={
                  <span>
                    {s.name} <Tag color="green">{t('fees.collect.services.registered')}</Tag>
                  </span>
                }
                description={
                  <span className="small">
                    {[s.recipient, s.address, s.phone].filter(Boolean).join(' · ')} · {formatDateTime(s.createdAt)}
                  </span>
                }
              />
            </List.Item>
          )}
        />
      )}
      {canEdit && offered.length > 0 && (
        <>
          <p className="muted small">{t('fees.collect.services.hint')}</p>
          <Form<Values>
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={submit}
            initialValues={{ address: d?.applicant.address ?? '', recipient: d?.applicant.fullName ?? '', postalPhone: d?.applicant.phone ?? '', smsPhone: d?.applicant.phone ?? '' }}
          >
            {postalType && (
              <>
                <Form.Item name="postal" valuePropName="checked" className="fee-service-check">
                  <Checkbox>
                    {t('fees.collect.services.postal')} — <span className="strong">{price(postalType.charge)}</span>
                  </Checkbox>
                </Form.Item>
                {postal && (
                  <Row gutter={12}>
                    <Col xs={24}>
                      <Form.Item
                        name="address"
                        label={t('fees.collect.services.address')}
                        rules={[{ required: true, whitespace: true, min: 10, message: t('fees.collect.services.addressMin') }]}
                      >
                        <Input placeholder={t('fees.collect.services.addressPlaceholder')} maxLength={300} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={14}>
                      <Form.Item name="recipient" label={t('fees.collect.services.recipient')}>
                        <Input maxLength={120} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={10}>
                      <Form.Item name="postalPhone" label={t('fees.collect.services.phone')} rules={[phoneRule]}>
                        <Input inputMode="tel" maxLength={10} />
                      </Form.Item>
                    </Col>
                  </Row>
                )}
              </>
            )}
            {smsType && (
              <>
                <Form.Item name="sms" valuePropName="checked" className="fee-service-check">
                  <Checkbox>
                    {t('fees.collect.services.sms')} — <span className="strong">{price(smsType.charge)}</span>
                  </Checkbox>
                </Form.Item>
                {sms && (
                  <Form.Item name="smsPhone" label={t('fees.collect.services.phone')} rules={[{ required: true, message: t('fees.collect.services.phoneInvalid') }, phoneRule]}>
                    <Input inputMode="tel" maxLength={10} style={{ maxWidth: 220 }} />
                  </Form.Item>
                )}
              </>
            )}
            {add.isError && <Alert type="error" showIcon className="fee-gap" title={errorText(t, add.error)} />}
            <Button htmlType="submit" icon={<PlusOutlined />} disabled={!postal && !sms} loading={add.isPending}>
              {t('fees.collect.services.register')}
            </Button>
          </Form>
        </>
      )}
    </Card>
  );
}
