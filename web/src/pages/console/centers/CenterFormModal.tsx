import { Alert, App, Col, Form, Input, Modal, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSaveCenter } from '../../../api/hooks';
import type { Body, Center, CenterBody } from '../../../api/types';
import { errorText } from '../../../components/ErrorState';

const LEVELS = ['province', 'district', 'commune'];

type Values = Omit<Center, 'id'>;

export function CenterFormModal({ center, onClose }: { center: Center | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveCenter();
  const creating = !center;
  const saturdayOpen = Form.useWatch('saturdayMorningOpen', form) ?? true;

  const submit = (v: Values) => {
    const body: CenterBody | Body<'/api/v1/admin/centers/{id}', 'patch'> = {
      ...(creating ? { code: v.code.trim() } : {}),
      name: v.name.trim(),
      shortName: v.shortName.trim(),
      level: v.level,
      address: v.address?.trim() ?? '',
      phone: v.phone?.trim() ?? '',
      email: v.email?.trim() ?? '',
      saturdayMorningOpen: v.saturdayMorningOpen,
      // Saturday morning counts in time limits only where the center works then (the server refuses it otherwise).
      saturdayMorningCounts: v.saturdayMorningOpen && v.saturdayMorningCounts,
      evaluationAutoInvite: v.evaluationAutoInvite,
      active: v.active,
    };
    save.mutate(
      { id: center?.id, body },
      {
        onSuccess: () => {
          void message.success(t('common.savedOk'));
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      open
      title={creating ? t('centers.create') : t('centers.editTitle')}
      okText={creating ? t('common.create') : t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      width={720}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {save.isError && <Alert type="error" showIcon title={errorText(t, save.error)} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={center ?? { level: 'commune', saturdayMorningOpen: true, saturdayMorningCounts: false, evaluationAutoInvite: true, active: true }}
      >
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="code" label={t('centers.code')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { pattern: /^[A-Za-z0-9.-]{2,40}$/, message: t('centers.codeRule') }]}>
              <Input disabled={!creating} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="name" label={t('centers.name')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { min: 5, message: t('centers.nameRule') }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="shortName" label={t('centers.shortName')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { min: 2, message: t('centers.nameRule') }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="level" label={t('centers.level')} rules={[{ required: true, message: t('validation.required') }]}>
              <Select options={LEVELS.map((l) => ({ value: l, label: t(`centers.levels.${l}`) }))} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="address" label={t('centers.address')}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="phone" label={t('centers.phone')}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="email" label={t('users.email')} rules={[{ type: 'email', message: t('validation.email') }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="saturdayMorningOpen" label={t('centers.saturdayMorningOpen')} valuePropName="checked" extra={t('centers.saturdayHint')}>
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="saturdayMorningCounts" label={t('centers.saturdayMorningCounts')} valuePropName="checked" extra={t('centers.saturdayCountsHint')}>
              <Switch disabled={!saturdayOpen} data-testid="center-saturday-counts" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="evaluationAutoInvite" label={t('centers.evaluationAutoInvite')} valuePropName="checked" extra={t('centers.evaluationAutoInviteHint')}>
              <Switch data-testid="center-evaluation-auto-invite" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="active" label={t('centers.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
