import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Input, Modal, Radio, Select, Switch, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { SaveOutlined, SendOutlined, UndoOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { NotifyEventSetting, NotifySettings, NotifySettingsBody } from '../../../api/types';
import { ErrorState, errorText } from '../../../components/ErrorState';
import { useFeeCenter } from '../../../components/fees/CenterPicker';
import { usePageTitle } from '../../../components/usePageTitle';
import { PageHeader } from '../PageHeader';
import { useNotifySettings, useSaveNotifySettings, useSendTest } from './api';
import './notifications.css';

type Row = NotifySettingsBody['events'][number] & { spec: NotifyEventSetting };

const toRows = (s: NotifySettings): Row[] =>
  s.events.map((e) => ({ event: e.event, email: e.email, sms: e.sms, zalo: e.zalo, smsTemplate: e.smsTemplate, zaloTemplateId: e.zaloTemplateId, spec: e }));

/**
 * Thông báo cho người nộp: which channels this installation has, whom SMS goes to, the sender name, and per event
 * the switch of each channel, the SMS text (with its fields) and the Zalo template. The server checks every text.
 */
export default function NotifySettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  usePageTitle(t('notify.menu.settings'));
  const { center, ready, picker } = useFeeCenter();
  const settings = useNotifySettings(center, ready);
  const save = useSaveNotifySettings(center);
  const [rows, setRows] = useState<Row[]>([]);
  const [policy, setPolicy] = useState<'all' | 'ordered'>('all');
  const [brandname, setBrandname] = useState('');
  const [testing, setTesting] = useState(false);
  const s = settings.data;

  useEffect(() => {
    if (!s) return;
    setRows(toRows(s));
    setPolicy(s.smsPolicy);
    setBrandname(s.brandname ?? '');
  }, [s]);

  const change = (event: string, patch: Partial<Row>) => setRows((rs) => rs.map((r) => (r.event === event ? { ...r, ...patch } : r)));
  const submit = () =>
    save.mutate(
      {
        smsPolicy: policy,
        brandname: brandname.trim() || null,
        events: rows.map(({ spec, ...r }) => ({ ...r, smsTemplate: r.smsTemplate === spec.smsTemplateDefault ? null : r.smsTemplate, zaloTemplateId: r.zaloTemplateId?.trim() || null })),
      },
      { onSuccess: () => void message.success(t('notify.settings.saved')) },
    );

  const channelSwitch = (r: Row, ch: 'email' | 'sms' | 'zalo') =>
    r.spec.channels.includes(ch) ? (
      <Switch size="small" checked={r[ch]} onChange={(v) => change(r.event, { [ch]: v })} aria-label={`${t(`notify.settings.col.${ch}`)} – ${r.spec.label}`} data-testid={`switch-${r.event}-${ch}`} />
    ) : (
      <Tooltip title={t('notify.settings.notForChannel')}>
        <span className="muted">—</span>
      </Tooltip>
    );

  const columns: ColumnsType<Row> = [
    { title: t('notify.settings.col.event'), key: 'event', width: 190, render: (_, r) => <span className="strong">{r.spec.label}</span> },
    { title: t('notify.settings.col.email'), key: 'email', width: 70, align: 'center', render: (_, r) => channelSwitch(r, 'email') },
    { title: t('notify.settings.col.sms'), key: 'sms', width: 70, align: 'center', render: (_, r) => channelSwitch(r, 'sms') },
    {
      title: t('notify.settings.col.zalo'),
      key: 'zalo',
      width: 130,
      render: (_, r) => (
        <div className="notify-zalo">
          {channelSwitch(r, 'zalo')}
          {r.zalo && (
            <Input
              size="small"
              value={r.zaloTemplateId ?? ''}
              onChange={(e) => change(r.event, { zaloTemplateId: e.target.value })}
              placeholder={t('notify.settings.zaloTemplate')}
              aria-label={t('notify.settings.zaloTemplate')}
              title={t('notify.settings.zaloTemplateHint')}
            />
          )}
        </div>
      ),
    },
    {
      title: t('notify.settings.col.text'),
      key: 'text',
      render: (_, r) => {
        const edited = r.smsTemplate !== r.spec.smsTemplate;
        return (
          <div className="notify-text-cell">
            <Input.TextArea
              value={r.smsTemplate ?? ''}
              onChange={(e) => change(r.event, { smsTemplate: e.target.value })}
              autoSize={{ minRows: 2, maxRows: 5 }}
              aria-label={`${t('notify.settings.col.text')} – ${r.spec.label}`}
              data-testid={`template-${r.event}`}
            />
            <div className="notify-fields small">
              <span className="muted">{t('notify.settings.fields')}:</span>{' '}
              {r.spec.placeholders.map((p) => (
                <Tooltip key={p.name} title={`${p.label} — ${p.example}`}>
                  <Tag className="notify-field">(({p.name}))</Tag>
                </Tooltip>
              ))}
              {r.smsTemplate !== r.spec.smsTemplateDefault && (
                <Button size="small" type="link" icon={<UndoOutlined />} onClick={() => change(r.event, { smsTemplate: r.spec.smsTemplateDefault })}>
                  {t('notify.settings.reset')}
                </Button>
              )}
            </div>
            {!edited && (
              <div className="notify-preview small" data-testid={`preview-${r.event}`}>
                <span className="muted">{t('notify.settings.preview')}:</span> <span className="code">{r.spec.preview.text}</span>{' '}
                <Tag color={r.spec.preview.trimmed ? 'red' : 'default'}>
                  {t('notify.settings.parts', { count: r.spec.preview.parts })}
                  {r.spec.preview.trimmed ? ` – ${t('notify.settings.trimmed')}` : ''}
                </Tag>
              </div>
            )}
          </div>
        );
      },
    },
  ];

  const body = !ready ? (
    <Alert type="info" showIcon title={t('notify.settings.chooseCenter')} />
  ) : settings.isError ? (
    <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
  ) : !s ? (
    <Card loading />
  ) : (
    <>
      <Card size="small" className="notify-card" title={t('notify.settings.channels')}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }} data-testid="notify-providers">
          <Descriptions.Item label={t('notify.settings.email')}>{onOff(t, s.providers.email)}</Descriptions.Item>
          <Descriptions.Item label={t('notify.settings.sms')}>
            {s.providers.sms ? <Tag color="green">{t(`notify.settings.provider.${s.providers.sms}`)}</Tag> : onOff(t, false)}
          </Descriptions.Item>
          <Descriptions.Item label={t('notify.settings.zalo')}>{onOff(t, s.providers.zalo)}</Descriptions.Item>
          <Descriptions.Item label={t('notify.settings.inbound')}>{onOff(t, s.providers.smsInbound && !!s.providers.sms)}</Descriptions.Item>
          <Descriptions.Item label={t('notify.settings.deliveryReports')}>{onOff(t, s.providers.deliveryReports)}</Descriptions.Item>
        </Descriptions>
        {!s.providers.email && <Alert type="info" showIcon className="notify-gap" title={t('notify.settings.noEmail')} />}
        {!s.providers.sms && <Alert type="warning" showIcon className="notify-gap" title={t('notify.settings.noSms')} data-testid="notify-no-sms" />}
        {!s.providers.zalo && <Alert type="info" showIcon className="notify-gap" title={t('notify.settings.noZalo')} />}
      </Card>

      <Card size="small" className="notify-card" title={t('notify.settings.sms')}>
        <div className="notify-sms-row">
          <div>
            <div className="notify-label">{t('notify.settings.policy')}</div>
            <Radio.Group value={policy} onChange={(e) => setPolicy(e.target.value as 'all' | 'ordered')} data-testid="notify-policy">
              <Radio value="all">{t('notify.settings.policyAll')}</Radio>
              <Radio value="ordered">{t('notify.settings.policyOrdered')}</Radio>
            </Radio.Group>
          </div>
          <div>
            <label className="notify-label" htmlFor="notify-brandname">
              {t('notify.settings.brandname')}
            </label>
            <Input
              id="notify-brandname"
              value={brandname}
              onChange={(e) => setBrandname(e.target.value)}
              maxLength={11}
              style={{ maxWidth: 220 }}
              placeholder={s.defaultBrandname ? t('notify.settings.brandnamePlaceholder', { name: s.defaultBrandname }) : t('notify.settings.brandnameNone')}
            />
          </div>
        </div>
        <div className="muted small notify-gap">{t('notify.settings.maxParts', { count: s.smsMaxParts })}</div>
      </Card>

      <Card size="small" className="notify-card">
        <Table<Row> size="small" rowKey="event" columns={columns} dataSource={rows} pagination={false} scroll={{ x: 900 }} data-testid="notify-events" />
        {save.isError && <Alert type="error" showIcon className="notify-gap" title={errorText(t, save.error)} data-testid="notify-save-error" />}
        <div className="notify-actions">
          <Button type="primary" icon={<SaveOutlined />} onClick={submit} loading={save.isPending} data-testid="notify-save">
            {t('notify.settings.save')}
          </Button>
        </div>
      </Card>
      {testing && <TestModal center={center} onClose={() => setTesting(false)} providers={s.providers} />}
    </>
  );

  return (
    <div className="console-page">
      <PageHeader
        title={t('notify.settings.title')}
        subtitle={t('notify.settings.subtitle')}
        extra={
          <>
            {picker}
            {s && (s.providers.sms || s.providers.email) && (
              <Button icon={<SendOutlined />} onClick={() => setTesting(true)}>
                {t('notify.settings.test')}
              </Button>
            )}
          </>
        }
      />
      {body}
    </div>
  );
}

function onOff(t: (k: string) => string, on: boolean) {
  return on ? <Tag color="green">{t('notify.settings.on')}</Tag> : <Tag>{t('notify.settings.off')}</Tag>;
}

function TestModal({ center, onClose, providers }: { center?: string; onClose: () => void; providers: NotifySettings['providers'] }) {
  const { t } = useTranslation();
  const send = useSendTest(center);
  const [channel, setChannel] = useState<'sms' | 'email'>(providers.sms ? 'sms' : 'email');
  const [to, setTo] = useState('');
  return (
    <Modal open title={t('notify.settings.testTitle')} onCancel={onClose} okText={t('notify.settings.testSend')} onOk={() => send.mutate({ channel, to })} confirmLoading={send.isPending}>
      <Select
        value={channel}
        onChange={setChannel}
        options={[...(providers.sms ? [{ value: 'sms' as const, label: t('notify.settings.sms') }] : []), ...(providers.email ? [{ value: 'email' as const, label: t('notify.settings.email') }] : [])]}
        style={{ width: 140 }}
      />{' '}
      <Input value={to} onChange={(e) => setTo(e.target.value)} placeholder={t('notify.settings.testTo')} aria-label={t('notify.settings.testTo')} style={{ maxWidth: 280 }} />
      {send.isError && <Alert type="error" showIcon className="notify-gap" title={errorText(t, send.error)} />}
      {send.data && (
        <Alert
          type={send.data.status === 'failed' ? 'error' : 'success'}
          showIcon
          className="notify-gap"
          title={t('notify.settings.testResult', { status: t(`notify.dossier.status.${send.data.status}`) })}
          description={send.data.error ?? undefined}
        />
      )}
    </Modal>
  );
}
