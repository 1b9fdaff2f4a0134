import { useMemo } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, Form, InputNumber, Radio, Row } from 'antd';
import { CalculatorOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { FeeBreakdown, FeeInputsBody, FeeRule, FeeScheduleItem } from '../../../api/types';
import { errorText } from '../../../components/ErrorState';
import { useFeeRules, useFeeSchedule, useSaveFeeInputs } from '../../../components/fees/api';
import { MoneyInput } from '../../../components/fees/MoneyInput';
import { useCan } from '../../../components/fees/RequireAnyPermission';

const AUTO_CATEGORY = 'online_submission';

/** Rules that may change this dossier's amount: active, for its procedure/field and for one of its items. */
function applicableRules(rules: FeeRule[], procedureCode: string, fieldCode: string, items: FeeScheduleItem[]): FeeRule[] {
  const codes = new Set(items.map((i) => i.code));
  return rules.filter(
    (r) =>
      r.active &&
      (!r.procedureCodes || r.procedureCodes.includes(procedureCode)) &&
      (!r.fieldCodes || r.fieldCodes.includes(fieldCode)) &&
      (!r.itemCodes || r.itemCodes.some((c) => codes.has(c))),
  );
}

interface Values {
  pages?: number | null;
  copies?: number | null;
  categories?: string[];
  choice?: Record<string, string | undefined>;
  manual?: Record<string, number | undefined>;
}

/**
 * What the counter enters for the dossier's fees: pages and copies, the applicable alternative, the amounts
 * "theo quy định", the applicant's exemption categories (each with the rule and its legal basis). Shown only when
 * the procedure needs any of them.
 */
export function FeeInputsCard({ b }: { b: FeeBreakdown }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const canEdit = can('fees.collect') || can('dossiers.receive');
  const schedule = useFeeSchedule(b.dossier.procedureCode);
  const rules = useFeeRules();
  const save = useSaveFeeInputs(b.dossier.code);

  const items = useMemo(() => schedule.data ?? [], [schedule.data]);
  const groups = useMemo(() => {
    const m = new Map<string, FeeScheduleItem[]>();
    for (const i of items) if (i.choiceGroup) m.set(i.choiceGroup, [...(m.get(i.choiceGroup) ?? []), i]);
    return m;
  }, [items]);
  const applicable = useMemo(
    () => applicableRules(rules.data ?? [], b.dossier.procedureCode, b.dossier.fieldCode, items),
    [rules.data, b.dossier.procedureCode, b.dossier.fieldCode, items],
  );
  const categories = useMemo(() => [...new Set(applicable.flatMap((r) => r.categories))].filter((c) => c !== AUTO_CATEGORY), [applicable]);
  const onlineRule = applicable.find((r) => r.categories.includes(AUTO_CATEGORY));

  const perPage = items.some((i) => i.unit === 'per_page');
  const perCopy = perPage || items.some((i) => i.unit === 'per_copy');
  const manualItems = items.filter((i) => i.amount === null && !i.tiers.length);
  const needed = perPage || perCopy || groups.size > 0 || manualItems.length > 0 || categories.length > 0;
  if (!schedule.data || !rules.data || !needed) return null;

  const initial: Values = {
    pages: b.inputs.pages,
    copies: b.inputs.copies,
    categories: b.inputs.categories.filter((c) => c !== AUTO_CATEGORY),
    choice: Object.fromEntries([...groups].map(([g, opts]) => [g, opts.find((o) => b.inputs.selected.includes(o.code))?.code])),
    manual: Object.fromEntries(manualItems.map((i) => [i.code, b.inputs.manualAmounts[i.code]])),
  };

  const submit = (v: Values) => {
    const manualAmounts = Object.fromEntries(Object.entries(v.manual ?? {}).filter((e): e is [string, number] => typeof e[1] === 'number'));
    save.mutate(
      {
        pages: v.pages ?? null,
        copies: v.copies ?? null,
        itemQuantities: b.inputs.itemQuantities,
        selected: Object.values(v.choice ?? {}).filter((c): c is string => !!c),
        // The form offers only the categories the server knows (its answer lists them as plain strings).
        categories: (v.categories ?? []) as FeeInputsBody['categories'],
        manualAmounts,
        version: b.inputs.version,
      },
      { onSuccess: () => void message.success(t('fees.collect.inputs.saved')) },
    );
  };

  const ruleFor = (category: string) => applicable.filter((r) => r.categories.includes(category));

  return (
    <Card size="small" className="fee-card" title={t('fees.collect.inputs.title')} data-testid="fee-inputs">
      <p className="muted small">{canEdit ? t('fees.collect.inputs.hint') : t('fees.collect.inputs.readOnly')}</p>
      <Form<Values> key={b.inputs.version} layout="vertical" initialValues={initial} onFinish={submit} disabled={!canEdit} requiredMark={false}>
        <Row gutter={16}>
          {perPage && (
            <Col xs={24} sm={12} md={8}>
              <Form.Item name="pages" label={t('fees.collect.inputs.pages')}>
                <InputNumber<number> min={0} max={100000} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          )}
          {perCopy && (
            <Col xs={24} sm={12} md={8}>
              <Form.Item name="copies" label={t('fees.collect.inputs.copies')}>
                <InputNumber<number> min={0} max={100000} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          )}
        </Row>
        {[...groups].map(([g, opts]) => (
          <Form.Item key={g} name={['choice', g]} label={t('fees.collect.inputs.choice')}>
            <Radio.Group className="fee-choice" options={opts.map((o) => ({ value: o.code, label: o.name }))} style={{ display: 'flex', flexDirection: 'column', gap: 4 }} />
          </Form.Item>
        ))}
        {manualItems.map((i) => (
          <Form.Item key={i.code} name={['manual', i.code]} label={t('fees.collect.inputs.manualAmount', { name: i.name })} extra={t('fees.collect.inputs.manualHint')}>
            <MoneyInput style={{ width: '100%', maxWidth: 280 }} />
          </Form.Item>
        ))}
        {categories.length === 0 ? (
          <Form.Item label={t('fees.collect.inputs.categories')} extra={onlineRule && b.dossier.channel === 'online' ? t('fees.collect.inputs.onlineAuto') : undefined}>
            <span className="muted">{t('fees.collect.inputs.noCategories')}</span>
          </Form.Item>
        ) : (
          <Form.Item name="categories" label={t('fees.collect.inputs.categories')} extra={onlineRule && b.dossier.channel === 'online' ? t('fees.collect.inputs.onlineAuto') : undefined}>
            <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
              {categories.map((c) => (
                <Checkbox key={c} value={c}>
                  <span>{t(`fees.category.${c}`, { defaultValue: c })}</span>
                  {ruleFor(c).map((r) => (
                    <div key={r.code} className="fee-item-basis">
                      {t('fees.collect.inputs.ruleLine', { name: r.name, basis: r.legalBasis })}
                    </div>
                  ))}
                </Checkbox>
              ))}
            </Checkbox.Group>
          </Form.Item>
        )}
        {save.isError && <Alert type="error" showIcon className="fee-gap" title={errorText(t, save.error)} />}
        {canEdit && (
          <Button htmlType="submit" icon={<CalculatorOutlined />} loading={save.isPending}>
            {t('fees.collect.inputs.save')}
          </Button>
        )}
      </Form>
    </Card>
  );
}
