// Tiếp nhận hồ sơ: registration at a busy counter. Keyboard first: the procedure box has the focus, Enter moves to
// the next field, a 12-digit ID number fills in the applicant's earlier data, Ctrl+Enter creates the dossier and
// Ctrl+Shift+Enter (reception clerks) creates and receives it at once when every mandatory document is ticked.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, App, Button, Card, Checkbox, Col, Collapse, DatePicker, Form, Input, Radio, Row, Select, Space, Spin, Tag } from 'antd';
import { CheckCircleOutlined, FileAddOutlined, HistoryOutlined, UserOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { keys, useMe, useProcedure, useProcedures } from '../../../api/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { http, newIdempotencyKey } from '../../../api/client';
import type { Answer, ChecklistInput, DossierChannel, DossierDetail, DossierPage, ProcedurePage, RegisterInput } from '../../../api/types';
import { processingTimeText, shortFieldName, VN_TZ } from '../../../lib/format';
import { errorText } from '../../../components/ErrorState';
import { usePageTitle } from '../../../components/usePageTitle';
import { dossierTime } from '../../../components/dossier/DossierTags';
import { PageHeader } from '../PageHeader';
import { dossierPath, PHONE_RE, useRegisterDossier } from './api';
import { useDebounced } from '../../../components/useDebounced';
import { OfficeHoursNotice, receiptAtText, useOpening } from '../../../components/dossier/OfficeHoursNotice';
import { PostmarkField } from './PostmarkField';
import './dossiers.css';

interface Values {
  procedure?: string;
  kind: 'person' | 'organization';
  idNumber?: string;
  fullName?: string;
  dateOfBirth?: string;
  phone?: string;
  email?: string;
  address?: string;
  orgName?: string;
  taxCode?: string;
  channel: DossierChannel;
  note?: string;
  backEntryAt?: Dayjs;
  backEntryReason?: string;
  postmarkedAt?: Dayjs;
}

type ApplicantField = 'fullName' | 'dateOfBirth' | 'phone' | 'email' | 'address' | 'orgName' | 'idNumber';
interface Row {
  presented: boolean;
  original: number;
  copy: number;
}
type Lookup = { state: 'idle' } | { state: 'loading' } | { state: 'new' } | { state: 'found'; code: string; at: string };

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const TAX_CODE_RE = /^\d{10}(-\d{3})?$/;

/** What the lookup of a returning applicant found, by citizen ID (`id`) or by tax code (`tax`). */
function LookupNote({ lookup, by }: { lookup: Exclude<Lookup, { state: 'idle' }>; by: 'id' | 'tax' }) {
  const { t } = useTranslation();
  return (
    <div className={`lookup-note lookup-${lookup.state}`} data-testid={`${by}-lookup`} role="status">
      {lookup.state === 'loading' && t(`dossiers.reception.${by}Lookup`)}
      {lookup.state === 'new' && t(`dossiers.reception.${by}New`)}
      {lookup.state === 'found' && (
        <>
          <HistoryOutlined /> {t(`dossiers.reception.${by}Found`, { code: lookup.code, date: dossierTime(lookup.at) })}
        </>
      )}
    </div>
  );
}

/** "12051990" or "12/05/1990" → "12/05/1990" as the clerk types. */
function maskDate(raw: string): string {
  const d = raw.replace(/\D/g, '').slice(0, 8);
  if (d.length <= 2) return d;
  if (d.length <= 4) return `${d.slice(0, 2)}/${d.slice(2)}`;
  return `${d.slice(0, 2)}/${d.slice(2, 4)}/${d.slice(4)}`;
}

/** dd/mm/yyyy → YYYY-MM-DD, or null when it is not a real past date. */
export function parseVnDate(s: string | undefined): string | null {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(s ?? '');
  if (!m) return null;
  const iso = `${m[3]}-${m[2]}-${m[1]}`;
  const d = dayjs(iso, 'YYYY-MM-DD', true);
  if (!d.isValid() || d.format('YYYY-MM-DD') !== iso || d.isAfter(dayjs()) || Number(m[3]) < 1900) return null;
  return iso;
}

const isoToVnDate = (iso: string | null | undefined) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
};

export default function ReceptionPage() {
  const { t } = useTranslation();
  usePageTitle(t('dossiers.reception.title'));
  const navigate = useNavigate();
  const me = useMe().data;
  // Back-entry and receiving at once both need the receive permission.
  const canReceive = !!me?.permissions.includes('dossiers.receive');
  // Which button sent the form: register only, or register and receive in the same step.
  const receiveNow = useRef(false);
  const [form] = Form.useForm<Values>();
  const formRef = useRef<HTMLDivElement>(null);
  const register = useRegisterDossier();
  const keyRef = useRef<string | null>(null);
  const { modal } = App.useApp();
  const opening = useOpening(canReceive ? me?.center?.code : null).data;

  // Procedure search (the server folds accents), then the chosen procedure's documents.
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 150);
  const procedures = useProcedures({ q: q || undefined, limit: 20, offset: 0 });
  // Never offer the answer to an older search: Enter would pick a procedure the clerk did not mean.
  const fresh = search.trim() === q && !procedures.isPlaceholderData && !!procedures.data;
  const options = fresh ? (procedures.data?.items ?? []) : [];
  const pendingEnter = useRef<string | null>(null);
  const qc = useQueryClient();
  const procedureCode = Form.useWatch('procedure', form);
  const procedure = useProcedure(procedureCode);
  const docs = useMemo(() => (procedure.data && procedure.data.code === procedureCode ? procedure.data.requiredDocuments : []), [procedure.data, procedureCode]);
  const [rows, setRows] = useState<Row[]>([]);
  useEffect(() => setRows(docs.map((d) => ({ presented: false, original: d.original, copy: d.copy }))), [docs]);

  const kind = Form.useWatch('kind', form) ?? 'person';
  const channel = Form.useWatch('channel', form) ?? 'direct';
  const [backEntry, setBackEntry] = useState(false);

  // Returning applicants: a 12-digit ID number brings back the latest dossier's applicant data.
  const [lookup, setLookup] = useState<Lookup>({ state: 'idle' });
  const filled = useRef<Partial<Record<ApplicantField, string>>>({});
  const lookupSeq = useRef(0);
  /** Fill what is empty or what an earlier lookup filled; never overwrite what the clerk typed. */
  const fill = (found: Partial<Record<ApplicantField, string>>) => {
    const fields = Object.keys(found) as ApplicantField[];
    const current = form.getFieldsValue(fields) as Partial<Record<ApplicantField, string>>;
    const next: Partial<Record<ApplicantField, string>> = {};
    for (const k of fields) {
      if (!current[k] || current[k] === filled.current[k]) next[k] = found[k];
    }
    filled.current = found;
    form.setFieldsValue(next);
    void form.validateFields(fields.filter((k) => next[k])).catch(() => undefined);
  };

  // Returning organizations: a complete tax code brings back the data of its latest dossier at this center.
  const lookupTaxCode = async (taxCode: string) => {
    const seq = ++lookupSeq.current;
    setLookup({ state: 'loading' });
    try {
      const { organization: o } = await http.get<Answer<'/api/v1/applicants/organizations/{taxCode}'>>(`/applicants/organizations/${encodeURIComponent(taxCode)}`);
      if (seq !== lookupSeq.current) return;
      if (!o) {
        setLookup({ state: 'new' });
        return;
      }
      fill({ orgName: o.orgName, fullName: o.fullName, idNumber: o.idNumber ?? '', phone: o.phone, email: o.email, address: o.address });
      setLookup({ state: 'found', code: o.lastDossier.code, at: o.lastDossier.registeredAt });
    } catch {
      if (seq === lookupSeq.current) setLookup({ state: 'idle' });
    }
  };

  const lookupId = async (id: string) => {
    const seq = ++lookupSeq.current;
    setLookup({ state: 'loading' });
    try {
      const list = await http.get<DossierPage>('/dossiers', { idNumber: id, limit: 1 });
      if (seq !== lookupSeq.current) return;
      if (!list.items.length) {
        setLookup({ state: 'new' });
        return;
      }
      const d = await http.get<DossierDetail>(dossierPath(list.items[0].code));
      if (seq !== lookupSeq.current) return;
      const a = d.applicant;
      fill({
        fullName: a.fullName ?? '',
        dateOfBirth: isoToVnDate(a.dateOfBirth),
        phone: a.phone ?? '',
        email: a.email ?? '',
        address: a.address ?? '',
      });
      setLookup({ state: 'found', code: d.code, at: d.registeredAt });
    } catch {
      if (seq === lookupSeq.current) setLookup({ state: 'idle' });
    }
  };

  const focusSelector = (selector: string) => {
    const el = formRef.current?.querySelector<HTMLElement>(selector);
    el?.focus();
    return !!el;
  };

  /** Enter moves to the next field (in page order), Ctrl+Enter submits. Selects and text areas keep their Enter. */
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing || e.ctrlKey || e.metaKey) return;
    const target = e.target as HTMLElement;
    if (target.closest('.ant-select, .ant-picker') || target.tagName === 'TEXTAREA' || target.tagName === 'BUTTON') return;
    if (target.tagName !== 'INPUT') return;
    e.preventDefault();
    if ((target.id === 'reception_idNumber' || target.id === 'reception_taxCode') && lookup.state === 'found' && focusSelector('[data-chain-skip-to]')) return;
    const chain = Array.from(formRef.current?.querySelectorAll<HTMLElement>('input:not([type=hidden]):not([type=radio]):not([disabled]), button[data-submit]') ?? [])
      .filter((el) => el.offsetParent !== null && !el.closest('.ant-select') && !el.hasAttribute('data-chain-skip'));
    const i = chain.indexOf(target);
    chain[i + 1]?.focus();
  };

  // Ctrl+Enter creates the dossier wherever the focus is on this page; with Shift it also receives it.
  const receiveAllowed = useRef(false);
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.isComposing) {
        e.preventDefault();
        if (e.shiftKey && !receiveAllowed.current) return;
        receiveNow.current = e.shiftKey;
        form.submit();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [form]);

  const afterProcedure = () => setTimeout(() => focusSelector(kind === 'person' ? '#reception_idNumber' : '#reception_taxCode'), 0);
  // Enter pressed while the matches of what was typed are still loading: take the first one as soon as it arrives.
  const enterWhileLoading = (text: string) => {
    pendingEnter.current = text;
    const params = { q: text, limit: 20, offset: 0 };
    void qc
      .fetchQuery({ queryKey: keys.procedures(params), queryFn: () => http.get<ProcedurePage>('/procedures', params) })
      .then((r) => {
        if (pendingEnter.current !== text) return;
        pendingEnter.current = null;
        if (r.items[0]) {
          form.setFieldsValue({ procedure: r.items[0].code });
          afterProcedure();
        }
      })
      .catch(() => undefined);
  };

  const reset = () => {
    form.resetFields();
    setRows([]);
    setLookup({ state: 'idle' });
    filled.current = {};
    setBackEntry(false);
    keyRef.current = null;
    setTimeout(() => focusSelector('#reception_procedure'), 0);
  };

  // Receiving outside office hours counts from the next opening: the clerk confirms first (not for a back-entry, which
  // has its own receipt time, nor a postal dossier, counted from its postmark).
  const submit = (v: Values) => {
    const postmarked = v.channel === 'post' && !!v.postmarkedAt;
    if (receiveNow.current && !backEntry && !postmarked && opening && !opening.office.open) {
      modal.confirm({
        title: t('dossiers.reception.receiveOutsideTitle'),
        content: t('dossiers.officeHours.receiptAt', { at: receiptAtText(t, opening) }),
        okText: t('dossiers.reception.receiveOutsideOk'),
        cancelText: t('common.cancel'),
        onOk: () => send(v),
      });
      return;
    }
    send(v);
  };

  const send = (v: Values) => {
    if (!v.procedure) return;
    const checklist: ChecklistInput[] = rows.map((r, index) => ({ index, presented: r.presented, original: r.original, copy: r.copy }));
    const body: RegisterInput = {
      procedure: v.procedure,
      channel: v.channel,
      applicant: {
        kind: v.kind,
        fullName: (v.fullName ?? '').trim(),
        idNumber: v.idNumber?.trim() || null,
        dateOfBirth: parseVnDate(v.dateOfBirth) ?? null,
        phone: v.phone?.trim() ?? '',
        email: v.email?.trim() ?? '',
        address: v.address?.trim() ?? '',
        ...(v.kind === 'organization' ? { orgName: v.orgName?.trim(), taxCode: v.taxCode?.trim() || null } : {}),
      },
      ...(checklist.length ? { checklist } : {}),
      ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      ...(v.channel === 'post' && v.postmarkedAt && !backEntry ? { postmarkedAt: v.postmarkedAt.format('YYYY-MM-DD') } : {}),
      ...(receiveNow.current && !backEntry ? { receive: true } : {}),
      ...(backEntry && v.backEntryAt
        ? { backEntry: { receivedAt: dayjs.tz(v.backEntryAt.format('YYYY-MM-DDTHH:mm:00'), VN_TZ).format(), reason: (v.backEntryReason ?? '').trim() } }
        : {}),
    };
    keyRef.current ??= newIdempotencyKey();
    register.mutate(
      { body, key: keyRef.current },
      {
        onSuccess: (d) => {
          keyRef.current = null;
          navigate(`/console/dossiers/${encodeURIComponent(d.code)}`, { state: { created: true, ticket: d.ticket } });
        },
      },
    );
  };

  const missingMandatory = docs.filter((d, i) => d.mandatory && !rows[i]?.presented).length;
  const showReceiveNow = canReceive && !backEntry;
  receiveAllowed.current = showReceiveNow && !!procedureCode && !procedure.isPending && missingMandatory === 0;
  const allPresented = rows.length > 0 && rows.every((r) => r.presented);
  const someGiven = rows.some((r) => r.presented);
  const setRow = (i: number, patch: Partial<Row>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const chosen = procedure.data?.code === procedureCode ? procedure.data : procedures.data?.items.find((p) => p.code === procedureCode);

  return (
    <div className="console-page reception-page">
      <PageHeader title={t('dossiers.reception.title')} subtitle={<span className="kbd-hint">{t(canReceive ? 'dossiers.reception.subtitleReceive' : 'dossiers.reception.subtitle')}</span>} />
      <div ref={formRef} onKeyDown={onKeyDown}>
        <Form<Values>
          form={form}
          name="reception"
          layout="vertical"
          requiredMark
          onFinish={submit}
          onValuesChange={() => {
            keyRef.current = null;
          }}
          initialValues={{ kind: 'person', channel: 'direct' }}
          className="reception-form"
        >
          {register.isError && <Alert type="error" showIcon className="reception-error" title={errorText(t, register.error)} data-testid="reception-error" />}
          {canReceive && !backEntry && <OfficeHoursNotice center={me?.center?.code} className="reception-error" />}
          <Row gutter={16}>
            <Col xs={24} xl={13}>
              <Card size="small" className="reception-card" title={<><FileAddOutlined /> {t('dossiers.reception.procedure')}</>}>
                <Form.Item name="procedure" rules={[{ required: true, message: t('dossiers.reception.procedureRequired') }]} className="tight" label={null}>
                  <Select
                    autoFocus
                    showSearch={{ filterOption: false, onSearch: setSearch }}
                    placeholder={t('dossiers.reception.procedurePlaceholder')}
                    notFoundContent={!fresh || procedures.isFetching ? <Spin size="small" /> : undefined}
                    onInputKeyDown={(e) => {
                      if (e.key === 'Enter' && !fresh && search.trim()) enterWhileLoading(search.trim());
                    }}
                    onChange={() => {
                      pendingEnter.current = null;
                      afterProcedure();
                    }}
                    optionLabelProp="title"
                    popupMatchSelectWidth
                    aria-label={t('dossiers.reception.procedure')}
                    options={[...options, ...(fresh && chosen && !options.some((p) => p.code === chosen.code) ? [chosen] : [])].map((p) => ({
                      value: p.code,
                      title: p.name,
                      label: (
                        <div className="procedure-option">
                          <div className="procedure-option-name">{p.name}</div>
                          <div className="muted small">
                            <span className="code">{p.code}</span> · {shortFieldName(p.fieldName)} · {processingTimeText(t, p.processingTime)}
                          </div>
                        </div>
                      ),
                    }))}
                  />
                </Form.Item>
                {chosen && procedureCode && (
                  <div className="muted small procedure-facts" data-testid="procedure-facts">
                    <span className="code">{chosen.code}</span> ·{' '}
                    {t('dossiers.reception.procedureFacts', { field: shortFieldName(chosen.fieldName), time: processingTimeText(t, chosen.processingTime) })}
                  </div>
                )}
              </Card>

              <Card
                size="small"
                className="reception-card"
                title={<><UserOutlined /> {t('dossiers.reception.applicant')}</>}
                extra={
                  <Form.Item name="kind" noStyle>
                    <Radio.Group
                      size="small"
                      optionType="button"
                      options={[
                        { value: 'person', label: t('dossiers.kind.person') },
                        { value: 'organization', label: t('dossiers.kind.organization') },
                      ]}
                      onChange={() => setLookup({ state: 'idle' })}
                    />
                  </Form.Item>
                }
              >
                <Row gutter={12}>
                  {kind === 'organization' && (
                    <>
                      <Col xs={24} md={10}>
                        <Form.Item
                          name="taxCode"
                          label={t('dossiers.reception.taxCode')}
                          rules={[{ pattern: TAX_CODE_RE, message: t('dossiers.reception.taxCodeRule') }]}
                          normalize={(v: string) => v.replace(/[^\d-]/g, '').slice(0, 14)}
                        >
                          <Input
                            maxLength={14}
                            inputMode="numeric"
                            autoComplete="off"
                            className="code-input"
                            onChange={(e) => {
                              const code = e.target.value.replace(/[^\d-]/g, '');
                              if (TAX_CODE_RE.test(code)) void lookupTaxCode(code);
                              else {
                                lookupSeq.current++;
                                setLookup({ state: 'idle' });
                              }
                            }}
                          />
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={14}>
                        <Form.Item name="orgName" label={t('dossiers.reception.orgName')} rules={[{ required: true, whitespace: true, message: t('dossiers.reception.orgNameRequired') }]}>
                          <Input maxLength={300} autoComplete="off" />
                        </Form.Item>
                      </Col>
                      {lookup.state !== 'idle' && (
                        <Col xs={24}>
                          <LookupNote lookup={lookup} by="tax" />
                        </Col>
                      )}
                    </>
                  )}
                  <Col xs={24} md={10}>
                    <Form.Item
                      name="idNumber"
                      label={t('dossiers.reception.idNumber')}
                      rules={[
                        { required: kind === 'person', message: t('dossiers.reception.idNumberRequired') },
                        { pattern: /^\d{12}$/, message: t('dossiers.reception.idNumberRule') },
                      ]}
                      normalize={(v: string) => v.replace(/\D/g, '').slice(0, 12)}
                    >
                      <Input
                        inputMode="numeric"
                        maxLength={12}
                        autoComplete="off"
                        className="code-input"
                        onChange={(e) => {
                          const id = e.target.value.replace(/\D/g, '');
                          // For an organization this is the representative's ID: the tax code drives the lookup.
                          if (kind !== 'person') return;
                          if (id.length === 12) void lookupId(id);
                          else {
                            lookupSeq.current++;
                            setLookup({ state: 'idle' });
                          }
                        }}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={14}>
                    <Form.Item
                      name="fullName"
                      label={kind === 'organization' ? t('dossiers.reception.representative') : t('dossiers.reception.fullName')}
                      rules={[{ required: true, whitespace: true, message: t('dossiers.reception.fullNameRequired') }, { min: 2, message: t('dossiers.reception.fullNameRequired') }]}
                    >
                      <Input maxLength={200} autoComplete="off" />
                    </Form.Item>
                  </Col>
                  {kind === 'person' && lookup.state !== 'idle' && (
                    <Col xs={24}>
                      <LookupNote lookup={lookup} by="id" />
                    </Col>
                  )}
                  {kind === 'person' && (
                    <Col xs={12} md={8}>
                      <Form.Item
                        name="dateOfBirth"
                        label={t('dossiers.reception.dateOfBirth')}
                        normalize={maskDate}
                        rules={[{ validator: (_, v?: string) => (!v || parseVnDate(v) ? Promise.resolve() : Promise.reject(new Error(t('dossiers.reception.dateOfBirthRule')))) }]}
                      >
                        <Input placeholder={t('dossiers.reception.dateOfBirthPlaceholder')} inputMode="numeric" autoComplete="off" />
                      </Form.Item>
                    </Col>
                  )}
                  <Col xs={12} md={kind === 'person' ? 8 : 12}>
                    <Form.Item name="phone" label={t('dossiers.reception.phone')} rules={[{ pattern: PHONE_RE, message: t('dossiers.reception.phoneRule') }]} normalize={(v: string) => v.replace(/[\s.]/g, '')}>
                      <Input inputMode="tel" maxLength={13} autoComplete="off" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={kind === 'person' ? 8 : 12}>
                    <Form.Item name="email" label={t('dossiers.reception.email')} rules={[{ pattern: EMAIL_RE, message: t('dossiers.reception.emailRule') }]}>
                      <Input inputMode="email" autoComplete="off" />
                    </Form.Item>
                  </Col>
                  <Col xs={24}>
                    <Form.Item name="address" label={t('dossiers.reception.address')} className="tight">
                      <Input maxLength={500} autoComplete="off" />
                    </Form.Item>
                  </Col>
                </Row>
              </Card>

              {canReceive && (
                <Collapse
                  size="small"
                  className="reception-card back-entry"
                  activeKey={backEntry ? ['be'] : []}
                  onChange={(keys) => setBackEntry((Array.isArray(keys) ? keys : [keys]).includes('be'))}
                  items={[
                    {
                      key: 'be',
                      label: t('dossiers.reception.backEntry'),
                      children: (
                        <>
                          <Alert type="warning" showIcon title={t('dossiers.reception.backEntryHint')} className="back-entry-hint" />
                          <Row gutter={12}>
                            <Col xs={24} md={10}>
                              <Form.Item
                                name="backEntryAt"
                                label={t('dossiers.reception.backEntryAt')}
                                rules={[
                                  { required: backEntry, message: t('dossiers.reception.backEntryAtRequired') },
                                  { validator: (_, v?: Dayjs) => (!v || !v.isAfter(dayjs()) ? Promise.resolve() : Promise.reject(new Error(t('dossiers.reception.backEntryAtFuture')))) },
                                ]}
                              >
                                <DatePicker showTime={{ format: 'HH:mm' }} format="DD/MM/YYYY HH:mm" className="full-width" disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
                              </Form.Item>
                            </Col>
                            <Col xs={24} md={14}>
                              <Form.Item
                                name="backEntryReason"
                                label={t('dossiers.reception.backEntryReason')}
                                rules={[{ required: backEntry, min: 10, whitespace: true, message: t('dossiers.reception.backEntryReasonRule') }]}
                              >
                                <Input maxLength={1000} placeholder={t('dossiers.reception.backEntryReasonPlaceholder')} />
                              </Form.Item>
                            </Col>
                          </Row>
                        </>
                      ),
                    },
                  ]}
                />
              )}
            </Col>

            <Col xs={24} xl={11}>
              <Card
                size="small"
                className="reception-card"
                title={t('dossiers.reception.checklist')}
                extra={
                  rows.length > 0 && (
                    <Checkbox
                      data-chain-skip-to
                      checked={allPresented}
                      indeterminate={someGiven && !allPresented}
                      onChange={(e) => setRows((rs) => rs.map((r) => ({ ...r, presented: e.target.checked })))}
                      data-testid="checklist-all"
                    >
                      {t('dossiers.reception.allPresented')}
                    </Checkbox>
                  )
                }
              >
                {!procedureCode ? (
                  <div className="muted">{t('dossiers.reception.checklistPick')}</div>
                ) : procedure.isPending ? (
                  <Spin />
                ) : docs.length === 0 ? (
                  <div className="muted">{t('dossiers.reception.checklistEmpty')}</div>
                ) : (
                  <>
                    <div className="muted small checklist-hint">{t('dossiers.reception.checklistHint')}</div>
                    <ol className="reception-checklist" data-testid="reception-checklist">
                      {docs.map((d, i) => (
                        <li key={i} className={rows[i]?.presented ? 'is-presented' : ''}>
                          <Checkbox checked={!!rows[i]?.presented} onChange={(e) => setRow(i, { presented: e.target.checked })} className="checklist-check">
                            <span className="checklist-name">
                              {i + 1}. {d.name}
                              {d.mandatory && <Tag color="red" className="mandatory-tag">{t('dossiers.checklist.mandatory')}</Tag>}
                            </span>
                          </Checkbox>
                          <span className="checklist-counts">
                            <label>
                              {t('dossiers.checklist.original')}
                              <Input
                                size="small"
                                className="count-input"
                                data-chain-skip
                                inputMode="numeric"
                                value={String(rows[i]?.original ?? 0)}
                                onChange={(e) => setRow(i, { original: Math.min(50, Number(e.target.value.replace(/\D/g, '') || 0)) })}
                                onFocus={(e) => e.target.select()}
                              />
                            </label>
                            <label>
                              {t('dossiers.checklist.copy')}
                              <Input
                                size="small"
                                className="count-input"
                                data-chain-skip
                                inputMode="numeric"
                                value={String(rows[i]?.copy ?? 0)}
                                onChange={(e) => setRow(i, { copy: Math.min(50, Number(e.target.value.replace(/\D/g, '') || 0)) })}
                                onFocus={(e) => e.target.select()}
                              />
                            </label>
                          </span>
                        </li>
                      ))}
                    </ol>
                    {missingMandatory > 0 && !backEntry && (
                      <Alert type="info" showIcon className="checklist-missing" title={t('dossiers.reception.missingMandatory', { count: missingMandatory })} />
                    )}
                  </>
                )}
              </Card>

              <Card size="small" className="reception-card">
                <Form.Item name="channel" label={t('dossiers.reception.channel')}>
                  <Radio.Group
                    optionType="button"
                    options={(['direct', 'post', 'online'] as const).map((c) => ({ value: c, label: t(`dossiers.channel.${c}`) }))}
                  />
                </Form.Item>
                {channel === 'post' && !backEntry && <PostmarkField />}
                <Form.Item name="note" label={t('dossiers.reception.note')} className="tight">
                  <Input maxLength={2000} placeholder={t('dossiers.reception.notePlaceholder')} />
                </Form.Item>
              </Card>

              <div className="reception-submit">
                <Space wrap>
                  {showReceiveNow && (
                    <Button
                      type="primary"
                      size="large"
                      icon={<CheckCircleOutlined />}
                      disabled={!receiveAllowed.current}
                      title={missingMandatory > 0 ? t('dossiers.reception.receiveNowMissing') : undefined}
                      loading={register.isPending && receiveNow.current}
                      onClick={() => {
                        receiveNow.current = true;
                        form.submit();
                      }}
                      data-testid="reception-receive-now"
                    >
                      {t('dossiers.reception.receiveNow')} <span className="kbd">Ctrl+Shift+Enter</span>
                    </Button>
                  )}
                  <Button
                    type={showReceiveNow ? 'default' : 'primary'}
                    size="large"
                    htmlType="submit"
                    data-submit
                    icon={<FileAddOutlined />}
                    loading={register.isPending && !receiveNow.current}
                    onClick={() => {
                      receiveNow.current = false;
                    }}
                    data-testid="reception-submit"
                  >
                    {t('dossiers.reception.submit')} <span className="kbd">Ctrl+Enter</span>
                  </Button>
                  <Button size="large" onClick={reset}>
                    {t('dossiers.reception.reset')}
                  </Button>
                </Space>
              </div>
            </Col>
          </Row>
        </Form>
      </div>
    </div>
  );
}
