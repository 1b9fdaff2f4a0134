// Public feedback and complaints (phản ánh, kiến nghị): the form (/phan-anh, ?ho-so= prefilled from a dossier's status
// page), the tracking page of one feedback (/phan-anh/PA-…) and the published answers (/phan-anh/cong-khai).
// No login; contact details are asked for but never shown back. Phone first.
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Empty, Form, Input, List, Result, Skeleton, Tag } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, http } from '../../api/client';
import type { FeedbackPublicStatus, FeedbackPublished, FeedbackStatus, FeedbackSubmit } from '../../api/types';
import { ErrorState } from '../../components/ErrorState';
import { usePublicCenter } from '../../components/useCenter';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDate } from '../../lib/format';
import '../../components/dossier/track.css';

export const FEEDBACK_STATUS_COLOR: Record<FeedbackStatus, string> = {
  received: 'blue', info_requested: 'orange', accepted: 'cyan', assigned: 'geekblue', answered: 'purple', published: 'green', rejected: 'red',
};

interface FormValues { content: string; dossierCode?: string; fullName: string; phone?: string; email?: string }

export function FeedbackFormPage() {
  const { t } = useTranslation();
  usePageTitle(t('feedback.form.title'));
  const [params] = useSearchParams();
  const { center } = usePublicCenter();
  const [form] = Form.useForm<FormValues>();
  const dossier = params.get('ho-so') ?? undefined;
  const send = useMutation({
    mutationFn: (v: FormValues) => {
      const body: FeedbackSubmit = {
        content: v.content,
        contact: { fullName: v.fullName, ...(v.phone?.trim() ? { phone: v.phone.trim() } : {}), ...(v.email?.trim() ? { email: v.email.trim() } : {}) },
        ...(v.dossierCode?.trim() ? { dossierCode: v.dossierCode.trim() } : center ? { center: center.code } : {}),
      };
      return http.post<{ code: string; dueAt: string | null }>('/public/feedback', body);
    },
  });

  if (send.data) {
    return (
      <Card className="feedback-card" style={{ maxWidth: 720, margin: '16px auto' }}>
        <Result status="success" title={t('feedback.form.sent')} subTitle={
          <span data-testid="feedback-sent">
            {t('feedback.form.sentCode', { code: send.data.code })}
            {send.data.dueAt && <><br />{t('feedback.form.dueBy', { date: formatDate(send.data.dueAt) })}</>}
          </span>}
          extra={<Link to={`/phan-anh/${send.data.code}`}><Button type="primary">{t('feedback.form.follow')}</Button></Link>} />
      </Card>
    );
  }
  return (
    <Card title={<h1 style={{ fontSize: 18, margin: 0, fontWeight: 600, lineHeight: 1.4 }}>{t('feedback.form.title')}</h1>} style={{ maxWidth: 720, margin: '16px auto' }} data-testid="feedback-form">
      <p>{t('feedback.form.lead')}</p>
      <Form<FormValues> form={form} layout="vertical" initialValues={{ dossierCode: dossier }} onFinish={(v) => send.mutate(v)} requiredMark>
        <Form.Item name="content" label={t('feedback.form.content')} rules={[{ required: true, whitespace: true, message: t('feedback.form.required', { field: t('feedback.form.content').toLowerCase() }) }]}>
          <Input.TextArea rows={5} maxLength={5000} showCount placeholder={t('feedback.form.contentPlaceholder')} data-testid="fb-content" />
        </Form.Item>
        <Form.Item name="dossierCode" label={t('feedback.form.dossierCode')}>
          <Input maxLength={60} data-testid="fb-dossier" />
        </Form.Item>
        <Form.Item name="fullName" label={t('feedback.form.fullName')} rules={[{ required: true, whitespace: true, message: t('feedback.form.required', { field: t('feedback.form.fullName').toLowerCase() }) }]}>
          <Input maxLength={120} autoComplete="name" data-testid="fb-name" />
        </Form.Item>
        <Form.Item name="phone" label={t('feedback.form.phone')}>
          <Input maxLength={15} inputMode="tel" autoComplete="tel" data-testid="fb-phone" />
        </Form.Item>
        <Form.Item name="email" label={t('feedback.form.email')} extra={t('feedback.form.contactHint')}
          dependencies={['phone']} rules={[({ getFieldValue }) => ({
            validator: (_, v: string | undefined) => (v?.trim() || (getFieldValue('phone') as string | undefined)?.trim() ? Promise.resolve() : Promise.reject(new Error(t('feedback.form.contactMissing')))),
          })]}>
          <Input maxLength={200} inputMode="email" autoComplete="email" data-testid="fb-email" />
        </Form.Item>
        {send.error && <Alert type="error" showIcon style={{ marginBottom: 16 }} message={send.error.message} data-testid="fb-error" />}
        <Button type="primary" htmlType="submit" size="large" block loading={send.isPending} data-testid="fb-submit">{t('feedback.form.submit')}</Button>
      </Form>
    </Card>
  );
}

export function FeedbackTrackPage() {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState(code);
  usePageTitle(`${t('feedback.track.title')} ${code}`);
  const q = useQuery({
    queryKey: ['public-feedback', code],
    queryFn: () => http.get<FeedbackPublicStatus>(`/public/feedback/${encodeURIComponent(code)}`),
    enabled: !!code,
    retry: false,
  });
  const f = q.data;
  return (
    <Card title={<h1 style={{ fontSize: 18, margin: 0, fontWeight: 600, lineHeight: 1.4 }}>{t('feedback.track.title')}</h1>} style={{ maxWidth: 720, margin: '16px auto' }} data-testid="feedback-track">
      <Input.Search value={text} onChange={(e) => setText(e.target.value)} enterButton={t('feedback.track.go')} placeholder={t('feedback.track.lookup')}
        aria-label={t('feedback.track.lookup')} onSearch={(v) => v.trim() && navigate(`/phan-anh/${encodeURIComponent(v.trim().toUpperCase())}`)} style={{ marginBottom: 16 }} />
      {q.isPending && code ? <Skeleton active /> : q.error ? (
        q.error instanceof ApiError && q.error.status < 500
          ? <Alert type="warning" showIcon message={q.error.status === 404 ? t('feedback.track.notFound', { code }) : q.error.message} />
          : <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : f ? (
        <>
          <dl className="track-facts">
            <dt>{t('feedback.track.code')}</dt><dd className="strong">{f.code}</dd>
            <dt>{t('feedback.track.status')}</dt><dd><Tag color={FEEDBACK_STATUS_COLOR[f.status]} data-testid="fb-status">{t(`feedback.status.${f.status}`)}</Tag></dd>
            <dt>{t('feedback.form.center')}</dt><dd>{f.center.name}</dd>
            <dt>{t('feedback.track.receivedAt')}</dt><dd>{formatDate(f.createdAt)}</dd>
            {f.dueAt && <><dt>{t('feedback.track.dueAt')}</dt><dd>{formatDate(f.dueAt)}</dd></>}
          </dl>
          {f.answer && <Alert type="success" message={t('feedback.track.answer')} description={<div style={{ whiteSpace: 'pre-wrap' }} data-testid="fb-answer">{f.answer}</div>} />}
          {f.reason && <Alert type="warning" message={t('feedback.track.reason')} description={f.reason} />}
          {f.status === 'info_requested' && (
            <Alert type="info" showIcon message={t('feedback.track.infoRequest')} description={
              <>{f.infoRequest && <div style={{ whiteSpace: 'pre-wrap' }}>{f.infoRequest}</div>}<div>{t('feedback.track.infoHow')}</div></>} />
          )}
          <div className="track-privacy muted small" style={{ marginTop: 12 }}><SafetyCertificateOutlined /> {t('feedback.track.privacy')}</div>
        </>
      ) : null}
      <div style={{ marginTop: 16 }}><Link to="/phan-anh">{t('feedback.track.new')}</Link> · <Link to="/phan-anh/cong-khai">{t('feedback.published.title')}</Link></div>
    </Card>
  );
}

export function FeedbackPublishedPage() {
  const { t } = useTranslation();
  usePageTitle(t('feedback.published.title'));
  const { center } = usePublicCenter();
  const [page, setPage] = useState(1);
  const q = useQuery({
    queryKey: ['public-feedback-list', center?.code, page],
    queryFn: () => http.get<FeedbackPublished>('/public/feedback', { center: center?.code, limit: 10, offset: (page - 1) * 10 }),
    enabled: !!center,
  });
  return (
    <Card title={<h1 style={{ fontSize: 18, margin: 0, fontWeight: 600, lineHeight: 1.4 }}>{t('feedback.published.title')}</h1>} style={{ maxWidth: 900, margin: '16px auto' }} extra={<Link to="/phan-anh">{t('feedback.published.send')}</Link>} data-testid="feedback-published">
      <p className="muted">{t('feedback.published.lead')}</p>
      {q.isError ? <ErrorState error={q.error} onRetry={() => void q.refetch()} /> : (
        <List loading={q.isPending} dataSource={q.data?.items ?? []} locale={{ emptyText: <Empty description={t('feedback.published.empty')} /> }}
          pagination={(q.data?.total ?? 0) > 10 ? { current: page, pageSize: 10, total: q.data?.total, onChange: setPage, showSizeChanger: false } : false}
          renderItem={(i) => (
            <List.Item key={i.code} data-testid="published-item">
              <div style={{ width: '100%' }}>
                <div className="muted small">{i.code} · {t('feedback.published.publishedAt', { date: formatDate(i.publishedAt) })}</div>
                <div style={{ marginTop: 4 }}><strong>{t('feedback.published.question')}:</strong> <span style={{ whiteSpace: 'pre-wrap' }}>{i.content}</span></div>
                <div style={{ marginTop: 4 }}><strong>{t('feedback.published.answer')}:</strong> <span style={{ whiteSpace: 'pre-wrap' }}>{i.answer}</span></div>
              </div>
            </List.Item>
          )} />
      )}
    </Card>
  );
}
