// Public rating page opened by the single-use link (QR on the returned satisfaction form): one radio group per
// question, sent once. Works on a 390 px phone.
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, Button, Card, Radio, Skeleton, Space } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, http } from '../../api/client';
import { usePageTitle } from '../../components/usePageTitle';

interface Form {
  dossierCode: string;
  submitted: boolean;
  questions: { id: string; text: string; options: { value: number; label: string }[] }[];
}

export default function RatePage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('evaluations.title'));
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const q = useQuery({ queryKey: ['evaluation', token], queryFn: () => http.get<Form>(`/public/evaluations/${encodeURIComponent(token)}`), retry: false });
  const send = useMutation({
    mutationFn: () => http.post(`/public/evaluations/${encodeURIComponent(token)}`, { answers: Object.entries(answers).map(([question, value]) => ({ question, value })) }),
  });

  let body;
  if (q.isLoading) body = <Skeleton active />;
  else if (q.error) body = <Alert type="error" showIcon message={q.error instanceof ApiError && q.error.status === 404 ? t('evaluations.notFound') : q.error.message} />;
  else if (q.data?.submitted || (send.error instanceof ApiError && send.error.status === 409)) body = <Alert type="info" showIcon message={t('evaluations.already')} />;
  else if (send.isSuccess) body = <Alert type="success" showIcon message={t('evaluations.thanks')} />;
  else if (q.data) {
    const complete = q.data.questions.every((x) => x.id in answers);
    body = (
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <p>{t('evaluations.intro', { code: q.data.dossierCode })}</p>
        {q.data.questions.map((x, i) => (
          <fieldset key={x.id} style={{ border: 0, padding: 0, margin: 0 }}>
            <legend style={{ fontWeight: 600, fontSize: 16 }}>{`${i + 1}. ${x.text}`}</legend>
            <Radio.Group value={answers[x.id]} onChange={(e) => setAnswers({ ...answers, [x.id]: e.target.value as number })}>
              <Space direction="vertical">
                {x.options.map((o) => <Radio key={o.value} value={o.value} style={{ fontSize: 16, padding: '4px 0' }}>{o.label}</Radio>)}
              </Space>
            </Radio.Group>
          </fieldset>
        ))}
        {send.error && !(send.error instanceof ApiError && send.error.status === 409) && <Alert type="error" showIcon message={send.error.message} />}
        <Button type="primary" size="large" block disabled={!complete} loading={send.isPending} onClick={() => send.mutate()}>
          {complete ? t('evaluations.submit') : t('evaluations.missing')}
        </Button>
      </Space>
    );
  }
  return (
    <Card title={t('evaluations.title')} style={{ maxWidth: 720, margin: '16px auto' }}>
      {body}
    </Card>
  );
}
