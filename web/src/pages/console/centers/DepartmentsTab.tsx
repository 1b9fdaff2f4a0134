import { useState } from 'react';
import { Alert, App, Badge, Button, Form, Input, Modal, Select, Switch, Table, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useDepartments, useSaveDepartment } from '../../../api/hooks';
import type { Department } from '../../../api/types';
import { ErrorState, errorText } from '../../../components/ErrorState';
import { FieldTags, useFieldOptions } from '../../../components/FieldTags';

export function DepartmentsTab({ centerId }: { centerId: string }) {
  const { t } = useTranslation();
  const list = useDepartments(centerId);
  const [editing, setEditing] = useState<Department | 'new' | null>(null);

  const columns: ColumnsType<Department> = [
    { title: t('centers.code'), dataIndex: 'code', width: 110, render: (c: string) => <span className="code">{c}</span> },
    { title: t('centers.deptName'), dataIndex: 'name' },
    { title: t('centers.fields'), dataIndex: 'fieldCodes', render: (codes: string[]) => <FieldTags codes={codes ?? []} /> },
    {
      title: t('users.col.status'),
      dataIndex: 'active',
      width: 140,
      render: (a: boolean | undefined) => (a === false ? <Badge status="default" text={t('centers.inactive')} /> : <Badge status="success" text={t('centers.active')} />),
    },
    {
      title: '',
      key: 'edit',
      width: 56,
      render: (_, d) => (
        <Tooltip title={t('common.edit')}>
          <Button type="text" icon={<EditOutlined />} onClick={() => setEditing(d)} aria-label={t('common.edit')} />
        </Tooltip>
      ),
    },
  ];

  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <>
      <div className="tab-toolbar">
        <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('centers.addDepartment')}
        </Button>
      </div>
      <Table<Department> scroll={{ x: 640 }} rowKey="id" size="small" columns={columns} dataSource={list.data ?? []} loading={list.isPending} pagination={false} />
      {editing && <DepartmentModal centerId={centerId} department={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}

function DepartmentModal({ centerId, department, onClose }: { centerId: string; department: Department | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Department>();
  const save = useSaveDepartment(centerId);
  const fieldOptions = useFieldOptions();
  const creating = !department;

  const submit = (v: Department) =>
    save.mutate(
      { id: department?.id, body: { ...(creating ? { code: v.code.trim() } : {}), name: v.name.trim(), fieldCodes: v.fieldCodes ?? [], active: v.active !== false } },
      {
        onSuccess: () => {
          void message.success(t('common.savedOk'));
          onClose();
        },
      },
    );

  return (
    <Modal
      open
      title={creating ? t('centers.addDepartment') : t('centers.editDepartment')}
      okText={creating ? t('common.create') : t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
      mask={{ closable: false }}
      width={600}
    >
      {save.isError && <Alert type="error" showIcon title={errorText(t, save.error)} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={department ? { ...department, active: department.active !== false } : { fieldCodes: [], active: true }}>
        <Form.Item name="code" label={t('centers.code')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <Input disabled={!creating} />
        </Form.Item>
        <Form.Item name="name" label={t('centers.deptName')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <Input />
        </Form.Item>
        <Form.Item name="fieldCodes" label={t('centers.fields')}>
          <Select mode="multiple" options={fieldOptions} optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="active" label={t('centers.deptActive')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
