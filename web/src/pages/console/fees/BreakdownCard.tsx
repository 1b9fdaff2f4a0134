import { Alert, Card, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { FeeBreakdown, FeeLineItem } from '../../../api/types';
import { money } from '../../../components/fees/money';
import { rateText } from '../../../components/fees/rate';

/** Catalog notes sometimes start with "estimated:"; show that in the reader's language. */
function noteText(t: (k: string) => string, note: string): string {
  return note.replace(/(^|;\s*)estimated\b\s*:?\s*/gi, `$1${t('detail.estimatedPrefix')}: `);
}

/** The dossier's fee lines: what, how many, the rate, reductions with their legal basis, paid and due. */
export function BreakdownCard({ b }: { b: FeeBreakdown }) {
  const { t } = useTranslation();

  const quantityText = (l: FeeLineItem) => {
    const parts: string[] = [];
    if (l.pages !== null) parts.push(t('fees.collect.pages', { count: l.pages }));
    if (l.copies !== null) parts.push(t('fees.collect.copies', { count: l.copies }));
    if (parts.length) return parts.join(' × ');
    return `${l.quantity} ${t(`fees.unit.${l.unit}`, { defaultValue: l.unit })}`;
  };

  const columns: ColumnsType<FeeLineItem> = [
    {
      title: t('fees.collect.col.item'),
      key: 'item',
      render: (_, l) => (
        <div>
          <div className="fee-item-name">{l.name}</div>
          {l.rate && (
            <div className="fee-item-rate" data-testid="fee-rate">
              {t('fees.rate.how', { text: rateText(t, l.rate) })}
            </div>
          )}
          {l.legalBasis && <div className="fee-item-basis">{t('fees.collect.legalBasis', { text: l.legalBasis })}</div>}
          {l.note && <div className="fee-item-basis">{noteText(t, l.note)}</div>}
          <div className="fee-item-tags">
            {l.kind === 'service' ? (
              <Tag color="purple">{t('fees.collect.service')}</Tag>
            ) : (
              <Tag color={l.collectAt === 'return' ? 'gold' : 'blue'}>{t(`fees.collectAt.${l.collectAt}`)}</Tag>
            )}
            {l.manual && <Tag>{t('fees.collect.manual')}</Tag>}
            {l.capped && <Tag>{t('fees.collect.capped')}</Tag>}
            {l.reductionRule && (
              <Tag color="green" data-testid="fee-reduction">
                {l.reductionRule.name}
              </Tag>
            )}
          </div>
          {l.reductionRule?.legalBasis && <div className="fee-item-basis">{t('fees.collect.legalBasis', { text: l.reductionRule.legalBasis })}</div>}
        </div>
      ),
    },
    {
      title: t('fees.collect.col.quantity'),
      key: 'qty',
      width: 140,
      render: (_, l) => (
        <div>
          <div className="nowrap">{quantityText(l)}</div>
          <div className="muted small nowrap fee-money">
            {l.rate ? t('fees.rate.byTiers') : t('fees.collect.rate', { amount: money(l.unitAmount), unit: t(`fees.unit.${l.unit}`, { defaultValue: l.unit }) })}
          </div>
        </div>
      ),
    },
    {
      title: t('fees.collect.col.amount'),
      key: 'amount',
      width: 120,
      align: 'right',
      render: (_, l) => (
        <div className="fee-money nowrap">
          {l.reduction > 0 && <div className="fee-strike small">{money(l.gross)}</div>}
          <div className="strong">{money(l.amount)}</div>
        </div>
      ),
    },
    {
      title: t('fees.collect.col.due'),
      key: 'due',
      width: 130,
      align: 'right',
      render: (_, l) => (
        <div className="fee-money nowrap">
          <div className={`strong${l.due > 0 ? ' fee-negative' : ''}`}>{money(l.due)}</div>
          {l.paid > 0 && <div className="muted small">{t('fees.collect.paidLine', { amount: money(l.paid) })}</div>}
        </div>
      ),
    },
  ];

  return (
    <Card size="small" className="fee-card" title={t('fees.collect.breakdownTitle')} data-testid="fee-breakdown">
      {b.undetermined.length > 0 && (
        <Alert
          type="warning"
          showIcon
          className="fee-gap"
          title={t('fees.collect.undeterminedTitle')}
          description={
            <ul className="plain-list">
              {b.undetermined.map((u) => (
                <li key={u.code}>
                  {t(`fees.collect.undetermined.${u.reason}`, { name: u.reason === 'choice' ? u.options.map((o) => o.name).join(' / ') : u.name })}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {(b.items.length > 0 || b.undetermined.length === 0) && (
      <Table<FeeLineItem>
        rowKey="code"
        size="middle"
        columns={columns}
        dataSource={b.items}
        pagination={false}
        scroll={{ x: 560 }}
        locale={{ emptyText: t('fees.collect.noFees') }}
      />
      )}
    </Card>
  );
}
