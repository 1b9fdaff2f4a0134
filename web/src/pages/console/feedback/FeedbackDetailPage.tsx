// One feedback: its content and sender, the steps the caller may take now (accept, ask for information, assign to a
// department, answer with a verdict — upheld or not —, publish, reject), the officer it concerns (named at acceptance,
// assignment or answer; those who handled the dossier it names come first) and its history. Each step sends the
// version on screen: a stale screen gets 409.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Col, Descriptions, Input, Radio, Row, Select, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, http } from '../../../api/client';
import type { FeedbackAction, FeedbackDetail } from '../../../api/types';
import { ErrorState } from '../../../components/ErrorState';
import { usePageTitle } from '../../../components/usePageTitle';
import { formatDate, formatDateTime } from '../../../lib/format';
import { FEEDBACK_STATUS_COLOR } from '../../public/FeedbackPage';
import { PageHeader } from '../PageHeader';

/** The steps at which the officer concerned may be named (as the server accepts). */
const OFFICER_STEPS: FeedbackAction[] = ['accept', 'assign', 'answer'];

export default function FeedbackDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['feedback', id], queryFn: () => http.get<FeedbackDetail>(`/feedback/${id}`) });
  const f = q.data;
  usePageTitle(f ? t('feedback.detail.title', { code: f.code }) : t('feedback.list.title'));
  const [departmentId, setDepartmentId] = useState<string>();
  const [answer, setAnswer] = useState('');
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [upheld, setUpheld] = useState<boolean>();
  const [officerId, setOfficerId] = useState<string>();
  const officerChosen = officerId && officerId !== f?.officer?.id ? officerId : undefined;
  const act = useMutation({
    mutationFn: (action: FeedbackAction) => http.post<FeedbackDetail>(`/feedback/${id}/${action}`, {
      version: f?.version,
      ...(action === 'assign' ? { departmentId } : {}),
      ...(action === 'answer' ? { answer, upheld } : {}),
      ...(OFFICER_STEPS.includes(action) && officerChosen ? { officerId: officerChosen } : {}),
      ...(action === 'reject' ? { reason } : {}),
      ...(action === 'request-info' && note.trim() ? { note } : {}),
    }),
    onSuccess: (d) => {
      qc.setQueryData(['feedback', id], d);
      void qc.invalidateQueries({ queryKey: ['feedback'], exact: false });
      message.success(t('feedback.detail.done'));
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409) void q.refetch();
    },
  });

  if (q.isPending) return <Skeleton active />;
  if (q.isError || !f) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const can = (a: FeedbackAction) => f.actions.includes(a);
  const busy = (a: FeedbackAction) => act.isPending && act.variables === a;
  const verdict = (v: boolean | null) => (v === null ? '—' : <Tag color={v ? 'red' : 'green'} data-testid="fb-verdict">{t(v ? 'feedback.detail.upheld' : 'feedback.detail.notUpheld')}</Tag>);

  return (
    <div className="console-page">
      <PageHeader title={t('feedback.detail.title', { code: f.code })}
        subtitle={<Space wrap><Tag color={FEEDBACK_STATUS_COLOR[f.status]} data-testid="fb-detail-status">{t(`feedback.status.${f.status}`)}</Tag>
          {f.dueAt && <span className={f.overdue ? 'bad strong' : ''}>{t('feedback.list.dueAt')}: {formatDate(f.dueAt)}{f.overdue && ` · ${t('feedback.list.overdue')}`}</span>}</Space>}
        extra={<Link to="/console/feedback"><Button icon={<ArrowLeftOutlined />}>{t('feedback.detail.back')}</Button></Link>} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('feedback.detail.content')}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="fb-detail-content">{f.content}</Typography.Paragraph>
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label={t('feedback.detail.contact')}>
                {f.contact.fullName}{f.contact.phone && ` · ${f.contact.phone}`}{f.contact.email && ` · ${f.contact.email}`}
              </Descriptions.Item>
              <Descriptions.Item label={t('feedback.list.createdAt')}>{formatDateTime(f.createdAt)}</Descriptions.Item>
              <Descriptions.Item label={t('feedback.detail.dossier')}>{f.dossierCode ? <Link to={`/console/dossiers/${encodeURIComponent(f.dossierCode)}`}>{f.dossierCode}</Link> : '—'}</Descriptions.Item>
              <Descriptions.Item label={t('feedback.list.department')}>{f.department?.name ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('feedback.detail.officer')}><span data-testid="fb-detail-officer">{f.officer?.name ?? '—'}</span></Descriptions.Item>
              {f.upheld !== null && <Descriptions.Item label={t('feedback.detail.verdict')}>{verdict(f.upheld)}</Descriptions.Item>}
              {f.answer && <Descriptions.Item label={t('feedback.detail.answer')}><span style={{ whiteSpace: 'pre-wrap' }} data-testid="fb-detail-answer">{f.answer}</span></Descriptions.Item>}
              {f.reason && <Descriptions.Item label={t('feedback.detail.reason')}>{f.reason}</Descriptions.Item>}
            </Descriptions>
          </Card>
          <Card size="small" title={t('feedback.detail.history')} style={{ marginTop: 16 }}>
            <Timeline data-testid="fb-history" items={f.history.map((h) => ({
              color: h.toStatus === 'rejected' ? 'red' : h.toStatus === 'published' ? 'green' : 'blue',
              children: (
                <div>
                  <strong>{t(`feedback.action.${h.action}`)}</strong> · {formatDateTime(h.at)} · {h.actor ? t('feedback.detail.by', { name: h.actor }) : t('feedback.detail.citizen')}
                  {h.department && <div className="muted">{h.department.name}</div>}
                  {h.upheld !== null && <div>{verdict(h.upheld)}</div>}
                  {h.officer && <div className="muted">{t('feedback.detail.officer')}: {h.officer.name}</div>}
                  {h.note && <div className="muted" style={{ whiteSpace: 'pre-wrap' }}>{h.note}</div>}
                </div>
              ),
            }))} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('feedback.detail.actions')} data-testid="fb-actions">
            {act.error && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={act.error instanceof ApiError && act.error.status === 409 ? `${act.error.message}` : act.error.message} />}
            {f.actions.length === 0 && <div className="muted">{t('feedback.detail.noAction')}</div>}
            <Space direction="vertical" style={{ width: '100%' }} size="middle">
              {OFFICER_STEPS.some(can) && (
                <div>
                  <Select value={officerId ?? f.officer?.id} onChange={setOfficerId} placeholder={t('feedback.detail.chooseOfficer')} style={{ width: '100%' }} showSearch allowClear
                    optionFilterProp="label" data-testid="fb-officer" aria-label={t('feedback.detail.officer')} onClear={() => setOfficerId(undefined)}
                    options={f.officers.map((o) => ({
                      value: o.id,
                      label: `${o.name}${o.unit ? ` · ${o.unit}` : ''}${o.handledDossier ? ` (${t('feedback.detail.handledDossier')})` : ''}`,
                    }))} />
                  <div className="muted small" style={{ marginTop: 4 }}>{t('feedback.detail.officerHelp')}</div>
                </div>
              )}
              {can('accept') && <Button type="primary" block loading={busy('accept')} onClick={() => act.mutate('accept')} data-testid="fb-accept">{t('feedback.action.accept')}</Button>}
              {can('request-info') && (
                <Space.Compact style={{ width: '100%' }}>
                  <Input value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('feedback.detail.notePlaceholder')} maxLength={2000} />
                  <Button loading={busy('request-info')} onClick={() => act.mutate('request-info')}>{t('feedback.action.request-info')}</Button>
                </Space.Compact>
              )}
              {can('assign') && (
                <Space.Compact style={{ width: '100%' }}>
                  <Select value={departmentId} onChange={setDepartmentId} placeholder={t('feedback.detail.chooseDepartment')} style={{ flex: 1, minWidth: 0 }} showSearch optionFilterProp="label"
                    options={f.departments.map((d) => ({ value: d.id, label: d.name }))} data-testid="fb-department" aria-label={t('feedback.detail.department')} />
                  <Button type="primary" disabled={!departmentId} loading={busy('assign')} onClick={() => act.mutate('assign')} data-testid="fb-assign">{t('feedback.action.assign')}</Button>
                </Space.Compact>
              )}
              {can('answer') && (
                <>
                  <Input.TextArea rows={5} value={answer} onChange={(e) => setAnswer(e.target.value)} placeholder={t('feedback.detail.answerPlaceholder')} maxLength={10000} data-testid="fb-answer-text" />
                  <div>
                    <div className="strong" id="fb-verdict-label">{t('feedback.detail.verdict')}</div>
                    <Radio.Group value={upheld} onChange={(e) => setUpheld(e.target.value as boolean)} aria-labelledby="fb-verdict-label" data-testid="fb-verdict-choice"
                      options={[{ value: true, label: t('feedback.detail.upheld') }, { value: false, label: t('feedback.detail.notUpheld') }]} />
                    {upheld === undefined && answer.trim() && <div className="muted small">{t('feedback.detail.verdictRequired')}</div>}
                  </div>
                  <Button type="primary" block disabled={!answer.trim() || upheld === undefined} loading={busy('answer')} onClick={() => act.mutate('answer')} data-testid="fb-answer">{t('feedback.action.answer')}</Button>
                </>
              )}
              {can('publish') && <Button type="primary" block loading={busy('publish')} onClick={() => act.mutate('publish')} data-testid="fb-publish">{t('feedback.action.publish')}</Button>}
              {can('reject') && (
                <>
                  <Input value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('feedback.detail.reasonPlaceholder')} maxLength={2000} />
                  <Button danger block disabled={!reason.trim()} loading={busy('reject')} onClick={() => act.mutate('reject')}>{t('feedback.action.reject')}</Button>
                </>
              )}
            </Space>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
