import { useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { TFunction } from 'i18next';
import type { QueueIssued } from '../../api/types';
import { QrCode } from './QrCode';
import { absoluteUrl, centerLines, dmy, hhmm, splitFieldName, waitText } from './util';

const PX_PER_MM = 96 / 25.4;


/**
 * The ticket as printed on an 80 mm thermal roll: rendered into <body> outside the app, hidden on screen and the
 * only thing printed while it is mounted (the kiosk sets `qprint-ticket` on <body>). The page is 80 mm wide and
 * exactly as tall as the ticket (measured), so a roll printer cuts right after it.
 */
export function TicketSlip({ ticket, priorityName, t }: { ticket: QueueIssued; priorityName?: string | null; t: TFunction }) {
  const ref = useRef<HTMLDivElement>(null);
  const [heightMm, setHeightMm] = useState(150);
  const followUrl = absoluteUrl(ticket.followUrl);
  const field = splitFieldName(ticket.fieldName).main;

  useLayoutEffect(() => {
    const el = ref.current;
    if (el) setHeightMm(Math.ceil(el.getBoundingClientRect().height / PX_PER_MM) + 2);
  }, [ticket]);

  return createPortal(
    <div className="qslip-root" data-testid="ticket-slip">
      {/* Only while the kiosk shows a ticket; `size: 80mm auto` first, then the measured height. */}
      <style>{`@page { size: 80mm auto; margin: 0; } @page { size: 80mm ${heightMm}mm; margin: 0; }`}</style>
      <div className="qslip" ref={ref}>
        <div className="qslip-center">
          {centerLines(ticket.centerName).map((line) => (
            <div key={line}>{line}</div>
          ))}
        </div>
        <div className="qslip-rule" />
        <div className="qslip-label">{t('queue.slip.number')}</div>
        <div className="qslip-number">{ticket.displayNumber}</div>
        {priorityName && <div className="qslip-priority">{`${t('queue.priority')}: ${priorityName}`}</div>}
        <div className="qslip-field">{field}</div>
        <div className="qslip-facts">
          <div>
            <span>{t('queue.slip.counters')}</span>
            <span className="qslip-strong">{ticket.counters.join(', ')}</span>
          </div>
          <div>
            <span>{t('queue.slip.ahead')}</span>
            <span className="qslip-strong">{ticket.ahead}</span>
          </div>
          <div>
            <span>{t('queue.slip.wait')}</span>
            <span>{waitText(t, ticket.estimatedWaitMinutes)}</span>
          </div>
          <div>
            <span>{t('queue.slip.issuedAt')}</span>
            <span>
              {hhmm(ticket.issuedAt)} · {dmy(ticket.issuedAt)}
            </span>
          </div>
        </div>
        <div className="qslip-qr">
          <QrCode value={followUrl} size="30mm" title={t('queue.slip.scan')} />
        </div>
        <div className="qslip-scan">{t('queue.slip.scan')}</div>
        <div className="qslip-url">{followUrl}</div>
        <div className="qslip-rule" />
        <div className="qslip-thanks">{t('queue.slip.thanks')}</div>
      </div>
    </div>,
    document.body,
  );
}
