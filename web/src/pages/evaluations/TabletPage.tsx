// Máy tính bảng đánh giá tại quầy (issue 14 item 4): a full-screen page in kiosk mode on the tablet of a return
// counter, paired by the admin's link. A welcome screen until the clerk presses "Mời đánh giá" for the dossier just
// returned (polled every 2 s), then big touch buttons per question, recorded once, a thank-you, and back to welcome.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckCircleFilled, SmileOutlined } from '@ant-design/icons';
import { Alert, Button, Spin } from 'antd';
import { ApiError } from '../../api/client';
import { errorText } from '../../components/ErrorState';
import { useHallPage } from '../../components/queue/useHallPage';
import { adoptTabletPairing, tabletHeaders, useTabletAnswer, useTabletState } from '../console/evaluations/api';
import './tablet.css';

if (typeof window !== 'undefined') adoptTabletPairing();

const THANKS_MS = 6_000;

export default function TabletPage() {
  const { i18n } = useTranslation();
  const t = useMemo(() => i18n.getFixedT('vi'), [i18n]);
  useHallPage('etab-body', t('evaluations.tablet.pageTitle'));
  const paired = Object.keys(tabletHeaders()).length > 0;
  const state = useTabletState(paired);
  const send = useTabletAnswer();
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [thanked, setThanked] = useState<string | null>(null);
  const pending = state.data?.pending ?? null;
  const token = pending?.token ?? null;

  // A new dossier on the tablet: fresh answers.
  const resetSend = send.reset;
  useEffect(() => {
    setAnswers({});
    resetSend();
  }, [token, resetSend]);
  useEffect(() => {
    if (!thanked) return;
    const id = setTimeout(() => setThanked(null), THANKS_MS);
    return () => clearTimeout(id);
  }, [thanked]);

  const notPaired = !paired || (state.error instanceof ApiError && state.error.status === 403);
  let body;
  if (notPaired) {
    body = (
      <div className="etab-center">
        <h1>{t('evaluations.tablet.pairTitle')}</h1>
        <p>{t('evaluations.tablet.pairText')}</p>
      </div>
    );
  } else if (state.isPending) {
    body = <div className="etab-center"><Spin size="large" /></div>;
  } else if (thanked) {
    body = (
      <div className="etab-center" data-testid="tablet-thanks">
        <CheckCircleFilled className="etab-icon etab-ok" />
        <h1>{t('evaluations.tablet.thanks')}</h1>
        <p>{t('evaluations.tablet.thanksText')}</p>
      </div>
    );
  } else if (!pending) {
    body = (
      <div className="etab-center" data-testid="tablet-welcome">
        <SmileOutlined className="etab-icon" />
        <h1>{t('evaluations.tablet.welcome')}</h1>
        <p>{t('evaluations.tablet.welcomeText')}</p>
      </div>
    );
  } else {
    const complete = pending.questions.every((q) => q.id in answers);
    const already = send.error instanceof ApiError && send.error.status === 409;
    body = (
      <div className="etab-form" data-testid="tablet-form">
        <div className="etab-dossier">{t('evaluations.tablet.dossier', { code: pending.dossierCode })} · {pending.procedureName}</div>
        {pending.questions.map((q, i) => (
          <div key={q.id} className="etab-question">
            <div className="etab-qtext">{`${i + 1}. ${q.text}`}</div>
            <div className="etab-options" role="radiogroup" aria-label={q.text}>
              {q.options.map((o) => (
                <button key={o.value} type="button" role="radio" aria-checked={answers[q.id] === o.value}
                  className={`etab-option${answers[q.id] === o.value ? ' etab-chosen' : ''}${o.value === 0 ? ' etab-bad' : ''}`}
                  onClick={() => setAnswers({ ...answers, [q.id]: o.value })}>
                  {o.label}
                </button>
              ))}
            </div>
          </div>
        ))}
        {send.error && <Alert type={already ? 'info' : 'error'} showIcon title={already ? t('evaluations.already') : errorText(t, send.error)} />}
        <Button type="primary" size="large" block className="etab-submit" disabled={!complete} loading={send.isPending} data-testid="tablet-submit"
          onClick={() => send.mutate(
            { token: pending.token, answers: Object.entries(answers).map(([question, value]) => ({ question, value })) },
            { onSuccess: () => { setThanked(pending.token); void state.refetch(); } },
          )}>
          {complete ? t('evaluations.submit') : t('evaluations.missing')}
        </Button>
      </div>
    );
  }

  const tab = state.data?.tablet;
  return (
    <div className="etab">
      <header className="etab-header">
        <div className="etab-title">{t('evaluations.title')}</div>
        {tab && <div className="etab-where">{tab.centerName} · {tab.counterName}</div>}
      </header>
      <main className="etab-main">{body}</main>
    </div>
  );
}
