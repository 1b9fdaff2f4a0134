// Urging by hand: a dossier (its page) or a department (the dashboard's control table). Each opened form carries one
// Idempotency-Key, so a double click urges once.
import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Radio } from 'antd';
import type { ButtonProps } from 'antd';
import { AlertOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../components/ErrorState';
import { newIdempotencyKey, useUrgeDepartment, useUrgeDossier } from './api';

function NoteField() {
  const { t } = useTranslation();
  return (
    <Form.Item name="note" label={t('control.urge.note')} rules={[{ required: true, whitespace: true, message: t('control.urge.noteRequired') }, { max: 1000 }]}>
      <Input.TextArea rows={4} maxLength={1000} showCount placeholder={t('control.urge.notePlaceholder')} data-testid="urge-note" autoFocus />
    </Form.Item>
  );
}

export function UrgeDossierButton({ code }: { code: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [key, setKey] = useState('');
  const [form] = Form.useForm<{ note: string }>();
  const urge = useUrgeDossier(code);
  const submit = ({ note }: { note: string }) =>
    urge.mutate({ note: note.trim(), key }, {
      onSuccess: (u) => {
        setOpen(false);
        form.resetFields();
        void message.success(u.recipients.length ? t('control.urge.sent', { names: u.recipients.map((r) => r.name).join(', ') }) : t('control.urge.sentNobody'));
      },
      onError: (e) => void message.error(errorText(t, e)),
    });
  return (
    <>
      <Button icon={<AlertOutlined />} onClick={() => { setKey(newIdempotencyKey()); setOpen(true); }} data-testid="urge-button">
        {t('control.urge.button')}
      </Button>
      <Modal open={open} title={t('control.urge.title', { code })} onCancel={() => setOpen(false)} okText={t('control.urge.send')} onOk={() => form.submit()}
        confirmLoading={urge.isPending} destroyOnHidden okButtonProps={{ 'data-testid': 'urge-send' } as ButtonProps}>
        <Alert type="info" showIcon className="urge-help" title={t('control.urge.help')} />
        <Form form={form} layout="vertical" onFinish={submit}>
          <NoteField />
        </Form>
      </Modal>
    </>
  );
}

export function UrgeDepartmentButton({ department, defaultWhich }: { department: { id: string; name: string }; defaultWhich: 'late' | 'untouched' | 'all' }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [key, setKey] = useState('');
  const [form] = Form.useForm<{ note: string; dossiers: 'late' | 'untouched' | 'all' }>();
  const urge = useUrgeDepartment();
  const submit = (v: { note: string; dossiers: 'late' | 'untouched' | 'all' }) =>
    urge.mutate({ id: department.id, body: { note: v.note.trim(), dossiers: v.dossiers }, key }, {
      onSuccess: (r) => {
        setOpen(false);
        form.resetFields();
        void message.success(t('control.urge.departmentSent', { name: r.department.name, count: r.urged.length }));
      },
      onError: (e) => void message.error(errorText(t, e)),
    });
  return (
    <>
      <Button size="small" icon={<AlertOutlined />} onClick={() => { setKey(newIdempotencyKey()); setOpen(true); }} data-testid={`urge-department-${department.id}`}>
        {t('control.urge.department')}
      </Button>
      <Modal open={open} title={t('control.urge.departmentTitle', { name: department.name })} onCancel={() => setOpen(false)} okText={t('control.urge.send')}
        onOk={() => form.submit()} confirmLoading={urge.isPending} destroyOnHidden>
        <Alert type="info" showIcon className="urge-help" title={t('control.urge.departmentHelp')} />
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ dossiers: defaultWhich }}>
          <Form.Item name="dossiers" label={t('control.urge.which')}>
            <Radio.Group options={(['late', 'untouched', 'all'] as const).map((w) => ({ value: w, label: t(`control.urge.whichOpt.${w}`) }))} />
          </Form.Item>
          <NoteField />
        </Form>
      </Modal>
    </>
  );
}
