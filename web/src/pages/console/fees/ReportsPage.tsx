import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Segmented, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { FileExcelOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { apiUrl } from '../../../api/client';
import type { FeeReportGroup, FeeReportRow } from '../../../api/types';
import { formatDate } from '../../../lib/format';
import { ErrorState } from '../../../components/ErrorState';
import { usePageTitle } from '../../../components/usePageTitle';
import { useFeeReport } from '../../../components/fees/api';
import { useFeeCenter } from '../../../components/fees/CenterPicker';
import { DATE_FORMAT, dayString, dayValue, thisMonth } from '../../../components/fees/dates';
import { PageHeader } from '../PageHeader';
import '../../../components/fees/fees.css';
import { money } from '../../../components/fees/money';

const GROUPS: FeeReportGroup[] = ['procedure', 'field', 'department', 'day'];

/** Báo cáo phí, lệ phí: what was collected in a period, grouped by procedure, field, department or day. */
export default function ReportsPage() {
  const { t } = useTranslation();
  usePageTitle(t('fees.menu.reports'));
  const { center, ready, picker } = useFeeCenter();
  const [[from, to], setPeriod] = useState<[string, string]>(thisMonth);
  const [groupBy, setGroupBy] = useState<FeeReportGroup>('procedure');
  const params = { from, to, groupBy, center };
  const report = useFeeReport(params, ready);
  const r = report.data;

  const moneyCell = (v: number) => <span className="nowrap fee-money">{money(v)}</span>;
  const columns: ColumnsType<FeeReportRow> = [
    {
      title: t(`fees.reports.group.${groupBy}`),
      key: 'label',
      render: (_, row) =>
        groupBy === 'day' ? (
          formatDate(row.key)
        ) : (
          <div>
            <div>{row.label}</div>
            {groupBy === 'procedure' && row.key !== row.label && <div className="code muted">{row.key}</div>}
          </div>
        ),
    },
    { title: t('fees.reports.col.receipts'), dataIndex: 'receipts', align: 'right', width: 110 },
    { title: t('fees.reports.col.collected'), dataIndex: 'collected', align: 'right', width: 150, render: (v: number) => <span className="nowrap fee-money strong">{money(v)}</span> },
    { title: t('fees.reports.col.kept'), dataIndex: 'kept', align: 'right', width: 150, render: moneyCell },
    { title: t('fees.reports.col.toDepartments'), dataIndex: 'toDepartments', align: 'right', width: 230, render: moneyCell },
  ];

  return (
    <div className="console-page">
      <PageHeader
        title={t('fees.menu.reports')}
        subtitle={t('fees.reports.subtitle')}
        extra={
          <Button icon={<FileExcelOutlined />} href={apiUrl('/fees/reports.xlsx', params)} download disabled={!ready} data-testid="report-xlsx">
            {t('fees.excel')}
          </Button>
        }
      />
      <Card size="small" className="toolbar-card">
        <div className="toolbar">
          {picker}
          <DatePicker.RangePicker
            value={[dayValue(from), dayValue(to)]}
            format={DATE_FORMAT}
            allowClear={false}
            onChange={(v) => v?.[0] && v[1] && setPeriod([dayString(v[0]), dayString(v[1])])}
            aria-label={t('fees.reports.period')}
          />
          <Segmented<FeeReportGroup> value={groupBy} onChange={setGroupBy} options={GROUPS.map((g) => ({ value: g, label: t(`fees.reports.group.${g}`) }))} aria-label={t('fees.reports.groupBy')} />
        </div>
      </Card>
      {!ready ? (
        <Alert type="info" showIcon title={t('fees.chooseCenterHint')} />
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <Card size="small" className="table-card" title={r ? `${r.center.name} · ${formatDate(r.from)} – ${formatDate(r.to)}` : undefined}>
          <Table<FeeReportRow>
            rowKey="key"
            size="middle"
            columns={columns}
            dataSource={r?.rows ?? []}
            loading={report.isPending || report.isFetching}
            pagination={false}
            scroll={{ x: 860 }}
            locale={{ emptyText: t('fees.reports.empty') }}
            summary={() =>
              r && r.rows.length > 0 ? (
                <Table.Summary.Row className="fee-total-row">
                  <Table.Summary.Cell index={0}>{t('fees.total')}</Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">
                    {r.total.receipts}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={2} align="right">
                    {moneyCell(r.total.collected)}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={3} align="right">
                    {moneyCell(r.total.kept)}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={4} align="right">
                    {moneyCell(r.total.toDepartments)}
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              ) : undefined
            }
          />
          {r && r.voided.receipts > 0 && <div className="muted small" style={{ marginTop: 8 }}>{t('fees.reports.voided', { n: r.voided.receipts, amount: money(r.voided.amount) })}</div>}
          {r && (r.refunded.refunds > 0 || r.waived.dossiers > 0) && (
            <div style={{ marginTop: 8 }} data-testid="report-net">
              <div><strong>{t('fees.reports.net', { collected: money(r.total.collected), refunded: money(r.refunded.amount), net: money(r.net) })}</strong></div>
              {r.refunded.items.map((f) => (
                <div key={f.refundNumber} className="small">{t('fees.reports.refundLine', { number: f.refundNumber, code: f.dossierCode, amount: money(f.amount), reason: f.reason, by: f.by })}</div>
              ))}
              {r.waived.dossiers > 0 && <div className="muted small" style={{ marginTop: 4 }}>{t('fees.reports.waived', { n: r.waived.dossiers, amount: money(r.waived.amount) })}</div>}
              {r.waived.items.map((w) => (
                <div key={w.dossierCode} className="small">{t('fees.reports.waiverLine', { code: w.dossierCode, amount: money(w.amount), reason: w.reason, by: w.by })}</div>
              ))}
            </div>
          )}
        </Card>
      )}
    </div>
  );
}
