import { useEffect, useRef, type ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { CheckCircleOutlined, ClockCircleOutlined, SoundOutlined, StopOutlined } from '@ant-design/icons';
import { Spin } from 'antd';
import { ApiError } from '../../api/client';
import { BrandMark } from '../../components/BrandMark';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { errorText } from '../../components/ErrorState';
import { useFollow } from '../../components/queue/api';
import { useHallPage } from '../../components/queue/useHallPage';
import { centerLines, hhmm, hhmmss, splitFieldName, waitText } from '../../components/queue/util';
import '../../components/queue/queue.css';

/**
 * The ticket's QR code opens this page on the visitor's phone: position, estimated wait and, when called, the
 * counter to go to. Refreshes every 10 seconds (and when the phone comes back to the page); the phone vibrates
 * once when the number is called.
 */
export default function FollowPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  useHallPage('qf-body', `${t('queue.follow.pageTitle')} · ${t('app.titleShort')}`);
  const q = useFollow(id);
  const tk = q.data;

  const lastStatus = useRef<string | null>(null);
  useEffect(() => {
    if (!tk) return;
    if (tk.status === 'called' && lastStatus.current && lastStatus.current !== 'called') {
      try {
        navigator.vibrate?.([300, 150, 300]);
      } catch {
        /* not supported */
      }
    }
    lastStatus.current = tk.status;
  }, [tk]);

  let content: ReactNode;
  if (q.isPending) {
    content = (
      <div className="qf-card qf-center">
        <Spin size="large" />
      </div>
    );
  } else if (!tk) {
    const notFound = q.error instanceof ApiError && (q.error.status === 404 || q.error.status === 400);
    content = <div className="qf-card qf-center qf-error">{notFound ? t('queue.follow.notFound') : errorText(t, q.error)}</div>;
  } else {
    const counter = tk.counter?.number;
    content = (
      <>
        <div className={`qf-card qf-ticket qf-${tk.status}`} data-testid="follow-card" data-status={tk.status}>
          <div className="qf-center-name">
            {centerLines(tk.centerName).map((line) => (
              <div key={line}>{line}</div>
            ))}
          </div>
          <div className="qf-label">{t('queue.follow.yourNumber')}</div>
          <div className="qf-number" data-testid="follow-number">
            {tk.displayNumber}
          </div>
          <div className="qf-field">{splitFieldName(tk.fieldName).main}</div>
          <div className="qf-issued">{t('queue.follow.issuedAt', { time: hhmm(tk.issuedAt) })}</div>
        </div>

        {tk.status === 'waiting' && (
          <div className="qf-card qf-state">
            <div className="qf-facts">
              <div>
                <span>{t('queue.follow.ahead')}</span>
                <strong data-testid="follow-ahead">{tk.ahead}</strong>
              </div>
              <div>
                <span>{t('queue.follow.estimatedWait')}</span>
                <strong>{waitText(t, tk.estimatedWaitMinutes)}</strong>
              </div>
              {tk.counters.length > 0 && (
                <div>
                  <span>{t('queue.follow.servingCounters')}</span>
                  <strong>{tk.counters.join(', ')}</strong>
                </div>
              )}
            </div>
            <p className="qf-text">
              <ClockCircleOutlined /> {t('queue.follow.waitingText')}
            </p>
          </div>
        )}
        {tk.status === 'called' && (
          <div className="qf-card qf-state qf-called-box" role="alert">
            <SoundOutlined className="qf-big-icon" />
            <div className="qf-called-title">{t('queue.follow.calledTitle')}</div>
            <div className="qf-called-text" data-testid="follow-called">
              {t('queue.follow.calledText', { counter })}
            </div>
          </div>
        )}
        {tk.status === 'serving' && (
          <div className="qf-card qf-state">
            <div className="qf-text qf-strong">{t('queue.follow.servingText', { counter })}</div>
          </div>
        )}
        {tk.status === 'done' && (
          <div className="qf-card qf-state">
            <CheckCircleOutlined className="qf-big-icon qf-ok" />
            <div className="qf-text">{t('queue.follow.doneText')}</div>
          </div>
        )}
        {tk.status === 'no_show' && (
          <div className="qf-card qf-state">
            <StopOutlined className="qf-big-icon qf-bad" />
            <div className="qf-text">{t('queue.follow.noShowText')}</div>
          </div>
        )}
        <div className="qf-updated">{t('queue.follow.updated', { time: hhmmss(new Date(q.dataUpdatedAt)) })}</div>
      </>
    );
  }

  return (
    <div className="qf">
      <header className="qf-head">
        <BrandMark size={36} />
        <span className="qf-head-title">{t('queue.follow.pageTitle')}</span>
        <LanguageSwitch dark />
      </header>
      <main className="qf-main">{content}</main>
    </div>
  );
}
