import { useState } from 'react';
import { Alert, App, Descriptions, Form, Input, Modal, Radio, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAddOverride, useRemoveOverride } from '../../../api/hooks';
import { formatDate } from '../../../lib/format';
import { errorText } from '../../../components/ErrorState';
import type { DayInfo } from './calendarModel';

type Action = 'day_off' | 'working_day' | 'remove';

/** Click on a day: add a day off or a make-up working day, or undo an administrator's change; a reason is mandatory. */
export function DayModal({ day, center, onClose }: { day: DayInfo; center?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ action: Action; reason: string }>();
  const add = useAddOverride();
  const remove = useRemoveOverride();
  const adminEntry = day.entry?.source === 'admin' && day.entry.overrideId !== undefined && day.entry.overrideId !== null ? day.entry : null;
  const nonWorking = day.status === 'weekend' || day.status === 'day_off';
  const options: Action[] = [...(adminEntry ? (['remove'] as Action[]) : []), nonWorking ? 'working_day' : 'day_off'];
  const [action, setAction] = useState<Action>(options[0]);
  const busy = add.isPending || remove.isPending;
  const error = add.error ?? remove.error;

  const submit = (v: { reason: string }) => {
    const reason = v.reason.trim();
    const done = () => {
      void message.success(t('calendar.saved'));
      onClose();
    };
    if (action === 'remove' && adminEntry) remove.mutate({ id: adminEntry.overrideId as string, reason }, { onSuccess: done });
    else add.mutate({ date: day.date, kind: action === 'remove' ? 'day_off' : action, reason, ...(center ? { center } : {}) }, { onSuccess: done });
  };

  return (
    <Modal
      open
      title={t('calendar.dayTitle', { date: formatDate(day.date), weekday: t(`weekday.${day.dow}`) })}
      okText={action === 'remove' ? t('calendar.removeChange') : t('common.save')}
      okButtonProps={{ danger: action === 'remove' }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
      width={560}
    >
      <Descriptions
        column={1}
        size="small"
        bordered
        style={{ marginBottom: 16 }}
        items={[
          { key: 'status', label: t('calendar.currentStatus'), children: <Tag className={`status-tag day-${day.status}`}>{t(`calendar.status.${day.status}`)}</Tag> },
          ...(day.entry
            ? [
                { key: 'name', label: t('calendar.nameReason'), children: day.entry.name || day.entry.reason || '—' },
                { key: 'src', label: t('calendar.source'), children: t(`calendar.sourceName.${day.entry.source}`) },
              ]
            : []),
        ]}
      />
      {error && <Alert type="error" showIcon title={errorText(t, error)} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ action: options[0] }}>
        <Form.Item name="action" label={t('calendar.action')}>
          <Radio.Group
            orientation="vertical"
            onChange={(e) => setAction(e.target.value as Action)}
            options={options.map((o) => ({ value: o, label: t(`calendar.actions.${o}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('calendar.reason')}
          rules={[{ required: true, whitespace: true, message: t('calendar.reasonRequired') }, { min: 5, message: t('calendar.reasonMin', { count: 5 }) }]}
          extra={t('calendar.reasonHint')}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} placeholder={t('calendar.reasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
