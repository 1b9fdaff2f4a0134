import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { SoundOutlined } from '@ant-design/icons';
import { Spin } from 'antd';
import type { QueueCallEvent, QueueCounter } from '../../api/types';
import { ApiError } from '../../api/client';
import { Announcer } from '../../components/queue/announcer';
import { HallHeader } from '../../components/queue/HallHeader';
import { useBoardStream } from '../../components/queue/useBoardStream';
import { useHallPage } from '../../components/queue/useHallPage';
import { callSentence, counterFieldLabel, hhmm, splitFieldName } from '../../components/queue/util';
import '../../components/queue/queue.css';

const RECENT = 5;

/** Size class for a ticket number, so "A-2015" fits its tile as well as "2015". */
const numClass = (s: string) => (s.length <= 4 ? '' : s.length <= 6 ? ' qb-num-md' : ' qb-num-sm');

/**
 * Bảng hiển thị (TV in the hall, 1920×1080, no login): the number at each counter with the latest call
 * highlighted, waiting counts, recent calls, results ready for collection and the day's figures, live through
 * Server-Sent Events; each call is read aloud ("Mời số 2015 đến quầy số 5"), one announcement at a time.
 */
export default function BoardPage() {
  const { center = '' } = useParams();
  const { i18n } = useTranslation();
  const t = useMemo(() => i18n.getFixedT('vi'), [i18n]);
  useHallPage('qhall-body qb-body', `${t('queue.board.pageTitle')} · ${t('app.titleShort')}`);

  const announcer = useMemo(() => new Announcer('vi'), []);
  const soundOn = useSyncExternalStore(announcer.subscribe, () => announcer.isEnabled);
  useEffect(() => {
    announcer.tryAutoUnlock();
    (window as unknown as { motcuaAnnouncer?: Announcer }).motcuaAnnouncer = announcer;
    return () => announcer.disable();
  }, [announcer]);

  const onCall = useCallback((c: QueueCallEvent) => announcer.announce(c.text || callSentence(t, c.displayNumber, c.counterNumber)), [announcer, t]);
  const { board, error, live, callSeq } = useBoardStream(center, onCall);

  const fieldNames = useMemo(() => new Map((board?.waiting ?? []).map((w) => [w.code, splitFieldName(w.name).main])), [board?.waiting]);
  // Waiting counts in the order of the counters that serve them (as people see the counters in the hall).
  const waiting = useMemo(() => {
    const first = new Map<string, number>();
    for (const c of [...(board?.counters ?? [])].sort((a, b) => a.number - b.number)) for (const f of c.fields) if (!first.has(f)) first.set(f, c.number);
    return [...(board?.waiting ?? [])].sort((a, b) => (first.get(a.code) ?? 999) - (first.get(b.code) ?? 999) || a.name.localeCompare(b.name, 'vi'));
  }, [board?.counters, board?.waiting]);

  if (!board) {
    const notFound = error instanceof ApiError && error.status === 404;
    return (
      <div className="qb qb-empty" lang="vi">
        <HallHeader t={t} seconds />
        <div className="qb-message">{error ? (notFound ? t('queue.centerNotFound', { center }) : t('queue.offline')) : <Spin size="large" />}</div>
      </div>
    );
  }

  const latest = board.latestCall;
  const hot = latest?.counterNumber;
  const cols = board.counters.length <= 8 ? 4 : board.counters.length <= 15 ? 5 : 6;
  const rate = board.today.onTimeRate;

  const tile = (c: QueueCounter) => {
    const isHot = c.number === hot && !!c.current;
    const num = c.current?.displayNumber;
    return (
      <div
        key={isHot ? `${c.id}-${callSeq}` : c.id}
        className={`qb-counter qb-counter-${c.status}${isHot ? ' qb-counter-hot' : ''}${c.current ? ` qb-counter-${c.current.status}` : ''}`}
        data-counter={c.number}
        data-testid={`board-counter-${c.number}`}
      >
        <div className="qb-counter-head">
          <span>{t('queue.counterNo', { n: c.number })}</span>
        </div>
        <div className={`qb-counter-num${num ? numClass(num) : ' qb-counter-idle'}`}>
          {num ?? (c.status === 'closed' ? t('queue.board.closed') : c.status === 'paused' ? t('queue.board.paused') : '—')}
        </div>
        <div className="qb-counter-field">{c.fields.length === 1 ? (fieldNames.get(c.fields[0]) ?? counterFieldLabel(c.name)) : counterFieldLabel(c.name)}</div>
      </div>
    );
  };

  return (
    <div className="qb" lang="vi">
      <HallHeader
        centerName={board.center.name}
        t={t}
        seconds
        extra={
          <div className={`qb-live${live ? '' : ' qb-live-off'}`} data-testid="board-live" data-live={live ? '1' : '0'}>
            <span className="qb-live-dot" /> {live ? t('queue.board.live') : t('queue.board.reconnecting')}
          </div>
        }
      />
      <div className="qb-main">
        <div className="qb-left">
          <section key={callSeq} className={`qb-call${latest ? ' qb-call-on' : ''}`} data-testid="board-latest" aria-live="polite">
            {latest ? (
              <>
                <span className="qb-call-label">{t('queue.board.invite')}</span>
                <span className={`qb-call-number${numClass(latest.displayNumber)}`}>{latest.displayNumber}</span>
                <span className="qb-call-label">{t('queue.board.toCounter')}</span>
                <span className="qb-call-counter">{latest.counterNumber}</span>
              </>
            ) : (
              <span className="qb-call-idle">{t('queue.board.idle')}</span>
            )}
          </section>
          <div className="qb-counters" style={{ gridTemplateColumns: `repeat(${cols}, minmax(0, 1fr))` }}>
            {board.counters.map(tile)}
          </div>
        </div>
        <aside className="qb-side">
          <section className="qb-box qb-recent">
            <h2>{t('queue.board.recent')}</h2>
            {board.recentCalls.length === 0 ? (
              <div className="qb-none">{t('queue.board.noRecent')}</div>
            ) : (
              <ol>
                {board.recentCalls.slice(0, RECENT).map((r, i) => (
                  <li key={`${r.displayNumber}-${r.counterNumber}-${r.calledAt}`} className={i === 0 ? 'qb-recent-first' : undefined}>
                    <span className="qb-recent-num">{r.displayNumber}</span>
                    <span className="qb-recent-arrow">→</span>
                    <span className="qb-recent-counter">{t('queue.counter', { n: r.counterNumber })}</span>
                    <span className="qb-recent-time">{hhmm(r.calledAt)}</span>
                  </li>
                ))}
              </ol>
            )}
          </section>
          <section className="qb-box qb-waiting">
            <h2>{t('queue.board.waiting')}</h2>
            <ul>
              {waiting.map((w) => (
                <li key={w.code} className={w.count > 0 ? 'qb-waiting-some' : undefined} data-field={w.code}>
                  <span className="qb-waiting-name">{splitFieldName(w.name).main}</span>
                  <span className="qb-waiting-count">{w.count}</span>
                </li>
              ))}
            </ul>
          </section>
        </aside>
      </div>
      <footer className="qb-foot">
        <div className="qb-today" data-testid="board-today">
          <span className="qb-today-title">{t('queue.board.today')}</span>
          <span>
            {t('queue.board.issued')} <b>{board.today.ticketsIssued}</b>
          </span>
          <span>
            {t('queue.board.served')} <b>{board.today.ticketsServed}</b>
          </span>
          <span>
            {t('queue.board.received')} <b>{board.today.dossiersReceived}</b>
          </span>
          <span>
            {t('queue.board.returned')} <b>{board.today.dossiersReturned}</b>
          </span>
          <span>
            {t('queue.board.onTime')} <b>{rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`.replace('.', ',')}</b>
          </span>
        </div>
        <div className="qb-ready">
          <span className="qb-ready-title">{t('queue.board.ready')}</span>
          <div className="qb-ready-track">
            {board.readyForCollection.length === 0 ? (
              <span className="qb-none">{t('queue.board.noReady')}</span>
            ) : (
              <div className="qb-ready-marquee" style={{ animationDuration: `${Math.max(20, board.readyForCollection.length * 4)}s` }} data-testid="board-ready">
                {board.readyForCollection.map((code) => (
                  <span key={code} className="qb-ready-code">
                    {code}
                  </span>
                ))}
              </div>
            )}
          </div>
        </div>
      </footer>
      {!soundOn && (
        <button type="button" className="qb-sound" onClick={() => void announcer.unlock()} data-testid="board-sound">
          <SoundOutlined />
          <span>
            <strong>{t('queue.board.soundOn')}</strong>
            <small>{t('queue.board.soundHint')}</small>
          </span>
        </button>
      )}
    </div>
  );
}
