import { Link } from 'react-router-dom';
import { Alert, Card, Col, Descriptions, Row, Skeleton, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import type { FeeBreakdown, DossierDetail } from '../../../api/types';
import { formatDateTime } from '../../../lib/format';
import { ErrorState } from '../../../components/ErrorState';
import { useFeeBreakdown, useFeeDossier } from '../../../components/fees/api';
import { ReceiptList } from '../../../components/fees/ReceiptList';
import { BreakdownCard } from './BreakdownCard';
import { FeeInputsCard } from './FeeInputsCard';
import { ServicesCard } from './ServicesCard';
import { CollectCard } from './CollectCard';

/** Statuses in which the server refuses a payment (not yet received, or ended without a result). */
const NOT_CHARGEABLE = ['submitted', 'needs_supplement', 'refused', 'withdrawn'];

/** One dossier at the fee counter: who and what, the breakdown, what to enter, services, collection, receipts. */
export function DossierFees({ code }: { code: string }) {
  const { t } = useTranslation();
  const breakdown = useFeeBreakdown(code);
  const dossier = useFeeDossier(code);

  if (breakdown.isPending) {
    return (
      <Card className="fee-card">
        <Skeleton active paragraph={{ rows: 6 }} />
      </Card>
    );
  }
  if (breakdown.isError) {
    const e = breakdown.error;
    if (e instanceof ApiError && e.status === 404) {
      return <Alert type="warning" showIcon title={t('fees.collect.notFound', { code })} data-testid="fee-not-found" />;
    }
    return <ErrorState error={e} onRetry={() => void breakdown.refetch()} />;
  }
  const b = breakdown.data;
  const chargeable = !NOT_CHARGEABLE.includes(b.dossier.status);

  return (
    <>
      <DossierCard b={b} d={dossier.data} />
      {!chargeable && <Alert type="warning" showIcon className="fee-gap" title={t('fees.collect.notChargeable')} />}
      <Row gutter={[16, 0]}>
        <Col xs={24} xl={14}>
          <BreakdownCard b={b} />
          <FeeInputsCard b={b} />
          <ServicesCard b={b} d={dossier.data} />
        </Col>
        <Col xs={24} xl={10}>
          <CollectCard b={b} chargeable={chargeable} />
        </Col>
      </Row>
      <ReceiptList code={b.dossier.code} />
    </>
  );
}

function DossierCard({ b, d }: { b: FeeBreakdown; d: DossierDetail | undefined }) {
  const { t } = useTranslation();
  const payer = d ? d.applicant.orgName || d.applicant.fullName : undefined;
  return (
    <Card size="small" className="fee-card" data-testid="fee-dossier">
      <div className="fee-dossier-head">
        <Link to={`/console/dossiers/${encodeURIComponent(b.dossier.code)}`} className="fee-dossier-code" title={t('fees.collect.viewDossier')}>
          {b.dossier.code}
        </Link>
        <span className="fee-dossier-proc">{b.dossier.procedureName}</span>
        <span className="code">{b.dossier.procedureCode}</span>
        <Tag color={NOT_CHARGEABLE.includes(b.dossier.status) ? 'orange' : 'blue'}>{d?.statusName ?? b.dossier.status}</Tag>
      </div>
      <Descriptions
        size="small"
        className="fee-dossier-facts"
        column={{ xs: 1, md: 2, xl: 4 }}
        items={[
          { key: 'payer', label: t('fees.collect.applicant'), children: payer ?? '—' },
          { key: 'phone', label: t('fees.collect.phone'), children: d?.applicant.phone || '—' },
          { key: 'channel', label: t('fees.collect.channel'), children: t(`fees.collect.channels.${b.dossier.channel}`, { defaultValue: b.dossier.channel }) },
          { key: 'received', label: t('fees.collect.receivedAt'), children: d?.receivedAt ? formatDateTime(d.receivedAt) : '—' },
        ]}
      />
    </Card>
  );
}
