import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, Form, Input, Segmented, Skeleton, Tag, Typography } from 'antd';
import { BankOutlined, CreditCardOutlined, DollarOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { FeeBreakdown, FeePayment, FeePaymentMethod, PaymentInput } from '../../../api/types';
import { formatDateTime } from '../../../lib/format';
import { errorText } from '../../../components/ErrorState';
import { newIdempotencyKey } from '../../../api/client';
import { receiptPdfUrl, useCollectPayment, useFeeVietQr } from '../../../components/fees/api';
import { MoneyInput } from '../../../components/fees/MoneyInput';
import { useCan } from '../../../components/fees/RequireAnyPermission';
import { money } from '../../../components/fees/money';
import { useDebounced } from '../../../components/useDebounced';

/** Banknote-friendly amounts a payer is likely to hand over for `amount`: exact, then rounded up. */
function cashSuggestions(amount: number): number[] {
  if (amount <= 0) return [];
  const up = (step: number) => Math.ceil(amount / step) * step;
  const all = [amount, up(10_000), up(50_000), up(100_000), up(200_000), up(500_000)];
  return [...new Set(all)].sort((a, b) => a - b).slice(0, 4);
}

/** Totals, then the collection form (cash with change, VietQR transfer, card/online reference) or the receipt just issued. */
export function CollectCard({ b, chargeable }: { b: FeeBreakdown; chargeable: boolean }) {
  const { t } = useTranslation();
  const can = useCan();
  const [issued, setIssued] = useState<FeePayment | null>(null);
  const canCollect = can('fees.collect');

  return (
    <Card size="small" className="fee-card fee-collect" title={t('fees.collect.pay.title')} data-testid="fee-collect">
      <Totals b={b} />
      {issued ? (
        <ReceiptIssued p={issued} onDone={() => setIssued(null)} />
      ) : !canCollect ? (
        <Alert type="info" showIcon title={t('fees.collect.pay.cannotCollect')} />
      ) : b.due <= 0 && b.undetermined.length > 0 ? (
        <Alert type="warning" showIcon title={t('fees.collect.pay.undetermined')} />
      ) : b.due <= 0 ? (
        <Alert type="success" showIcon title={t('fees.collect.pay.nothingDue')} data-testid="fee-nothing-due" />
      ) : (
        <CollectForm key={`${b.due}`} b={b} disabled={!chargeable} onIssued={setIssued} />
      )}
    </Card>
  );
}

function Totals({ b }: { b: FeeBreakdown }) {
  const { t } = useTranslation();
  return (
    <div className="fee-gap">
      <dl className="fee-totals">
        <dt>{t('fees.collect.totals.total')}</dt>
        <dd className="fee-money" data-testid="fee-total">
          {money(b.total)}
        </dd>
        <dt>{t('fees.collect.totals.paid')}</dt>
        <dd className="fee-money" data-testid="fee-paid">
          {money(b.paid)}
        </dd>
        <dt className="fee-due-label">{t('fees.collect.totals.due')}</dt>
        <dd>
          <span className={`fee-due-amount${b.due === 0 && b.final ? ' fee-due-zero' : ''}`} data-testid="fee-due">
            {money(b.due)}
          </span>
        </dd>
      </dl>
      {b.atReturn > 0 && (
        <dl className="fee-totals fee-totals-split small">
          <dt>{t('fees.collect.totals.atReception')}</dt>
          <dd className="fee-money">{money(b.atReception)}</dd>
          <dt>{t('fees.collect.totals.atReturn')}</dt>
          <dd className="fee-money">{money(b.atReturn)}</dd>
        </dl>
      )}
    </div>
  );
}

interface Values {
  amount?: number;
  tendered?: number;
  reference?: string;
}

function CollectForm({ b, disabled, onIssued }: { b: FeeBreakdown; disabled: boolean; onIssued: (p: FeePayment) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const code = b.dossier.code;
  const [method, setMethod] = useState<FeePaymentMethod>('cash');
  const [form] = Form.useForm<Values>();
  const amount = Form.useWatch('amount', form) ?? 0;
  const tendered = Form.useWatch('tendered', form);
  const collect = useCollectPayment(code);
  // The QR code follows the amount typed (a part of what is due), once the typing pauses.
  const qrAmount = useDebounced(amount > 0 && amount <= b.due ? amount : b.due, 400);
  const qr = useFeeVietQr(code, b.due, method === 'transfer', qrAmount);
  // The same request body keeps the same Idempotency-Key: a retry after a lost answer returns the first receipt.
  const attempt = useRef<{ body: string; key: string } | null>(null);

  useEffect(() => {
    form.setFieldsValue({ reference: undefined });
  }, [method, form]);

  const validAmount = amount > 0 && amount <= b.due;
  const change = method === 'cash' && typeof tendered === 'number' && validAmount ? tendered - amount : null;

  const submit = (v: Values) => {
    const body: PaymentInput = {
      method,
      amount: v.amount ?? 0,
      ...(method === 'cash' && typeof v.tendered === 'number' ? { tendered: v.tendered } : {}),
      ...(method !== 'cash' ? { reference: (v.reference ?? '').trim() } : {}),
    };
    const text = JSON.stringify(body);
    if (attempt.current?.body !== text) attempt.current = { body: text, key: newIdempotencyKey() };
    collect.mutate(
      { body, key: attempt.current.key },
      {
        onSuccess: (p) => {
          attempt.current = null;
          void message.success(t('fees.collect.pay.collected', { amount: money(p.amount) }));
          onIssued(p);
        },
      },
    );
  };

  const methodOptions = [
    { value: 'cash' as const, label: <MethodLabel icon={<DollarOutlined />} text={t('fees.method.cash')} /> },
    { value: 'transfer' as const, label: <MethodLabel icon={<BankOutlined />} text={t('fees.method.transfer')} /> },
    { value: 'card' as const, label: <MethodLabel icon={<CreditCardOutlined />} text={t('fees.method.card')} /> },
  ];

  return (
    <Form<Values> form={form} layout="vertical" requiredMark={false} onFinish={submit} initialValues={{ amount: b.due }} disabled={disabled}>
      <Form.Item label={t('fees.collect.pay.method')}>
        <Segmented<FeePaymentMethod> block options={methodOptions} value={method} onChange={setMethod} data-testid="fee-method" />
      </Form.Item>

      {method === 'transfer' && <VietQrBlock query={qr} />}

      <Form.Item
        name="amount"
        label={t('fees.collect.pay.amount')}
        extra={amount > 0 && amount < b.due ? t('fees.collect.pay.partial', { rest: money(b.due - amount) }) : t('fees.collect.pay.amountHint', { due: money(b.due) })}
        rules={[
          { required: true, message: t('validation.required') },
          {
            validator: (_, v: number | undefined) =>
              v === undefined || v === null ? Promise.resolve() : v <= 0 ? Promise.reject(new Error(t('validation.required'))) : v > b.due ? Promise.reject(new Error(t('fees.collect.pay.amountTooHigh', { due: money(b.due) }))) : Promise.resolve(),
          },
        ]}
      >
        <MoneyInput size="large" max={b.due} aria-label={t('fees.collect.pay.amount')} data-testid="fee-amount" />
      </Form.Item>

      {method === 'cash' && (
        <>
          <Form.Item
            name="tendered"
            label={t('fees.collect.pay.tendered')}
            dependencies={['amount']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, v: number | undefined) =>
                  v === undefined || v === null || v >= (getFieldValue('amount') ?? 0) ? Promise.resolve() : Promise.reject(new Error(t('fees.collect.pay.tenderedShort'))),
              }),
            ]}
            extra={
              <div className="fee-quick-cash">
                {cashSuggestions(validAmount ? amount : b.due).map((s) => (
                  <Button key={s} size="small" onClick={() => form.setFieldsValue({ tendered: s })}>
                    {money(s)}
                  </Button>
                ))}
              </div>
            }
          >
            <MoneyInput size="large" aria-label={t('fees.collect.pay.tendered')} data-testid="fee-tendered" />
          </Form.Item>
          {change !== null && (
            <div className={`fee-change${change < 0 ? ' fee-change-short' : ''}`} data-testid="fee-change-box">
              <span>{t('fees.collect.pay.change')}</span>
              <span className="fee-change-amount" data-testid="fee-change">
                {change < 0 ? t('fees.collect.pay.tenderedShort') : money(change)}
              </span>
            </div>
          )}
        </>
      )}

      {method !== 'cash' && (
        <Form.Item
          name="reference"
          label={t(method === 'transfer' ? 'fees.collect.pay.referenceTransfer' : 'fees.collect.pay.referenceCard')}
          extra={method === 'transfer' ? t('fees.collect.pay.referenceTransferHint') : undefined}
          rules={[{ required: true, whitespace: true, min: 3, message: t('fees.collect.pay.referenceRequired') }]}
        >
          <Input size="large" maxLength={80} aria-label={t('fees.collect.pay.reference')} data-testid="fee-reference" />
        </Form.Item>
      )}

      {collect.isError && <Alert type="error" showIcon className="fee-gap" title={errorText(t, collect.error)} data-testid="fee-pay-error" />}

      <Button type="primary" size="large" block htmlType="submit" loading={collect.isPending} disabled={disabled || !validAmount} data-testid="fee-submit">
        {t(method === 'transfer' ? 'fees.collect.pay.confirmTransfer' : 'fees.collect.pay.submit', { amount: money(validAmount ? amount : b.due) })}
      </Button>
    </Form>
  );
}

function MethodLabel({ icon, text }: { icon: ReactNode; text: string }) {
  return (
    <div className="fee-method">
      <span className="fee-method-icon">{icon}</span>
      <span>{text}</span>
    </div>
  );
}

function VietQrBlock({ query }: { query: ReturnType<typeof useFeeVietQr> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  if (query.isPending) return <Skeleton.Image active style={{ width: 280, height: 280 }} />;
  if (query.isError) return <Alert type="error" showIcon className="fee-gap" title={t('fees.collect.pay.qrError')} description={errorText(t, query.error)} />;
  const q = query.data;
  return (
    <div className="fee-qr" data-testid="fee-vietqr">
      <div className="fee-qr-title">{t('fees.collect.pay.qrTitle')}</div>
      <img src={q.image} alt={`VietQR ${q.account.bankName} ${q.account.accountNumber} ${money(q.amount)}`} />
      <dl className="fee-qr-facts">
        <dt>{t('fees.collect.pay.qrAmount')}</dt>
        <dd className="fee-qr-amount fee-money" data-testid="fee-qr-amount">
          {money(q.amount)}
        </dd>
        <dt>{t('fees.collect.pay.qrMemo')}</dt>
        <dd>
          <Typography.Text copyable={{ text: q.memo, tooltips: [t('fees.collect.pay.qrCopy'), '✓'], onCopy: () => void message.success(q.memo) }} className="code" data-testid="fee-qr-memo">
            {q.memo}
          </Typography.Text>
        </dd>
        <dt>{t('fees.collect.pay.qrBank')}</dt>
        <dd>{q.account.bankName}</dd>
        <dt>{t('fees.collect.pay.qrAccount')}</dt>
        <dd className="code">{q.account.accountNumber}</dd>
        <dt>{t('fees.collect.pay.qrAccountName')}</dt>
        <dd>{q.account.accountName}</dd>
      </dl>
      {q.account.isDemo && (
        <Tag color="orange" title={t('fees.collect.pay.qrDemoHint')}>
          {t('fees.collect.pay.qrDemo')}
        </Tag>
      )}
      <div className="muted small">{t('fees.collect.pay.transferSteps')}</div>
      {q.amount < q.due && <Alert type="info" showIcon title={t('fees.collect.pay.qrPartial', { qr: money(q.amount), due: money(q.due) })} data-testid="fee-qr-partial" />}
    </div>
  );
}

function ReceiptIssued({ p, onDone }: { p: FeePayment; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="fee-result" data-testid="fee-receipt-issued">
      <div className="fee-result-title">{t('fees.collect.result.title', { amount: money(p.amount) })}</div>
      <div className="muted small">{t('fees.collect.result.receipt')}</div>
      <div className="fee-result-number" data-testid="receipt-number">
        {p.receiptNumber}
      </div>
      <div className="muted small">{t('fees.receipts.numberDetail', { series: p.series, book: p.book, number: String(p.number).padStart(7, '0') })}</div>
      <dl className="fee-totals">
        <dt>{t('fees.collect.result.words')}</dt>
        <dd style={{ whiteSpace: 'normal' }}>{p.amountInWords}</dd>
        <dt>{t('fees.collect.result.method')}</dt>
        <dd>
          {t(`fees.method.${p.method}`)}
          {p.reference ? ` · ${p.reference}` : ''}
        </dd>
        {p.method === 'cash' && p.tendered !== null && (
          <>
            <dt>{t('fees.collect.pay.tendered')}</dt>
            <dd className="fee-money">{money(p.tendered)}</dd>
            <dt className="strong">{t('fees.collect.result.change')}</dt>
            <dd className="fee-money strong" data-testid="receipt-change">
              {money(p.change)}
            </dd>
          </>
        )}
        <dt>{t('fees.collect.result.time')}</dt>
        <dd>{formatDateTime(p.issuedAt)}</dd>
        <dt>{t('fees.collect.result.due')}</dt>
        <dd className="fee-money">{money(p.due)}</dd>
      </dl>
      <div className="toolbar">
        <Button type="primary" icon={<PrinterOutlined />} href={receiptPdfUrl(p.id)} target="_blank" data-testid="print-a5">
          {t('fees.collect.result.printA5')}
        </Button>
        <Button icon={<PrinterOutlined />} href={receiptPdfUrl(p.id, '80mm')} target="_blank" data-testid="print-80mm">
          {t('fees.collect.result.print80')}
        </Button>
        <Button onClick={onDone}>{t('fees.collect.result.next')}</Button>
      </div>
    </div>
  );
}
