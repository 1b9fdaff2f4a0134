// One small modal per action, with exactly the inputs that action needs. Whether the action is offered at all is
// the server's decision (`can`); the modal only collects the body and shows the server's answer.
import { useState } from 'react';
import { Alert, App, Button, Checkbox, DatePicker, Form, Input, Modal, Radio, Select, Tag, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { ButtonProps } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import type { ActionBody, ChecklistInput, DossierAction, DossierDetail, UploadedFile } from '../../../api/types';
import { VN_TZ } from '../../../lib/format';
import { errorText } from '../../../components/ErrorState';
import { dossierTime } from '../../../components/dossier/DossierTags';
import { OfficeHoursNotice } from '../../../components/dossier/OfficeHoursNotice';
import { useMe } from '../../../api/hooks';
import { uploadDossierFile, useDossierAction } from './api';

const REASON: DossierAction[] = ['request-supplement', 'refuse', 'send-back', 'request-supplement-by-department', 'report-late', 'reject', 'extend', 'withdraw'];
const CHECKLIST: DossierAction[] = ['receive', 'supplement', 'request-supplement'];
const MISSING: DossierAction[] = ['request-supplement', 'request-supplement-by-department'];
const DANGER: DossierAction[] = ['refuse', 'reject', 'withdraw'];

interface Values {
  reason?: string;
  note?: string;
  missing?: string[];
  apology?: string;
  newDueAt?: Dayjs;
  proposedDueAt?: Dayjs;
  method?: 'counter' | 'post' | 'online';
  trackingNumber?: string;
  resultSummary?: string;
  collector?: 'applicant' | 'authorized';
  collectorName?: string;
  collectorId?: string;
  authorization?: string;
}

/** A wall-clock time picked in the browser, read as Vietnam time (the center's clock), as ISO with offset. */
const vnIso = (d: Dayjs) => dayjs.tz(d.format('YYYY-MM-DDTHH:mm:00'), VN_TZ).format();
/** The other way: an instant shown on the picker as Vietnam wall-clock time. */
const vnPickerValue = (iso: string) => dayjs(dayjs(iso).tz(VN_TZ).format('YYYY-MM-DDTHH:mm'));

export function ActionModal({ dossier, action, onClose }: { dossier: DossierDetail; action: DossierAction; onClose: (done: DossierDetail | null) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const run = useDossierAction(dossier.code);
  const [checks, setChecks] = useState(() => dossier.checklist.map((c) => ({ presented: c.presented })));
  const [resultFile, setResultFile] = useState<UploadedFile | null>(null);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [apologyAsked, setApologyAsked] = useState(false);
  const method = Form.useWatch('method', form);
  const collector = Form.useWatch('collector', form);
  const center = useMe().data?.center?.code;

  const needsReason = REASON.includes(action);
  const withChecklist = CHECKLIST.includes(action) && dossier.checklist.length > 0;
  const needsApology = MISSING.includes(action) && (dossier.supplementCount >= 1 || apologyAsked);
  const missingMandatory = dossier.checklist.filter((c, i) => c.mandatory && !checks[i]?.presented);
  // Nothing to type: the confirm button takes the focus, Enter confirms.
  const confirmFirst = !needsReason && !MISSING.includes(action) && action !== 'resolve';

  const submit = (v: Values) => {
    const body: ActionBody = { version: dossier.version };
    if (v.reason?.trim()) body.reason = v.reason.trim();
    if (v.note?.trim()) body.note = v.note.trim();
    if (withChecklist) body.checklist = dossier.checklist.map((c, i): ChecklistInput => ({ index: c.index, presented: !!checks[i]?.presented }));
    if (MISSING.includes(action)) body.missing = (v.missing ?? []).map((m) => m.trim()).filter(Boolean);
    if (needsApology && v.apology?.trim()) body.apology = v.apology.trim();
    if (action === 'extend' && v.newDueAt) body.newDueAt = vnIso(v.newDueAt);
    if (action === 'report-late' && v.proposedDueAt) body.proposedDueAt = vnIso(v.proposedDueAt);
    if (action === 'return') {
      body.method = v.method ?? 'counter';
      if (body.method === 'post' && v.trackingNumber?.trim()) body.trackingNumber = v.trackingNumber.trim();
      if (body.method === 'counter') {
        body.collectedBy = v.collector === 'authorized'
          ? { kind: 'authorized', fullName: v.collectorName?.trim(), idNumber: v.collectorId?.trim(), authorization: v.authorization?.trim() }
          : { kind: 'applicant' };
      }
    }
    if (action === 'resolve') {
      if (resultFile) body.resultFileId = resultFile.id;
      if (v.resultSummary?.trim()) body.resultSummary = v.resultSummary.trim();
    }
    run.mutate(
      { action, body },
      {
        onSuccess: (d) => {
          void message.success(action === 'receive' && d.dueAt ? t('dossiers.done.receive', { due: dossierTime(d.dueAt) }) : t('dossiers.done.default'));
          onClose(d);
        },
        onError: (e) => {
          if (e instanceof ApiError && e.code === 'DOSSIER_APOLOGY_REQUIRED') setApologyAsked(true);
        },
      },
    );
  };

  const dueText = dossier.dueAt ? dossierTime(dossier.dueAt) : '';
  const afterDue = (v?: Dayjs) => {
    if (!v) return Promise.resolve();
    const iso = vnIso(v);
    if (dayjs(iso).isBefore(dayjs())) return Promise.reject(new Error(t('dossiers.modal.mustBeFuture')));
    if (dossier.dueAt && !dayjs(iso).isAfter(dayjs(dossier.dueAt))) return Promise.reject(new Error(t('dossiers.modal.mustBeAfterDue', { date: dueText })));
    return Promise.resolve();
  };
  const stale = run.error instanceof ApiError && run.error.code === 'DOSSIER_STALE';

  return (
    <Modal
      open
      title={t(`dossiers.action.${action}`)}
      okText={t(`dossiers.action.${action}`)}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: DANGER.includes(action), disabled: uploading, autoFocus: confirmFirst, 'data-testid': 'action-ok' } as ButtonProps}
      onOk={() => form.submit()}
      onCancel={() => onClose(null)}
      confirmLoading={run.isPending}
      destroyOnHidden
      width={withChecklist ? 720 : 560}
      mask={{ closable: false }}
      className="dossier-action-modal"
    >
      <p className="muted action-help">{t(`dossiers.actionHelp.${action}`)}</p>
      {action === 'receive' && <OfficeHoursNotice center={center} className="modal-alert" />}
      {run.isError && (
        <Alert
          type={stale ? 'warning' : 'error'}
          showIcon
          className="modal-alert"
          title={errorText(t, run.error)}
          description={stale ? t('dossiers.common.stale') : undefined}
          data-testid="action-error"
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            form.submit();
          }
        }}
        initialValues={{
          // The way the applicant chose when submitting online, else at the counter.
          method: dossier.returnMethod ?? 'counter',
          missing: MISSING.includes(action) ? dossier.checklist.filter((c) => !c.presented && c.mandatory).map((c) => c.name) : undefined,
          newDueAt: action === 'extend' && dossier.lateNotice ? vnPickerValue(dossier.lateNotice.proposedDueAt) : undefined,
        }}
      >
        {withChecklist && (
          <Form.Item label={t('dossiers.modal.checklist')}>
            <ol className="modal-checklist">
              {dossier.checklist.map((c, i) => (
                <li key={c.index}>
                  <Checkbox checked={!!checks[i]?.presented} onChange={(e) => setChecks((cs) => cs.map((x, j) => (j === i ? { presented: e.target.checked } : x)))}>
                    {c.name}{' '}
                    {c.mandatory && (
                      <Tag color="red" className="mandatory-tag">
                        {t('dossiers.checklist.mandatory')}
                      </Tag>
                    )}
                    <span className="muted small">
                      {' '}
                      ({t('dossiers.checklist.original')}: {c.original} · {t('dossiers.checklist.copy')}: {c.copy})
                    </span>
                  </Checkbox>
                </li>
              ))}
            </ol>
            {action === 'receive' && missingMandatory.length > 0 && <Alert type="warning" showIcon title={t('dossiers.modal.checklistMissing')} />}
          </Form.Item>
        )}

        {MISSING.includes(action) && (
          <Form.Item
            name="missing"
            label={t('dossiers.modal.missing')}
            extra={t('dossiers.modal.missingHint')}
            rules={[{ required: true, type: 'array', min: 1, message: t('dossiers.modal.missingRequired') }]}
          >
            <Select mode="tags" tokenSeparators={['\n']} options={dossier.checklist.map((c) => ({ value: c.name, label: c.name }))} />
          </Form.Item>
        )}

        {needsReason && (
          <Form.Item name="reason" label={t('dossiers.modal.reason')} rules={[{ required: true, whitespace: true, message: t('dossiers.modal.reasonRequired') }]}>
            <Input.TextArea autoFocus rows={3} maxLength={2000} placeholder={t('dossiers.modal.reasonPlaceholder')} />
          </Form.Item>
        )}

        {needsApology && (
          <Form.Item
            name="apology"
            label={t('dossiers.modal.apology')}
            extra={t('dossiers.modal.apologyHint', { count: Math.max(1, dossier.supplementCount) })}
            rules={[{ required: true, whitespace: true, message: t('dossiers.modal.apologyRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={2000} placeholder={t('dossiers.modal.apologyPlaceholder')} />
          </Form.Item>
        )}

        {action === 'extend' && (
          <Form.Item
            name="newDueAt"
            label={t('dossiers.modal.newDueAt')}
            extra={[
              dueText ? t('dossiers.modal.currentDue', { date: dueText }) : '',
              dossier.lateNotice ? t('dossiers.modal.proposal', { date: dossierTime(dossier.lateNotice.proposedDueAt), reason: dossier.lateNotice.reason }) : '',
            ].filter(Boolean).join(' · ')}
            rules={[{ required: true, message: t('dossiers.modal.newDueAtRequired') }, { validator: (_, v?: Dayjs) => afterDue(v) }]}
          >
            <DatePicker showTime={{ format: 'HH:mm', defaultOpenValue: dayjs('17:00', 'HH:mm') }} format="DD/MM/YYYY HH:mm" className="full-width" disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
          </Form.Item>
        )}

        {action === 'report-late' && (
          <Form.Item
            name="proposedDueAt"
            label={t('dossiers.modal.proposedDueAt')}
            extra={dueText ? t('dossiers.modal.currentDue', { date: dueText }) : undefined}
            rules={[{ required: true, message: t('dossiers.modal.proposedDueAtRequired') }, { validator: (_, v?: Dayjs) => afterDue(v) }]}
          >
            <DatePicker showTime={{ format: 'HH:mm', defaultOpenValue: dayjs('17:00', 'HH:mm') }} format="DD/MM/YYYY HH:mm" className="full-width" disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
          </Form.Item>
        )}

        {action === 'return' && (
          <>
            <Form.Item name="method" label={t('dossiers.modal.method')}>
              <Radio.Group optionType="button" options={(['counter', 'post', 'online'] as const).map((m) => ({ value: m, label: t(`dossiers.detail.returnMethods.${m}`) }))} />
            </Form.Item>
            {method === 'post' && (
              <Form.Item name="trackingNumber" label={t('dossiers.modal.trackingNumber')} rules={[{ required: true, whitespace: true, message: t('dossiers.modal.trackingRequired') }]}
                extra={dossier.returnAddress ? t('dossiers.modal.postAddress', { address: dossier.returnAddress }) : undefined}>
                <Input autoFocus maxLength={60} />
              </Form.Item>
            )}
            {method === 'online' && <Alert type="info" showIcon className="modal-alert" title={t('dossiers.modal.resultOnlineHint')} />}
            {(method ?? 'counter') === 'counter' && (
              <>
                <Form.Item name="collector" label={t('dossiers.modal.collector')} initialValue="applicant">
                  <Radio.Group options={(['applicant', 'authorized'] as const).map((k) => ({ value: k, label: t(`dossiers.modal.collectorKinds.${k}`) }))} />
                </Form.Item>
                {collector === 'authorized' && (
                  <>
                    <Form.Item name="collectorName" label={t('dossiers.modal.collectorName')} rules={[{ required: true, whitespace: true, message: t('dossiers.modal.collectorNameRequired') }]}>
                      <Input maxLength={120} data-testid="collector-name" />
                    </Form.Item>
                    <Form.Item name="collectorId" label={t('dossiers.modal.collectorId')} rules={[{ required: true, pattern: /^(\d{9}|\d{12})$/, message: t('dossiers.modal.collectorIdRule') }]}>
                      <Input inputMode="numeric" maxLength={12} data-testid="collector-id" />
                    </Form.Item>
                    <Form.Item name="authorization" label={t('dossiers.modal.authorization')} extra={t('dossiers.modal.authorizationHint')} rules={[{ required: true, whitespace: true, message: t('dossiers.modal.authorizationRequired') }]}>
                      <Input maxLength={200} data-testid="collector-authorization" />
                    </Form.Item>
                  </>
                )}
              </>
            )}
          </>
        )}

        {action === 'resolve' && (
          <>
            <Form.Item label={t('dossiers.modal.resultFile')} extra={uploadError ?? t('dossiers.modal.resultFileHint')} validateStatus={uploadError ? 'error' : undefined}>
              <Upload
                accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
                maxCount={1}
                showUploadList={false}
                customRequest={({ file }) => {
                  setUploading(true);
                  setUploadError(null);
                  uploadDossierFile(dossier.code, file as File, null, 'result').then(
                    (f) => {
                      setResultFile(f);
                      setUploading(false);
                    },
                    (e: unknown) => {
                      setUploadError(errorText(t, e));
                      setUploading(false);
                    },
                  );
                }}
              >
                <Button icon={<UploadOutlined />} loading={uploading}>
                  {resultFile ? resultFile.name : t('dossiers.files.upload')}
                </Button>
              </Upload>
            </Form.Item>
            <Form.Item name="resultSummary" label={t('dossiers.modal.resultSummary')}>
              <Input.TextArea autoFocus rows={2} maxLength={2000} placeholder={t('dossiers.modal.resultSummaryPlaceholder')} />
            </Form.Item>
          </>
        )}

        {!needsReason && action !== 'resolve' && (
          <Form.Item name="note" label={t('dossiers.modal.note')} className="tight">
            <Input.TextArea rows={2} maxLength={2000} placeholder={t('dossiers.modal.notePlaceholder')} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
