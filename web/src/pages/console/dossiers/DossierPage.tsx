// One dossier: header (code, status, due date), workflow, checklist and files, history, and the actions the server
// allows now (`can`), each in a small modal; print buttons for the forms that apply; the return-counter advice.
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Col, Descriptions, Row, Skeleton, Steps, Tag, Typography } from 'antd';
import {
  ArrowLeftOutlined, BellOutlined, CheckOutlined, FilePdfOutlined, PrinterOutlined, ReloadOutlined, UserAddOutlined, WarningOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../api/hooks';
import type { DossierAction, DossierDetail, DossierStatus, RegistrationTicket } from '../../../api/types';
import { durationText, formatDate, formatMoney, sessionText } from '../../../lib/format';
import { ErrorState, errorText } from '../../../components/ErrorState';
import { usePageTitle } from '../../../components/usePageTitle';
import { DueCell, dossierTime, StatusTag } from '../../../components/dossier/DossierTags';
import { UrgeDossierButton } from '../control/UrgeButtons';
import { formUrl, useDossier, useDossierAction } from './api';
import { ActionModal } from './ActionModal';
import { AssignBox } from './AssignBox';
import { ChecklistFiles } from './ChecklistFiles';
import { DossierTimeline } from './DossierTimeline';
import { ReturnCaseBox } from './ReturnCaseBox';
import { DossierFeesBox } from './DossierFeesBox';
import { SignatureBox } from './SignatureBox';
import { useFeeBreakdown } from '../../../components/fees/api';
import { DossierRefundsBox } from './DossierRefundsBox';
import { DossierMessages } from './DossierMessages';
import './dossiers.css';

/** The order the buttons appear in: the usual next step first, the exceptional ones after, the final ones last. */
const ACTION_ORDER: DossierAction[] = [
  'receive', 'supplement', 'transfer', 'complete-step', 'resolve', 'return',
  'request-supplement', 'request-supplement-by-department', 'send-back', 'report-late', 'extend',
  'refuse', 'reject', 'withdraw',
];
const PRIMARY = new Set<DossierAction>(['receive', 'supplement', 'transfer', 'complete-step', 'resolve', 'return']);
const DANGER = new Set<DossierAction>(['refuse', 'reject', 'withdraw']);
/** A whole row of the facts, on one column or two. */
const FULL = { xs: 1, md: 2 };
const CLOSED: DossierStatus[] = ['refused', 'returned', 'withdrawn'];
const SETTLED: DossierStatus[] = ['resolved', 'rejected'];

type Form = 'slip' | 'receipt' | 'supplement' | 'refusal' | 'apology' | 'control' | 'evaluation' | 'rejection';

/** Which forms can be printed now (the server answers 409 for the others). */
function printable(d: DossierDetail): Form[] {
  const has = (...actions: string[]) => d.events.some((e) => actions.includes(e.action));
  const forms: Form[] = ['slip'];
  if (d.receivedAt) forms.push('receipt');
  if (has('request-supplement', 'request-supplement-by-department')) forms.push('supplement');
  if (has('refuse')) forms.push('refusal');
  // Apology: after an extension, for a late result, or when the appointment passed without a result.
  if (d.extendedAt || d.timing === 'late' || (d.timing === 'overdue' && !d.settledAt)) forms.push('apology');
  if (d.receivedAt) forms.push('control');
  if (d.settledAt && !d.result?.rejected) forms.push('evaluation');
  if (d.settledAt && d.result?.rejected) forms.push('rejection');
  return forms;
}

function WorkflowSteps({ d }: { d: DossierDetail }) {
  const { t } = useTranslation();
  if (!d.workflow.length) return <div className="muted">{t('dossiers.detail.noWorkflow')}</div>;
  const done = SETTLED.includes(d.status) || d.status === 'returned';
  const atReception = ['submitted', 'needs_supplement', 'received'].includes(d.status);
  const current = done ? d.workflow.length : atReception ? 0 : (d.step?.index ?? 0);
  const failed = d.status === 'refused' || d.status === 'withdrawn' || d.status === 'rejected';
  return (
    <Steps
      size="small"
      titlePlacement="vertical"
      className="dossier-steps"
      data-testid="dossier-steps"
      current={Math.min(current, d.workflow.length - 1)}
      status={failed ? 'error' : done ? 'finish' : 'process'}
      responsive
      items={d.workflow.map((s, i) => {
        const isCurrent = !done && !failed && i === current;
        return {
          key: s.order,
          title: <span className={isCurrent ? 'step-title-current' : undefined}>{s.name}</span>,
          status: done && !failed ? 'finish' : undefined,
          content: (
            <div className={`step-content${isCurrent ? ' is-current' : ''}`}>
              <div className="small">{s.unit}</div>
              <div className="small muted">{durationText(t, s.budget.unit as 'working_days' | 'working_hours', s.budget.value)}</div>
              {isCurrent && (
                <div className="step-now small" data-testid="step-current">
                  <Tag color="blue" className="step-now-tag">{t('dossiers.detail.stepNow')}</Tag>
                  {d.stepStartedAt && <div>{t('dossiers.detail.stepStarted', { date: dossierTime(d.stepStartedAt) })}</div>}
                  {i > 0 && <div>{d.assignee ? `${t('dossiers.common.assignee')}: ${d.assignee}` : t('dossiers.common.unassigned')}</div>}
                </div>
              )}
            </div>
          ),
        };
      })}
    />
  );
}

function ApplicantBlock({ d }: { d: DossierDetail }) {
  const { t } = useTranslation();
  const a = d.applicant;
  return (
    <div className="applicant-block">
      {a.kind === 'organization' && a.orgName && <div className="strong">{a.orgName}</div>}
      <div className={a.kind === 'organization' ? '' : 'strong'}>
        {a.kind === 'organization' ? `${t('dossiers.detail.representative')}: ` : ''}
        {a.fullName}
      </div>
      <div className="muted small">
        {[
          a.idNumber ? `${t('dossiers.common.idNumber')} ${a.idNumber}` : null,
          a.dateOfBirth ? `${t('dossiers.detail.dateOfBirth')} ${formatDate(a.dateOfBirth)}` : null,
          a.taxCode ? `${t('dossiers.detail.taxCode')} ${a.taxCode}` : null,
          a.phone ? `${t('dossiers.common.phone')} ${a.phone}` : null,
          a.email || null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </div>
      {a.address && <div className="muted small">{a.address}</div>}
    </div>
  );
}

/** Who took the result at the counter, from the return step of the history. */
function collectorOf(d: DossierDetail, authorized: string): string {
  const e = [...d.events].reverse().find((x) => x.action === 'return');
  const by = e?.data.collectedBy as { kind?: string; fullName?: string } | undefined;
  return by?.fullName ? `${by.fullName}${by.kind === 'authorized' ? ` (${authorized.toLocaleLowerCase('vi')})` : ''}` : '';
}

export default function DossierPage() {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const location = useLocation();
  const navigate = useNavigate();
  const me = useMe().data;
  const dossier = useDossier(code);
  // The appointment slip waits for the fees due at reception (the server answers 409 until then): the page says so.
  const fees = useFeeBreakdown(me?.permissions.includes('dossiers.view_center') ? code : undefined);
  const claim = useDossierAction(code);
  const [action, setAction] = useState<DossierAction | null>(null);
  const state = location.state as { created?: boolean; ticket?: RegistrationTicket | null; fromTicket?: { displayNumber: string; counterNumber: number }; openAction?: DossierAction } | null;
  const created = state?.created === true;
  // The "created" banner belongs to the moment after registration only.
  usePageTitle(code);
  // Opened from the counter panel by calling the number of a support-desk registration: straight to receiving it.
  const opened = useRef(false);
  const loaded = dossier.data;
  useEffect(() => {
    if (opened.current || !loaded || !state?.openAction) return;
    opened.current = true;
    if (loaded.can[state.openAction]) setAction(state.openAction);
  }, [loaded, state?.openAction]);

  if (dossier.isError) {
    return (
      <div className="console-page">
        <ErrorState
          error={dossier.error}
          onRetry={() => void dossier.refetch()}
          extra={
            <Button type="primary" onClick={() => navigate('/console/dossiers')}>
              {t('dossiers.detail.back')}
            </Button>
          }
        />
      </div>
    );
  }
  if (dossier.isPending) {
    return (
      <div className="console-page">
        <Skeleton active paragraph={{ rows: 14 }} />
      </div>
    );
  }
  const d = dossier.data;
  const perms = new Set(me?.permissions ?? []);
  const actions = ACTION_ORDER.filter((a) => d.can[a]);
  // `can.claim` stays true for the one who already holds it: offer the button only when it changes something.
  const showClaim = !!d.can.claim && d.assignee !== me?.fullName;
  const canUpload = (perms.has('dossiers.register') || perms.has('dossiers.receive')) && !CLOSED.includes(d.status);
  const dueReached = !!d.dueAt && new Date(d.dueAt).getTime() <= Date.now();
  // Returned at the counter: the box stays, so the clerk can invite the citizen to rate on the counter tablet.
  const returnedAtCounter = d.status === 'returned' && perms.has('dossiers.return');
  const showReturnCase = perms.has('dossiers.view_center') && (SETTLED.includes(d.status) || returnedAtCounter || (dueReached && ['received', 'in_progress', 'paused'].includes(d.status)));
  const collector = collectorOf(d, t('dossiers.modal.collectorKinds.authorized'));
  const forms = printable(d);
  const slip = fees.data?.slip;
  const slipWaits = !!slip && !slip.ready;
  const collectLink = `/console/fees?code=${encodeURIComponent(d.code)}`;

  const doClaim = () =>
    claim.mutate(
      { action: 'claim', body: { version: d.version } },
      { onSuccess: () => void message.success(t('dossiers.done.claim')), onError: (e) => void message.error(errorText(t, e)) },
    );

  return (
    <div className="console-page dossier-page" data-status={d.status}>
      <div className="dossier-topbar">
        <Link to="/console/dossiers" className="back-link">
          <ArrowLeftOutlined /> {t('dossiers.detail.back')}
        </Link>
        <Button size="small" type="text" icon={<ReloadOutlined />} onClick={() => void dossier.refetch()} loading={dossier.isFetching} aria-label={t('dossiers.detail.reload')}>
          <span className="hide-xs">{t('dossiers.detail.reload')}</span>
        </Button>
      </div>
      <div className="dossier-title-row">
        <Typography.Title level={3} className="dossier-code" copyable={{ text: d.code }} data-testid="dossier-code">
          {d.code}
        </Typography.Title>
        <StatusTag status={d.status} name={d.statusName} className="dossier-status-big" />
        {d.backEntry && (
          <Tag color="red" icon={<WarningOutlined />}>
            {t('dossiers.timeline.flagged')}
          </Tag>
        )}
        <span className="muted small">{t('dossiers.detail.dailyNumber', { n: d.dailyNumber })}</span>
      </div>

      {state?.fromTicket && (
        <Alert
          type="info"
          showIcon
          className="created-alert"
          data-testid="from-ticket"
          title={t('dossiers.detail.fromTicket', { number: state.fromTicket.displayNumber, counter: state.fromTicket.counterNumber })}
          action={<Button onClick={() => navigate('/console/queue')}>{t('dossiers.detail.backToPanel')}</Button>}
        />
      )}

      {created && d.status === 'submitted' && (
        <Alert
          type="success"
          showIcon
          className="created-alert"
          title={t('dossiers.detail.createdTitle', { code: d.code })}
          description={
            state?.ticket?.kind === 'issued' ? (
              <div data-testid="created-ticket">
                <div className="strong">{t('dossiers.detail.ticketTitle', { number: state.ticket.displayNumber })}</div>
                <div>{t('dossiers.detail.ticketHint', { counters: state.ticket.counters.join(', ') })}</div>
              </div>
            ) : (
              t('dossiers.detail.createdHint')
            )
          }
          action={
            <Button type="primary" icon={<PrinterOutlined />} href={formUrl(d.code, 'slip')} target="_blank" rel="noopener noreferrer" autoFocus data-testid="print-slip-now">
              {t('dossiers.forms.slip')}
            </Button>
          }
        />
      )}

      {created && d.status === 'received' && (
        <Alert
          type={slipWaits ? 'warning' : 'success'}
          showIcon
          className="created-alert"
          title={t('dossiers.detail.receivedTitle', { code: d.code, due: d.dueAt ? dossierTime(d.dueAt) : '' })}
          description={slipWaits
            ? <span data-testid="slip-waits">{t('dossiers.detail.slipWaits', { amount: formatMoney(slip.dueAtReception) })} <Link to={collectLink}>{t('dossiers.fees.collect')}</Link></span>
            : t('dossiers.detail.receivedHint')}
          action={
            <Button type="primary" icon={<PrinterOutlined />} href={slipWaits ? undefined : formUrl(d.code, 'receipt')} disabled={slipWaits} title={slip?.reason ?? undefined}
              target="_blank" rel="noopener noreferrer" autoFocus data-testid="print-receipt-now">
              {t('dossiers.forms.receipt')}
            </Button>
          }
        />
      )}

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card size="small" className="dossier-card">
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2 }}
              className="dossier-facts"
              items={[
                {
                  key: 'procedure',
                  label: t('dossiers.common.procedure'),
                  span: FULL,
                  children: (
                    <span>
                      {d.procedure.name} <span className="code">({d.procedure.code})</span>
                    </span>
                  ),
                },
                { key: 'applicant', label: t('dossiers.detail.applicant'), span: FULL, children: <ApplicantBlock d={d} /> },
                ...(d.result?.summary ? [{ key: 'result', label: t('dossiers.detail.result'), span: FULL, children: d.result.summary }] : []),
                ...(d.result?.rejected && d.result.reason ? [{ key: 'rejected', label: t('dossiers.detail.rejectedReason'), span: FULL, children: d.result.reason }] : []),
                {
                  key: 'due',
                  label: t('dossiers.common.dueAt'),
                  children: (
                    <div data-testid="dossier-due">
                      <DueCell dueAt={d.dueAt} timing={d.timing} extended={!!d.extendedAt} untouched={d.untouched} />
                      {d.originalDueAt && <div className="muted small">{t('dossiers.detail.originalDueAt', { date: dossierTime(d.originalDueAt) })}</div>}
                      {d.pausedAt && <div className="small warn-text">{t('dossiers.detail.paused', { date: dossierTime(d.pausedAt) })}</div>}
                      {d.returnWindow && !d.settledAt && !d.pausedAt && (
                        <div className="small" data-testid="dossier-return-window">{t('dossiers.detail.returnWindow', { window: sessionText(t, d.returnWindow) })}</div>
                      )}
                    </div>
                  ),
                },
                { key: 'dept', label: t('dossiers.common.department'), children: d.department?.name ?? '—' },
                ...(d.assignee ? [{ key: 'assignee', label: t('dossiers.common.assignee'), children: <span data-testid="dossier-assignee">{d.assignee}</span> }] : []),
                { key: 'registered', label: t('dossiers.common.registeredAt'), children: dossierTime(d.registeredAt) },
                { key: 'received', label: t('dossiers.common.receivedAt'), children: d.receivedAt ? dossierTime(d.receivedAt) : '—' },
                { key: 'channel', label: t('dossiers.common.channel'), children: t(`dossiers.channel.${d.channel}`) },
                ...(d.postmarkedAt
                  ? [{ key: 'postmark', label: t('dossiers.detail.postmarkedAt'), children: <span data-testid="dossier-postmark">{formatDate(d.postmarkedAt)}</span> }]
                  : []),
                ...(d.returnMethod && !d.returnedAt
                  ? [{ key: 'delivery', label: t('dossiers.detail.chosenDelivery'), children: <span data-testid="dossier-delivery">{t(`dossiers.detail.returnMethods.${d.returnMethod}`)}{d.returnAddress ? ` · ${d.returnAddress}` : ''}</span> }]
                  : []),
                ...(d.settledAt ? [{ key: 'settled', label: t('dossiers.detail.settledAt'), children: dossierTime(d.settledAt) }] : []),
                ...(d.returnedAt
                  ? [{ key: 'returned', label: t('dossiers.detail.returnedAt'), children: `${dossierTime(d.returnedAt)}${d.returnMethod ? ` · ${t(`dossiers.detail.returnMethods.${d.returnMethod}`)}` : ''}${collector ? ` · ${collector}` : ''}` }]
                  : []),
              ]}
            />
            {d.lateBySupplement && <Alert type="warning" showIcon className="inline-alert" title={t('dossiers.detail.lateBySupplement', { n: d.supplementCount })} />}
            {d.lateNotice && !d.settledAt && (
              <Alert
                type="warning"
                showIcon
                className="inline-alert"
                title={t('dossiers.detail.lateNotice', { at: dossierTime(d.lateNotice.at), reason: d.lateNotice.reason, date: dossierTime(d.lateNotice.proposedDueAt) })}
              />
            )}
          </Card>

          <Card size="small" className="dossier-card" title={t('dossiers.detail.workflow')}>
            <WorkflowSteps d={d} />
          </Card>

          <Card size="small" className="dossier-card" title={t('dossiers.detail.checklist')}>
            <ChecklistFiles dossier={d} canUpload={canUpload} />
          </Card>

          <Card size="small" className="dossier-card" title={<><BellOutlined /> {t('notify.dossier.title')}</>} data-testid="dossier-messages-card">
            <DossierMessages code={d.code} version={d.version} lastEventAt={d.events.at(-1)?.at ?? null} />
          </Card>
        </Col>

        <Col xs={24} xl={9}>
          <Card size="small" className="dossier-card actions-card" title={t('dossiers.detail.actions')}>
            {showReturnCase && <ReturnCaseBox dossier={d} />}
            {(d.status === 'resolved' || d.status === 'returned') && <SignatureBox code={d.code} version={d.version} />}
            {actions.length === 0 && !showClaim && !d.can.urge ? (
              <div className="muted small">{t('dossiers.detail.noActions')}</div>
            ) : (
              <div className="action-buttons" data-testid="dossier-actions">
                {showClaim && (
                  <Button type="primary" icon={<UserAddOutlined />} onClick={doClaim} loading={claim.isPending}>
                    {t('dossiers.action.claim')}
                  </Button>
                )}
                {d.can.urge && <UrgeDossierButton code={d.code} />}
                {actions.map((a) => (
                  <Button
                    key={a}
                    type={PRIMARY.has(a) ? 'primary' : 'default'}
                    danger={DANGER.has(a)}
                    icon={PRIMARY.has(a) ? <CheckOutlined /> : undefined}
                    onClick={() => setAction(a)}
                    data-action={a}
                  >
                    {t(`dossiers.action.${a}`)}
                  </Button>
                ))}
              </div>
            )}
          </Card>

          {d.can.assign && <AssignBox dossier={d} />}

          {perms.has('dossiers.view_center') && (
            <Card size="small" className="dossier-card" title={t('dossiers.fees.title')}>
              <DossierFeesBox code={d.code} status={d.status} />
              <DossierRefundsBox code={d.code} status={d.status} />
            </Card>
          )}

          <Card size="small" className="dossier-card" title={<><PrinterOutlined /> {t('dossiers.detail.print')}</>}>
            <div className="print-buttons" data-testid="print-buttons">
              {forms.map((f) => {
                const waits = f === 'receipt' && slipWaits;
                return (
                  <Button key={f} icon={<FilePdfOutlined />} href={waits ? undefined : formUrl(d.code, f)} disabled={waits} target="_blank" rel="noopener noreferrer" data-form={f}>
                    {t(`dossiers.forms.${f}`)}
                  </Button>
                );
              })}
            </div>
            {slipWaits && (
              <div className="muted small" style={{ marginTop: 6 }} data-testid="slip-reason">
                {slip.reason} <Link to={collectLink}>{t('dossiers.fees.collect')}</Link>
              </div>
            )}
          </Card>

          <Card size="small" className="dossier-card" title={t('dossiers.detail.timeline')}>
            <DossierTimeline dossier={d} />
          </Card>
        </Col>
      </Row>

      {action && (
        <ActionModal
          dossier={d}
          action={action}
          onClose={() => {
            setAction(null);
            void dossier.refetch();
          }}
        />
      )}
    </div>
  );
}
