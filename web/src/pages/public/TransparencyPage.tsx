// Public transparency page of a center (/cong-khai/<center code>): this month's on-time share, the late dossiers for
// which an apology and new appointment were issued (codes only), the satisfaction results, the feedback answers
// published this month (content excerpt and answer) — no personal data.
import { Link, useParams } from 'react-router-dom';
import { Alert, Card, Col, Progress, Row, Skeleton, Statistic, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, http } from '../../api/client';
import type { CenterTransparency } from '../../api/types';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDate, formatDateTime } from '../../lib/format';

export default function TransparencyPage() {
  const { center = '' } = useParams();
  const { t, i18n } = useTranslation();
  usePageTitle(t('ranking.transparency.title'));
  const q = useQuery({
    queryKey: ['transparency', center],
    queryFn: () => http.get<CenterTransparency>(`/public/centers/${encodeURIComponent(center)}/transparency`),
    retry: false,
  });
  const pct = (v: number) => v.toLocaleString(i18n.language === 'en' ? 'en-US' : 'vi-VN', { maximumFractionDigits: 1 });
  if (q.isLoading) return <Card style={{ maxWidth: 1040, margin: '16px auto' }}><Skeleton active /></Card>;
  if (q.error || !q.data) {
    return (
      <Card style={{ maxWidth: 1040, margin: '16px auto' }}>
        <Alert type="error" showIcon message={q.error instanceof ApiError ? q.error.message : String(q.error)} />
      </Card>
    );
  }
  const d = q.data;
  return (
    <div style={{ maxWidth: 1040, margin: '16px auto', padding: '0 12px' }} data-testid="transparency">
      <h1 style={{ fontSize: 24, marginBottom: 4 }}>{t('ranking.transparency.title')}</h1>
      <h2 style={{ fontSize: 18, fontWeight: 500, marginTop: 0 }}>{d.center.name}</h2>
      <p className="muted">{t('ranking.transparency.period', { month: d.period.from.slice(5, 7) + '/' + d.period.from.slice(0, 4), from: formatDate(d.period.from), to: formatDate(d.period.to) })} · {formatDateTime(d.generatedAt)}</p>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Card title={t('ranking.transparency.onTime')} style={{ height: '100%' }}>
            {d.onTime.share === null ? <p className="muted">{t('ranking.transparency.noEnded')}</p> : (
              <>
                <Progress type="dashboard" percent={d.onTime.share} format={() => `${pct(d.onTime.share!)} %`} strokeColor="#2f7d32" data-testid="transparency-ontime" />
                <p>{t('ranking.transparency.onTimeDetail', { onTime: d.onTime.onTime, ended: d.onTime.ended })}</p>
              </>
            )}
            <p className="muted small"><strong>{t('ranking.transparency.formula')}:</strong> {d.onTime.formula}</p>
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card title={t('ranking.transparency.evaluations')} style={{ height: '100%' }}>
            {d.evaluations.count === 0 ? <p className="muted">{t('ranking.transparency.noEvaluations')}</p> : (
              <>
                <Statistic title={t('ranking.transparency.satisfaction')} value={d.evaluations.satisfaction === null ? '—' : `${pct(d.evaluations.satisfaction)} %`} />
                <p className="muted">{t('ranking.transparency.evaluationsCount', { count: d.evaluations.count })}</p>
                <Table size="small" pagination={false} rowKey="text" dataSource={d.evaluations.questions}
                  columns={[
                    { title: t('ranking.transparency.question'), dataIndex: 'text' },
                    { title: t('ranking.transparency.average'), dataIndex: 'average', width: 120, align: 'right', render: (v: number | null) => (v === null ? '—' : pct(v)) },
                  ]} />
              </>
            )}
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={t('ranking.transparency.late')}>
            {d.lateWithApology.count === 0 ? <p className="muted">{t('ranking.transparency.lateNone')}</p> : (
              <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }} data-testid="transparency-late">
                {d.lateWithApology.items.map((x) => (
                  <Tag key={x.code} style={{ fontSize: 14, padding: '4px 8px' }}>
                    <span className="code">{x.code}</span>
                    <span className="muted"> · {x.newDueAt ? t('ranking.transparency.newDue', { date: formatDate(x.newDueAt) }) : t(`ranking.transparency.apology.${x.apology}`)}</span>
                  </Tag>
                ))}
              </div>
            )}
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={t('ranking.transparency.feedback')}>
            {d.feedback.onTime.closed > 0 && (
              <p data-testid="transparency-feedback-ontime">
                {t('ranking.transparency.feedbackOnTime', { onTime: d.feedback.onTime.onTime, closed: d.feedback.onTime.closed, share: pct(d.feedback.onTime.share ?? 0) })}
              </p>
            )}
            {d.feedback.count === 0 ? <p className="muted">{t('ranking.transparency.feedbackNone')}</p> : (
              <Table size="small" pagination={false} rowKey="code" dataSource={d.feedback.items} data-testid="transparency-feedback-list"
                columns={[
                  { title: t('ranking.transparency.feedbackContent'), dataIndex: 'content', render: (v: string, x) => <div><span className="code small">{x.code}</span><div style={{ whiteSpace: 'pre-wrap' }}>{v}</div></div> },
                  { title: t('ranking.transparency.feedbackAnswer'), dataIndex: 'answer', render: (v: string) => <div style={{ whiteSpace: 'pre-wrap' }}>{v}</div> },
                  { title: t('ranking.transparency.feedbackPublished'), dataIndex: 'publishedAt', width: 120, render: (v: string) => formatDate(v) },
                ]} />
            )}
            <p className="muted small" style={{ marginTop: 8 }}>
              <Link to="/phan-anh/cong-khai" data-testid="transparency-feedback">{t('feedback.published.title')}</Link>
            </p>
          </Card>
        </Col>
      </Row>
      <p className="muted small" style={{ marginTop: 16 }}>{t('ranking.transparency.privacy')}</p>
    </div>
  );
}
