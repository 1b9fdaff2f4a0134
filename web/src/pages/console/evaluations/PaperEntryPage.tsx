// Nhập phiếu đánh giá giấy (issue 14 item 4): scan the barcode on the returned rating form (the dossier code) or
// type it, tick the answers as on the paper and save; recorded once, with who typed it in.
import { useRef, useState } from 'react';
import type { InputRef } from 'antd';
import { Alert, App, Button, Card, Col, Descriptions, Input, Radio, Row, Skeleton, Space } from 'antd';
import { BarcodeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../components/ErrorState';
import { usePageTitle } from '../../../components/usePageTitle';
import { formatDate, formatDateTime } from '../../../lib/format';
import { PageHeader } from '../PageHeader';
import { useDossierEvaluation, useSavePaper } from './api';
import { DerivedBox } from './DerivedBox';

export default function PaperEntryPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  usePageTitle(t('evaluations.paper.title'));
  const [input, setInput] = useState('');
  const field = useRef<InputRef>(null);
  const [code, setCode] = useState('');
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const ev = useDossierEvaluation(code);
  const save = useSavePaper();
  const find = () => {
    const c = input.trim().toUpperCase();
    if (!c) return;
    setAnswers({});
    save.reset();
    setCode(c);
  };
  const d = ev.data;
  const complete = !!d && d.questions.every((q) => q.id in answers);

  return (
    <div className="console-page">
      <PageHeader title={t('evaluations.paper.title')} subtitle={t('evaluations.paper.subtitle')} />
      <Card style={{ marginBottom: 16 }}>
        <Space.Compact style={{ maxWidth: 520, width: '100%' }}>
          <Input ref={field} autoFocus size="large" prefix={<BarcodeOutlined />} value={input} onChange={(e) => setInput(e.target.value)} onPressEnter={find}
            placeholder={t('evaluations.paper.barcode')} aria-label={t('evaluations.paper.barcode')} maxLength={60} data-testid="paper-code" />
          <Button size="large" type="primary" onClick={find} data-testid="paper-find">{t('evaluations.paper.find')}</Button>
        </Space.Compact>
      </Card>
      {code && ev.isPending && <Skeleton active />}
      {ev.isError && <Alert type="error" showIcon title={errorText(t, ev.error)} />}
      {d && (
        <Row gutter={16}>
          <Col xs={24} lg={14}>
            <Card title={`${d.dossierCode}`} data-testid="paper-form">
              <Descriptions size="small" column={1} style={{ marginBottom: 16 }}>
                <Descriptions.Item label={t('evaluations.paper.applicant')}>{d.applicantName}</Descriptions.Item>
                <Descriptions.Item label={t('evaluations.paper.procedure')}>{d.procedureName}</Descriptions.Item>
                <Descriptions.Item label={t('evaluations.paper.settled')}>{d.settledAt ? formatDate(d.settledAt) : '—'}</Descriptions.Item>
              </Descriptions>
              {d.evaluation.submitted ? (
                <Alert type={save.isSuccess ? 'success' : 'info'} showIcon data-testid="paper-done"
                  title={save.isSuccess ? t('evaluations.paper.saved', { code: d.dossierCode })
                    : t('evaluations.paper.already', { channel: t(`evaluations.channel.${d.evaluation.channel ?? 'link'}`), at: formatDateTime(d.evaluation.submittedAt) })}
                  description={d.evaluation.enteredBy ? t('evaluations.paper.enteredBy', { name: d.evaluation.enteredBy }) : undefined} />
              ) : (
                <Space direction="vertical" size="middle" style={{ width: '100%' }}>
                  {d.questions.map((q, i) => (
                    <fieldset key={q.id} style={{ border: 0, padding: 0, margin: 0 }}>
                      <legend style={{ fontWeight: 600, fontSize: 14 }}>{`${i + 1}. ${q.text}`}</legend>
                      <Radio.Group value={answers[q.id]} onChange={(e) => setAnswers({ ...answers, [q.id]: e.target.value as number })}>
                        {q.options.map((o) => <Radio key={o.value} value={o.value}>{o.label}</Radio>)}
                      </Radio.Group>
                    </fieldset>
                  ))}
                  {save.isError && <Alert type="error" showIcon title={errorText(t, save.error)} />}
                  <Button type="primary" disabled={!complete} loading={save.isPending} data-testid="paper-save"
                    onClick={() => save.mutate({ code: d.dossierCode, answers: Object.entries(answers).map(([question, value]) => ({ question, value })) },
                      {
                        onSuccess: () => {
                          void message.success(t('evaluations.paper.saved', { code: d.dossierCode }));
                          // Ready for the next form in the pile: scan again.
                          setInput('');
                          field.current?.focus();
                        },
                      })}>
                    {complete ? t('evaluations.paper.save') : t('evaluations.missing')}
                  </Button>
                </Space>
              )}
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Card><DerivedBox derived={d.derived} /></Card>
          </Col>
        </Row>
      )}
    </div>
  );
}
