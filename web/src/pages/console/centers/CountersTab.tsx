import { useState } from 'react';
import { Alert, App, Badge, Button, Form, Input, InputNumber, Modal, Select, Switch, Table, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useCounters, useSaveCounter } from '../../../api/hooks';
import type { Counter } from '../../../api/types';
import { ErrorState, errorText } from '../../../components/ErrorState';
import { FieldTags, useFieldOptions } from '../../../components/FieldTags';

export function CountersTab({ centerId }: { centerId: string }) {
  const { t } = useTranslation();
  const list = useCounters(centerId);
  const [editing, setEditing] = useState<Counter | 'new' | null>(null);

  const columns: ColumnsType<Counter> = [
    { title: t('centers.counterNo'), dataIndex: 'number', width: 80, align: 'center', render: (n: number) => <span className="counter-no">{n}</span> },
    { title: t('centers.counterName'), dataIndex: 'name' },
    { title: t('centers.fields'), dataIndex: 'fieldCodes', render: (codes: string[]) => <FieldTags codes={codes ?? []} /> },
    {
      title: t('users.col.status'),
      dataIndex: 'active',
      width: 130,
      render: (a: boolean) => (a ? <Badge status="success" text={t('centers.open')} /> : <Badge status="default" text={t('centers.closed')} />),
    },
    {
      title: '',
      key: 'edit',
      width: 56,
      render: (_, c) => (
        <Tooltip title={t('common.edit')}>
          <Button type="text" icon={<EditOutlined />} onClick={() => setEditing(c)} aria-label={t('common.edit')} />
        </Tooltip>
      ),
    },
  ];

  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const nextNo = Math.max(0, ...(list.data ?? []).map((c) => c.number)) + 1;
  return (
    <>
      <div className="tab-toolbar">
        <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('centers.addCounter')}
        </Button>
      </div>
      <Table<Counter>
scroll={{ x: 640 }}         rowKey="id"
        size="small"
        columns={columns}
        dataSource={[...(list.data ?? [])].sort((a, b) => a.number - b.number)}
        loading={list.isPending}
        pagination={false}
      />
      {editing && <CounterModal centerId={centerId} counter={editing === 'new' ? null : editing} nextNo={nextNo} onClose={() => setEditing(null)} />}
    </>
  );
}

function CounterModal({ centerId, counter, nextNo, onClose }: { centerId: string; counter: Counter | null; nextNo: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Counter>();
  const save = useSaveCounter(centerId);
  const fieldOptions = useFieldOptions();
  const creating = !counter;

  const submit = (v: Counter) =>
    save.mutate(
      { id: counter?.id, body: { number: v.number, name: v.name.trim(), fieldCodes: v.fieldCodes ?? [], active: v.active } },
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
      title={creating ? t('centers.addCounter') : t('centers.editCounter')}
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
      <Form form={form} layout="vertical" onFinish={submit} initialValues={counter ?? { number: nextNo, fieldCodes: [], active: true }}>
        <Form.Item name="number" label={t('centers.counterNo')} rules={[{ required: true, message: t('validation.required') }]}>
          <InputNumber min={1} max={999} precision={0} />
        </Form.Item>
        <Form.Item name="name" label={t('centers.counterName')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <Input placeholder={t('centers.counterNamePlaceholder')} />
        </Form.Item>
        <Form.Item name="fieldCodes" label={t('centers.fields')} rules={[{ required: true, type: 'array', min: 1, message: t('centers.fieldsRequired') }]}>
          <Select mode="multiple" options={fieldOptions} optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="active" label={t('centers.counterActive')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
