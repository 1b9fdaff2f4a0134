import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { CheckCircleFilled, ClockCircleOutlined, LeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Spin } from 'antd';
import type { QueueIssued, QueueKioskQueue } from '../../api/types';
import { ApiError } from '../../api/client';
import { errorText } from '../../components/ErrorState';
import { useIssueTicket, useKiosk } from '../../components/queue/api';
import { adoptPairingLink } from '../../components/queue/kiosk-key';

// Opened from the admin's pairing link: keep the device key before anything else reads the address.
if (typeof window !== 'undefined') adoptPairingLink();
import { HallHeader } from '../../components/queue/HallHeader';
import { formatPhone, NumericKeypad } from '../../components/queue/NumericKeypad';
import { QrCode } from '../../components/queue/QrCode';
import { TicketSlip } from '../../components/queue/TicketSlip';
import { absoluteUrl, splitFieldName, waitText } from '../../components/queue/util';
import { sessionStartText } from '../../lib/format';
import { useHallPage } from '../../components/queue/useHallPage';
import '../../components/queue/queue.css';

type Step = 'field' | 'details' | 'done';

const IDLE_MS = 60_000;
const DONE_SECONDS = 15;
// A Vietnamese mobile number: the "sắp đến lượt" message is an SMS (or Zalo), which a landline cannot get.
const PHONE_RE = /^0[35789]\d{8}$/;

/**
 * Máy lấy số (kiosk): a touch screen at the entrance, no login, always in Vietnamese. Choose a field, optionally
 * a priority and a phone number, then the ticket prints (browser print, 80 mm roll) and the screen returns to the
 * start by itself.
 */
export default function KioskPage() {
  const { center = '' } = useParams();
  const { i18n } = useTranslation();
  const t = useMemo(() => i18n.getFixedT('vi'), [i18n]);
  useHallPage('qhall-body qprint-ticket', `${t('queue.kiosk.pageTitle')} · ${t('app.titleShort')}`);
  const kiosk = useKiosk(center);
  const issue = useIssueTicket();
  const resetIssue = issue.reset;
  const [step, setStep] = useState<Step>('field');
  const [queue, setQueue] = useState<QueueKioskQueue | null>(null);
  const [priority, setPriority] = useState<string | null>(null);
  const [phone, setPhone] = useState('');
  const [ticket, setTicket] = useState<QueueIssued | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reset = useCallback(() => {
    setStep('field');
    setQueue(null);
    setPriority(null);
    setPhone('');
    setTicket(null);
    setError(null);
    resetIssue();
  }, [resetIssue]);

  // Nobody touched the details screen for a while: someone walked away.
  const idle = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => {
    if (step !== 'details') return;
    const arm = () => {
      clearTimeout(idle.current);
      idle.current = setTimeout(reset, IDLE_MS);
    };
    arm();
    window.addEventListener('pointerdown', arm);
    window.addEventListener('keydown', arm);
    return () => {
      clearTimeout(idle.current);
      window.removeEventListener('pointerdown', arm);
      window.removeEventListener('keydown', arm);
    };
  }, [step, reset]);

  // The phone is asked for only when the center really sends "sắp đến lượt" (an SMS provider, the message on).
  const askPhone = kiosk.data?.notifyByPhone === true;
  const phoneOk = !askPhone || phone === '' || PHONE_RE.test(phone);
  const submit = () => {
    if (!queue || !phoneOk || issue.isPending) return;
    setError(null);
    issue.mutate(
      { center, field: queue.code, ...(priority ? { priority } : {}), ...(askPhone && phone ? { phone } : {}) },
      {
        onSuccess: (tk) => {
          setTicket(tk);
          setStep('done');
        },
        onError: (e) => setError(errorText(t, e)),
      },
    );
  };

  const data = kiosk.data;
  const priorityName = (code: string | null) => (code ? (data?.priorities.find((p) => p.code === code)?.name ?? code) : null);

  let body: ReactNode;
  if (kiosk.isPending) {
    body = (
      <div className="qk-message">
        <Spin size="large" />
      </div>
    );
  } else if (kiosk.isError && !data) {
    const notFound = kiosk.error instanceof ApiError && kiosk.error.status === 404;
    body = <div className="qk-message qk-message-error">{notFound ? t('queue.centerNotFound', { center }) : t('queue.offline')}</div>;
  } else if (step === 'done' && ticket) {
    body = <Issued ticket={ticket} priorityName={priorityName(ticket.priority)} t={t} onDone={reset} />;
  } else if (data && !data.open) {
    // Outside the public hours (the center's calendar): no ticket; when it opens next.
    body = (
      <div className="qk-closed" data-testid="kiosk-closed" role="status">
        <ClockCircleOutlined className="qk-closed-icon" />
        <h1 className="qk-title">{t('queue.kiosk.closedTitle')}</h1>
        {data.next && (
          <div className="qk-closed-next" data-testid="kiosk-opens">
            {t('queue.kiosk.closedOpens')} <strong>{sessionStartText(t, data.next)}</strong>
          </div>
        )}
        <div className="qk-subtitle">{t('queue.kiosk.closedHint')}</div>
      </div>
    );
  } else if (step === 'details' && queue) {
    const name = splitFieldName(queue.name);
    body = (
      <div className="qk-details">
        <section className="qk-chosen" aria-label={t('queue.kiosk.chosenField')}>
          <div className="qk-section-label">{t('queue.kiosk.chosenField')}</div>
          <div className="qk-chosen-name">{name.main}</div>
          {name.detail && <div className="qk-chosen-detail">{name.detail}</div>}
          <div className="qk-chosen-counters">{t('queue.counters', { list: queue.counters.join(', ') })}</div>
        </section>
        <div className="qk-details-cols">
          {data && data.priorities.length > 0 && (
            <section className="qk-panel">
              <h2 className="qk-panel-title">{t('queue.kiosk.priorityTitle')}</h2>
              <div className="qk-panel-hint">{t('queue.kiosk.priorityHint')}</div>
              <div className="qk-priorities" role="radiogroup" aria-label={t('queue.kiosk.priorityTitle')}>
                {data.priorities.map((p) => (
                  <button
                    key={p.code}
                    type="button"
                    role="radio"
                    aria-checked={priority === p.code}
                    className={`qk-choice${priority === p.code ? ' qk-choice-on' : ''}`}
                    onClick={() => setPriority(priority === p.code ? null : p.code)}
                  >
                    {priority === p.code && <CheckCircleFilled />} {p.name}
                  </button>
                ))}
              </div>
            </section>
          )}
          {askPhone && (
          <section className="qk-panel" data-testid="kiosk-phone-panel">
            <h2 className="qk-panel-title">{t('queue.kiosk.phoneTitle')}</h2>
            <div className="qk-panel-hint">{t('queue.kiosk.phoneHint')}</div>
            <div className={`qk-phone${phone ? '' : ' qk-phone-empty'}${phoneOk ? '' : ' qk-phone-bad'}`} data-testid="kiosk-phone" aria-live="polite">
              {phone ? formatPhone(phone) : t('queue.kiosk.phonePlaceholder')}
            </div>
            {!phoneOk && <div className="qk-phone-error">{t('queue.kiosk.phoneInvalid')}</div>}
            <NumericKeypad value={phone} onChange={setPhone} maxLength={10} t={t} />
          </section>
          )}
        </div>
        {error && (
          <div className="qk-error" role="alert">
            <strong>{t('queue.kiosk.error')}:</strong> {error}
          </div>
        )}
        <div className="qk-actions">
          <button type="button" className="qk-btn qk-btn-ghost" onClick={reset}>
            <LeftOutlined /> {t('queue.kiosk.back')}
          </button>
          <button type="button" className="qk-btn qk-btn-primary" onClick={submit} disabled={!phoneOk || issue.isPending} data-testid="kiosk-issue">
            {issue.isPending ? <Spin /> : <PrinterOutlined />} {issue.isPending ? t('queue.kiosk.issuing') : t('queue.kiosk.issue')}
          </button>
        </div>
      </div>
    );
  } else {
    body = (
      <div className="qk-fields">
        <h1 className="qk-title">{t('queue.kiosk.chooseField')}</h1>
        <div className="qk-subtitle">{t('queue.kiosk.chooseFieldHint')}</div>
        <div className="qk-grid" data-count={data?.queues.length ?? 0}>
          {data?.queues.map((q) => {
            const name = splitFieldName(q.name);
            return (
              <button
                key={q.code}
                type="button"
                className={`qk-tile${q.kind === 'group' ? ' qk-tile-group' : ''}`}
                disabled={!q.available}
                data-field={q.code}
                onClick={() => {
                  setQueue(q);
                  setStep('details');
                }}
              >
                <span className="qk-tile-name">{name.main}</span>
                {name.detail && <span className="qk-tile-detail">{name.detail}</span>}
                <span className="qk-tile-foot">
                  {q.available ? (
                    <>
                      <span className="qk-tile-counters">{t('queue.counters', { list: q.counters.join(', ') })}</span>
                      <span className="qk-tile-waiting">{q.waiting > 0 ? t('queue.kiosk.waiting', { count: q.waiting }) : t('queue.kiosk.waitingNone')}</span>
                    </>
                  ) : (
                    <span className="qk-tile-off">{t('queue.kiosk.unavailable')}</span>
                  )}
                </span>
              </button>
            );
          })}
        </div>
      </div>
    );
  }

  return (
    <div className="qk" lang="vi">
      <HallHeader centerName={data?.center.name} t={t} />
      <main className="qk-main">{body}</main>
      <footer className="qk-foot">
        <span>{t('queue.kiosk.footer')}</span>
        <span>{t('queue.kiosk.scanToFollow')}</span>
      </footer>
      {ticket && <TicketSlip ticket={ticket} priorityName={priorityName(ticket.priority)} t={t} />}
    </div>
  );
}

/** The number on screen while the ticket prints; back to the start after a few seconds. */
function Issued({ ticket, priorityName, t, onDone }: { ticket: QueueIssued; priorityName: string | null; t: TFunction; onDone: () => void }) {
  const [left, setLeft] = useState(DONE_SECONDS);
  useEffect(() => {
    // Let the slip (and its QR code) reach the DOM before the print dialog freezes the page.
    const id = setTimeout(() => window.print(), 300);
    return () => clearTimeout(id);
  }, []);

  useEffect(() => {
    if (left <= 0) {
      onDone();
      return;
    }
    const id = setTimeout(() => setLeft((s) => s - 1), 1000);
    return () => clearTimeout(id);
  }, [left, onDone]);

  const name = splitFieldName(ticket.fieldName).main;
  return (
    <div className="qk-issued" data-testid="kiosk-issued">
      <div className="qk-issued-card">
        <div className="qk-issued-info">
          <div className="qk-issued-label">{t('queue.kiosk.yourNumber')}</div>
          <div className="qk-issued-number" data-testid="kiosk-number">
            {ticket.displayNumber}
          </div>
          {priorityName && <div className="qk-issued-priority">{`${t('queue.priority')}: ${priorityName}`}</div>}
          <div className="qk-issued-field">{name}</div>
          <div className="qk-issued-goto">{t('queue.kiosk.goTo', { counters: t('queue.counters', { list: ticket.counters.join(', ') }) })}</div>
          <div className="qk-issued-facts">
            <div>
              <span>{t('queue.kiosk.ahead')}</span>
              <strong data-testid="kiosk-ahead">{ticket.ahead === 0 ? t('queue.kiosk.aheadNone') : t('queue.kiosk.aheadCount', { count: ticket.ahead })}</strong>
            </div>
            <div>
              <span>{t('queue.kiosk.estimatedWait')}</span>
              <strong>{waitText(t, ticket.estimatedWaitMinutes)}</strong>
            </div>
          </div>
        </div>
        <div className="qk-issued-qr">
          <QrCode value={absoluteUrl(ticket.followUrl)} size="11em" />
          <span>{t('queue.slip.scan')}</span>
        </div>
      </div>
      <div className="qk-issued-take">{t('queue.kiosk.takeTicket')}</div>
      <div className="qk-actions">
        <button type="button" className="qk-btn qk-btn-ghost" onClick={() => window.print()}>
          <PrinterOutlined /> {t('queue.kiosk.printAgain')}
        </button>
        <button type="button" className="qk-btn qk-btn-primary" onClick={onDone}>
          {t('queue.kiosk.done')}
        </button>
      </div>
      <div className="qk-issued-back">{t('queue.kiosk.backIn', { count: left })}</div>
    </div>
  );
}
