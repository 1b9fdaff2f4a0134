// The dossier's history: one entry per event (who, when, from → to, why), back-entries flagged.
import { Tag, Timeline } from 'antd';
import { ArrowRightOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { DossierDetail, DossierEvent, DossierTiming } from '../../../api/types';
import { dossierTime, StatusTag, TimingTag } from '../../../components/dossier/DossierTags';

const RED = new Set(['refuse', 'reject', 'withdraw']);
const GREEN = new Set(['resolve', 'return', 'receive']);
const ORANGE = new Set(['request-supplement', 'request-supplement-by-department', 'report-late', 'extend', 'send-back', 'urge']);

const str = (v: unknown) => (typeof v === 'string' && v ? v : null);

function EventDetails({ e, dossier }: { e: DossierEvent; dossier: DossierDetail }) {
  const { t } = useTranslation();
  const d = e.data ?? {};
  const lines: React.ReactNode[] = [];
  const note = str(d.note);
  if (e.reason && e.reason !== note) lines.push(<div key="reason" className="event-reason">{t('dossiers.timeline.reason', { text: e.reason })}</div>);
  if (note) lines.push(<div key="note">{t('dossiers.timeline.note', { text: note })}</div>);
  if (e.action === 'register' && str(d.channel)) lines.push(<div key="ch">{t('dossiers.common.channel')}: {t(`dossiers.channel.${str(d.channel)}`)}</div>);
  if (typeof d.requestNumber === 'number') lines.push(<div key="rn">{t('dossiers.timeline.requestNumber', { n: d.requestNumber })}</div>);
  if (Array.isArray(d.missing) && d.missing.length) {
    lines.push(
      <div key="missing">
        {t('dossiers.timeline.missing')}
        <ul className="event-missing">
          {(d.missing as string[]).map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </ul>
      </div>,
    );
  }
  if (str(d.apology)) lines.push(<div key="apology">{t('dossiers.timeline.apology', { text: str(d.apology) })}</div>);
  if (['transfer', 'complete-step', 'send-back'].includes(e.action)) {
    const toStep = typeof d.toStep === 'number' ? dossier.workflow[d.toStep] : null;
    if (toStep) lines.push(<div key="to">{t('dossiers.timeline.toStep', { step: `${toStep.order}. ${toStep.name}` })} · {toStep.unit}</div>);
    else if (str(d.toUnit)) lines.push(<div key="to">{t('dossiers.timeline.toUnit', { unit: str(d.toUnit) })}</div>);
  }
  if (str(d.outcome)) {
    lines.push(
      <div key="outcome" className="event-outcome">
        {e.action === 'resolve' || e.action === 'reject' ? t('dossiers.timeline.settleOutcome') : t('dossiers.timeline.stepOutcome')} <TimingTag timing={str(d.outcome) as DossierTiming} />
      </div>,
    );
  }
  if (str(d.previousDueAt)) lines.push(<div key="prev">{t('dossiers.timeline.previousDueAt', { date: dossierTime(str(d.previousDueAt)) })}</div>);
  if (str(d.dueAt)) lines.push(<div key="due" className="strong">{t('dossiers.timeline.dueAt', { date: dossierTime(str(d.dueAt)) })}</div>);
  if (str(d.proposedDueAt)) lines.push(<div key="prop">{t('dossiers.timeline.proposedDueAt', { date: dossierTime(str(d.proposedDueAt)) })}</div>);
  if (str(d.method)) lines.push(<div key="method">{t('dossiers.timeline.method', { method: t(`dossiers.detail.returnMethods.${str(d.method)}`) })}</div>);
  if (str(d.trackingNumber)) lines.push(<div key="tn">{t('dossiers.timeline.trackingNumber', { n: str(d.trackingNumber) })}</div>);
  const by = d.collectedBy as { kind?: string; fullName?: string; idNumber?: string; authorization?: string } | undefined;
  if (by?.fullName) {
    lines.push(<div key="by" className="strong" data-testid="collected-by">{by.kind === 'authorized'
      ? t('dossiers.timeline.collectedByAuthorized', { name: by.fullName, id: by.idNumber, paper: by.authorization })
      : t('dossiers.timeline.collectedBy', { name: by.fullName })}</div>);
  }
  if (e.action === 'queue-ticket' && str(d.number)) {
    lines.push(<div key="ticket" className="strong">{t('dossiers.timeline.ticket', { number: str(d.number), source: t(`dossiers.timeline.ticketSource.${str(d.source) ?? 'counter'}`) })}</div>);
  }
  if (e.action === 'assign' && d.assignedByHead === true && str(d.assigneeName)) lines.push(<div key="assignee">{t('dossiers.timeline.assignedTo', { name: str(d.assigneeName) })}</div>);
  if (e.action === 'urge') {
    if (str(d.kind)) lines.push(<div key="urge-kind"><Tag color="volcano">{t(`control.urge.kind.${str(d.kind)}`)}</Tag></div>);
    if (Array.isArray(d.recipients) && d.recipients.length) lines.push(<div key="urge-to" className="small">{t('control.urge.recipients', { names: (d.recipients as string[]).join(', ') })}</div>);
  }
  if (e.flagged && str(d.enteredAt)) lines.push(<div key="entered">{t('dossiers.timeline.enteredAt', { date: dossierTime(str(d.enteredAt)) })}</div>);
  return lines.length ? <div className="event-details">{lines}</div> : null;
}

/** In time order; the registration first when a back-entry records it and its receipt at the same moment. */
function ordered(events: DossierEvent[]): DossierEvent[] {
  const rank = (e: DossierEvent) => (e.action === 'register' ? 0 : 1);
  return [...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || rank(a) - rank(b) || a.id - b.id);
}

export function DossierTimeline({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  if (!dossier.events.length) return <div className="muted">{t('dossiers.timeline.empty')}</div>;
  return (
    <Timeline
      className="dossier-timeline"
      data-testid="dossier-timeline"
      items={ordered(dossier.events).map((e) => ({
        key: e.id,
        color: e.flagged || RED.has(e.action) ? 'red' : GREEN.has(e.action) ? 'green' : ORANGE.has(e.action) ? 'orange' : 'blue',
        icon: e.flagged ? <WarningOutlined className="event-flag-icon" /> : undefined,
        content: (
          <div className={`timeline-event${e.flagged ? ' is-flagged' : ''}`} data-action={e.action}>
            <div className="event-head">
              <span className="event-action">{t(`dossiers.event.${e.action === 'assign' && e.data?.assignedByHead === true ? 'assignByHead' : e.action}`, { defaultValue: e.action })}</span>
              {e.flagged && (
                <Tag color="red" className="event-flag">
                  {t('dossiers.timeline.flagged')}
                </Tag>
              )}
            </div>
            <div className="event-meta muted small">
              {dossierTime(e.at)} · {e.actor ?? t('dossiers.timeline.system')}
            </div>
            {e.fromStatus !== e.toStatus && (
              <div className="event-states">
                {e.fromStatus && (
                  <>
                    <StatusTag status={e.fromStatus} />
                    <ArrowRightOutlined className="muted" />{' '}
                  </>
                )}
                <StatusTag status={e.toStatus} />
              </div>
            )}
            <EventDetails e={e} dossier={dossier} />
          </div>
        ),
      }))}
    />
  );
}
