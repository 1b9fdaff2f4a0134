import { App, Alert, Col, Form, Input, Modal, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCenters, useDepartments, useRoles, useSaveUser } from '../../../api/hooks';
import type { AdminUser, UserChange, UserCreate } from '../../../api/types';
import { errorText } from '../../../components/ErrorState';
import { roleLabel } from '../../../lib/roles';

interface Values {
  username: string;
  fullName: string;
  email?: string;
  password?: string;
  roles: string[];
  centerId?: string;
  departmentId?: string;
}

export function UserFormModal({ user, onClose }: { user: AdminUser | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const centers = useCenters();
  const roles = useRoles();
  const centerId = Form.useWatch('centerId', form);
  const departments = useDepartments(centerId);
  const save = useSaveUser();
  const creating = !user;

  const submit = (v: Values) => {
    const common: UserChange = {
      fullName: v.fullName.trim(),
      email: v.email?.trim() ?? '',
      roles: v.roles,
      centerId: v.centerId ?? null,
      departmentId: v.departmentId ?? null,
    };
    const body: UserCreate | UserChange = creating ? { ...common, username: v.username.trim(), password: v.password } : { ...common, ...(v.password ? { password: v.password } : {}) };
    save.mutate(
      { id: user?.id, body },
      {
        onSuccess: () => {
          void message.success(creating ? t('users.created') : t('users.saved'));
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      open
      title={creating ? t('users.create') : t('users.editTitle', { name: user.fullName })}
      okText={creating ? t('common.create') : t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
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
        initialValues={{
          username: user?.username,
          fullName: user?.fullName,
          email: user?.email || undefined,
          roles: user?.roles ?? [],
          centerId: user?.center?.id,
          departmentId: user?.department?.id,
        }}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="username"
              label={t('users.username')}
              rules={creating ? [{ required: true, message: t('validation.required') }, { pattern: /^[a-zA-Z0-9._-]{3,60}$/, message: t('users.usernameRule') }] : []}
              extra={creating ? t('users.usernameRule') : undefined}
            >
              <Input disabled={!creating} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="fullName" label={t('users.fullName')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="email" label={t('users.email')} rules={[{ type: 'email', message: t('validation.email') }]}>
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="password"
              label={creating ? t('users.password') : t('users.resetPassword')}
              rules={[...(creating ? [{ required: true, message: t('validation.required') }] : []), { min: 8, message: t('validation.passwordMin', { count: 8 }) }]}
              extra={creating ? undefined : t('users.resetPasswordHint')}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="roles" label={t('users.roles')} rules={[{ required: true, type: 'array', min: 1, message: t('users.rolesRequired') }]}>
              <Select mode="multiple" options={(roles.data ?? []).map((r) => ({ value: r.code, label: roleLabel(r, i18n.language) }))} loading={roles.isPending} optionFilterProp="label" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="centerId" label={t('users.center')}>
              <Select
                allowClear
                placeholder={t('users.noCenter')}
                options={(centers.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
                onChange={() => form.setFieldValue('departmentId', undefined)}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="departmentId" label={t('users.department')}>
              <Select
                allowClear
                disabled={!centerId}
                loading={departments.isFetching}
                placeholder={t('users.noDepartment')}
                options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
