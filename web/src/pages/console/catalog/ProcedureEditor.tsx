import { useEffect, useMemo } from 'react';
import { Alert, App, Button, Checkbox, Col, Divider, Drawer, Form, Grid, Input, InputNumber, Row, Select, Skeleton, Space, Switch, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useFields, useProcedure, useSaveProcedure } from '../../../api/hooks';
import type { Fee, Procedure, ProcessingTime, RequiredDocument, WorkflowStep } from '../../../api/types';
import { durationText, groupThousands, processingTimeText } from '../../../lib/format';
import { ErrorState, errorText } from '../../../components/ErrorState';

type Values = Omit<Procedure, 'fieldName' | 'legalBasis' | 'interAgency'> & { legalBasisText: string; interAgencyText: string };

export const WORKFLOW_ROLES = ['reception', 'specialist', 'department_head', 'inter_agency'];
const ESTIMABLE = ['code', 'processingTime', 'fees', 'requiredDocuments', 'onlineLevel', 'decidingAuthority'];

const lines = (s: string | undefined) => (s ?? '').split('\n').map((l) => l.trim()).filter(Boolean);

const empty: Partial<Values> = {
  onlineLevel: 2,
  active: true,
  processingTime: { unit: 'working_days', value: 5 },
  fees: [],
  requiredDocuments: [],
  workflow: [],
  estimatedFields: [],
  legalBasisText: '',
  interAgencyText: '',
};

function toValues(p: Procedure): Values {
  const { legalBasis, interAgency, fieldName: _fieldName, ...rest } = p;
  return {
    ...rest,
    workflow: [...(p.workflow ?? [])].sort((a, b) => a.order - b.order),
    legalBasisText: (legalBasis ?? []).join('\n'),
    interAgencyText: (interAgency ?? []).join('\n'),
  };
}

/** Working hours of a time limit (8 office hours a day), to compare step budgets with the total. */
function hoursOf(unit: string | undefined, value: number | undefined): number {
  if (!value) return 0;
  if (unit === 'working_hours') return value;
  if (unit === 'same_day') return 8;
  return value * 8;
}

function BudgetCheck({ t, time, steps }: { t: TFunction; time?: ProcessingTime; steps?: WorkflowStep[] }) {
  if (!time || !steps?.length) return null;
  const total = hoursOf(time.unit, time.value);
  const sum = steps.reduce((s, st) => s + hoursOf(st?.budget?.unit, st?.budget?.value), 0);
  const sumText = sum % 8 === 0 ? durationText(t, 'working_days', sum / 8) : durationText(t, 'working_hours', sum);
  if (time.calendarDays) return <Alert type="info" showIcon title={t('catalog.budgetCalendar', { sum: sumText })} />;
  if (time.unit === 'same_day') {
    return sum <= total ? (
      <Alert type="success" showIcon title={t('catalog.budgetSameDay', { sum: sumText })} />
    ) : (
      <Alert type="warning" showIcon title={t('catalog.budgetMismatch', { sum: sumText, total: processingTimeText(t, time) })} />
    );
  }
  if (sum === total) return <Alert type="success" showIcon title={t('catalog.budgetOk', { sum: sumText })} />;
  return <Alert type="warning" showIcon title={t('catalog.budgetMismatch', { sum: sumText, total: processingTimeText(t, time) })} />;
}

export function ProcedureEditor({ code, onClose }: { code: string | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const decimal = i18n.language === 'en' ? '.' : ',';
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const existing = useProcedure(code ?? undefined);
  const fields = useFields();
  const save = useSaveProcedure();
  const screens = Grid.useBreakpoint();
  const creating = !code;
  const time = Form.useWatch('processingTime', form);
  const steps = Form.useWatch('workflow', form);

  useEffect(() => {
    if (existing.data) form.setFieldsValue(toValues(existing.data));
  }, [existing.data, form]);

  const roleOptions = useMemo(() => {
    const known = new Set([...WORKFLOW_ROLES, ...(existing.data?.workflow ?? []).map((s) => s.role)]);
    return [...known].map((r) => ({ value: r, label: t(`role.${r}`, { defaultValue: r }) }));
  }, [existing.data, t]);

  const submit = (v: Values) => {
    const { legalBasisText, interAgencyText, ...rest } = v;
    const body: Omit<Procedure, 'fieldName'> = {
      ...(existing.data ?? {}),
      ...rest,
      code: creating ? v.code.trim() : (code as string),
      name: v.name.trim(),
      processingTime: {
        unit: v.processingTime.unit,
        value: v.processingTime.unit === 'same_day' ? 1 : v.processingTime.value,
        ...(v.processingTime.calendarDays ? { calendarDays: true } : {}),
        ...(v.processingTime.note?.trim() ? { note: v.processingTime.note.trim() } : {}),
        ...(v.processingTime.unit === 'same_day' && v.processingTime.cutoff ? { cutoff: v.processingTime.cutoff } : {}),
      },
      fees: (v.fees ?? []).map((f: Fee) => ({ ...f, amount: f.amount ?? null, cap: f.cap ?? null, note: f.note ?? '' })),
      requiredDocuments: (v.requiredDocuments ?? []).map((d: RequiredDocument) => ({ ...d, original: d.original ?? 0, copy: d.copy ?? 0, mandatory: !!d.mandatory })),
      workflow: (v.workflow ?? []).map((s: WorkflowStep, i: number) => ({ ...s, order: i + 1 })),
      legalBasis: lines(legalBasisText),
      interAgency: lines(interAgencyText),
      estimatedFields: v.estimatedFields ?? [],
    };
    delete (body as Partial<Procedure>).fieldName;
    save.mutate(
      { code: creating ? undefined : (code as string), body },
      {
        onSuccess: () => {
          void message.success(creating ? t('catalog.created') : t('common.savedOk'));
          onClose();
        },
      },
    );
  };

  const money = {
    formatter: (v: string | number | undefined) => (v === undefined || v === '' ? '' : groupThousands(Number(v), '.')),
    parser: (v: string | undefined) => Number((v ?? '').replace(/\D/g, '')),
  };

  return (
    <Drawer
      open
      onClose={onClose}
      size={screens.lg ? 960 : '100%'}
      title={creating ? t('catalog.create') : t('catalog.editTitle', { code })}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        <div className="drawer-footer">
          {save.isError && <Alert type="error" showIcon title={errorText(t, save.error)} className="drawer-footer-error" />}
          <Space>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={save.isPending} onClick={() => form.submit()} disabled={!creating && !existing.data}>
              {creating ? t('common.create') : t('common.save')}
            </Button>
          </Space>
        </div>
      }
    >
      {!creating && existing.isError ? (
        <ErrorState error={existing.error} />
      ) : !creating && existing.isPending ? (
        <Skeleton active paragraph={{ rows: 14 }} />
      ) : (
        <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={creating ? empty : undefined} className="procedure-form" scrollToFirstError>
          <Typography.Title level={5}>{t('detail.general')}</Typography.Title>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="code" label={t('detail.code')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
                <Input disabled={!creating} />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item name="field" label={t('detail.field')} rules={[{ required: true, message: t('validation.required') }]}>
                <Select options={(fields.data ?? []).map((f) => ({ value: f.code, label: `${f.no}. ${f.name}` }))} showSearch={{ optionFilterProp: 'label' }} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="name" label={t('catalog.name')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="agency" label={t('detail.agency')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="decidingAuthority" label={t('detail.decidingAuthority')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="result" label={t('detail.result')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={12} md={7}>
              <Form.Item name="onlineLevel" label={t('detail.onlineLevel')} rules={[{ required: true, message: t('validation.required') }]}>
                <Select options={[1, 2, 3, 4].map((l) => ({ value: l, label: t('online.level', { level: l }) }))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={5}>
              <Form.Item name="active" label={t('catalog.active')} valuePropName="checked">
                <Switch />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="estimatedFields" label={t('catalog.estimatedFields')}>
                <Select mode="multiple" allowClear options={ESTIMABLE.map((f) => ({ value: f, label: t(`estimated.${f}`) }))} />
              </Form.Item>
            </Col>
          </Row>

          <Divider />
          <Typography.Title level={5}>{t('detail.processingTime')}</Typography.Title>
          <Row gutter={16} align="bottom">
            <Col xs={24} md={8}>
              <Form.Item name={['processingTime', 'unit']} label={t('catalog.timeUnit')} rules={[{ required: true, message: t('validation.required') }]}>
                <Select
                  options={[
                    { value: 'working_days', label: t('catalog.unit.working_days') },
                    { value: 'working_hours', label: t('catalog.unit.working_hours') },
                    { value: 'same_day', label: t('catalog.unit.same_day') },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={5}>
              <Form.Item name={['processingTime', 'value']} label={t('catalog.timeValue')} rules={[{ required: time?.unit !== 'same_day', message: t('validation.required') }]}>
                <InputNumber min={1} max={365} precision={0} disabled={time?.unit === 'same_day'} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            {time?.unit === 'same_day' ? (
              <Col xs={12} md={11}>
                <Form.Item
                  name={['processingTime', 'cutoff']}
                  label={t('catalog.cutoff')}
                  extra={t('catalog.cutoffHint')}
                  rules={[{ pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: t('catalog.cutoffRule') }]}
                >
                  <Input placeholder="15:00" style={{ width: 120 }} />
                </Form.Item>
              </Col>
            ) : (
              <Col xs={12} md={11}>
                <Form.Item name={['processingTime', 'calendarDays']} valuePropName="checked">
                  <Checkbox disabled={time?.unit !== 'working_days'}>{t('catalog.calendarDays')}</Checkbox>
                </Form.Item>
              </Col>
            )}
            <Col span={24}>
              <Form.Item name={['processingTime', 'note']} label={t('catalog.timeNote')}>
                <Input />
              </Form.Item>
            </Col>
          </Row>

          <Divider />
          <Typography.Title level={5}>{t('detail.fees')}</Typography.Title>
          <Form.List name="fees">
            {(items, { add, remove }) => (
              <>
                {items.map(({ key, name }) => (
                  <div className="list-row" key={key}>
                    <Row gutter={8}>
                      <Col xs={24} md={9}>
                        <Form.Item name={[name, 'name']} label={t('detail.feeName')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
                          <Input />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={5}>
                        <Form.Item name={[name, 'amount']} label={t('catalog.amount')} extra={t('catalog.amountHint')}>
                          <InputNumber<number> min={0} step={1000} style={{ width: '100%' }} formatter={money.formatter} parser={money.parser} suffix="đ" />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={4}>
                        <Form.Item name={[name, 'unit']} label={t('catalog.feeUnit')} rules={[{ required: true, message: t('validation.required') }]}>
                          <Select options={(['per_dossier', 'per_page', 'per_copy'] as const).map((u) => ({ value: u, label: t(`fee.unit.${u}`) }))} />
                        </Form.Item>
                      </Col>
                      <Col xs={20} md={5}>
                        <Form.Item name={[name, 'cap']} label={t('catalog.cap')}>
                          <InputNumber<number> min={0} step={1000} style={{ width: '100%' }} formatter={money.formatter} parser={money.parser} suffix="đ" />
                        </Form.Item>
                      </Col>
                      <Col xs={4} md={1} className="list-row-remove">
                        <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(name)} aria-label={t('common.remove')} />
                      </Col>
                      <Col span={24}>
                        <Form.Item name={[name, 'note']} label={t('detail.feeNote')} className="tight">
                          <Input />
                        </Form.Item>
                      </Col>
                    </Row>
                  </div>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', amount: null, unit: 'per_dossier', cap: null, note: '' })} block>
                  {t('catalog.addFee')}
                </Button>
              </>
            )}
          </Form.List>

          <Divider />
          <Typography.Title level={5}>{t('detail.documents')}</Typography.Title>
          <Form.List name="requiredDocuments">
            {(items, { add, remove }) => (
              <>
                {items.map(({ key, name }, i) => (
                  <Row gutter={8} key={key} className="list-row list-row-flat" align="middle">
                    <Col xs={24} md={14}>
                      <Form.Item name={[name, 'name']} label={i === 0 ? t('detail.docName') : undefined} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
                        <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
                      </Form.Item>
                    </Col>
                    <Col xs={7} md={3}>
                      <Form.Item name={[name, 'original']} label={i === 0 ? t('detail.original') : undefined}>
                        <InputNumber min={0} max={20} precision={0} style={{ width: '100%' }} aria-label={t('detail.original')} />
                      </Form.Item>
                    </Col>
                    <Col xs={7} md={3}>
                      <Form.Item name={[name, 'copy']} label={i === 0 ? t('detail.copy') : undefined}>
                        <InputNumber min={0} max={20} precision={0} style={{ width: '100%' }} aria-label={t('detail.copy')} />
                      </Form.Item>
                    </Col>
                    <Col xs={7} md={3}>
                      <Form.Item name={[name, 'mandatory']} valuePropName="checked" label={i === 0 ? t('detail.mandatory') : undefined}>
                        <Checkbox aria-label={t('detail.mandatory')} />
                      </Form.Item>
                    </Col>
                    <Col xs={3} md={1}>
                      <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(name)} aria-label={t('common.remove')} />
                    </Col>
                  </Row>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', original: 1, copy: 0, mandatory: true })} block>
                  {t('catalog.addDocument')}
                </Button>
              </>
            )}
          </Form.List>

          <Divider />
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="legalBasisText" label={t('detail.legalBasis')} extra={t('catalog.onePerLine')}>
                <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="interAgencyText" label={t('detail.interAgency')} extra={t('catalog.onePerLine')}>
                <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
              </Form.Item>
            </Col>
          </Row>

          <Divider />
          <Typography.Title level={5}>{t('detail.workflow')}</Typography.Title>
          <Form.List name="workflow">
            {(items, { add, remove, move }) => (
              <>
                {items.map(({ key, name }, i) => (
                  <div className="list-row step-row" key={key}>
                    <div className="step-head">
                      <div className="step-no">{i + 1}</div>
                      <Form.Item name={[name, 'name']} className="step-name" rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
                        <Input placeholder={t('detail.stepName')} aria-label={t('detail.stepName')} />
                      </Form.Item>
                      <Space size={0}>
                        <Tooltip title={t('catalog.moveUp')}>
                          <Button type="text" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, i - 1)} aria-label={t('catalog.moveUp')} />
                        </Tooltip>
                        <Tooltip title={t('catalog.moveDown')}>
                          <Button type="text" icon={<ArrowDownOutlined />} disabled={i === items.length - 1} onClick={() => move(i, i + 1)} aria-label={t('catalog.moveDown')} />
                        </Tooltip>
                        <Tooltip title={t('common.remove')}>
                          <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(name)} aria-label={t('common.remove')} />
                        </Tooltip>
                      </Space>
                    </div>
                    <Row gutter={8} className="step-body">
                      <Col xs={24} md={8}>
                        <Form.Item name={[name, 'role']} label={t('catalog.stepRole')} rules={[{ required: true, message: t('validation.required') }]}>
                          <Select options={roleOptions} popupMatchSelectWidth={false} />
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={10}>
                        <Form.Item name={[name, 'unit']} label={t('catalog.stepUnit')}>
                          <Input />
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={6}>
                        <Form.Item label={t('detail.stepBudget')} required>
                          <Space.Compact block>
                            <Form.Item name={[name, 'budget', 'value']} noStyle rules={[{ required: true, message: t('validation.required') }]}>
                              <InputNumber min={0.25} step={0.25} style={{ width: '55%' }} decimalSeparator={decimal} aria-label={t('detail.stepBudget')} />
                            </Form.Item>
                            <Form.Item name={[name, 'budget', 'unit']} noStyle>
                              <Select
                                style={{ width: '45%' }}
                                popupMatchSelectWidth={false}
                                options={[
                                  { value: 'working_days', label: t('catalog.unitShort.working_days') },
                                  { value: 'working_hours', label: t('catalog.unitShort.working_hours') },
                                ]}
                              />
                            </Form.Item>
                          </Space.Compact>
                        </Form.Item>
                      </Col>
                    </Row>
                  </div>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ name: '', role: 'specialist', unit: '', budget: { unit: 'working_days', value: 1 } })}
                  block
                  style={{ marginBottom: 12 }}
                >
                  {t('catalog.addStep')}
                </Button>
                <BudgetCheck t={t} time={time} steps={steps} />
              </>
            )}
          </Form.List>

          <Divider />
          <Form.Item name="source" label={t('detail.source')}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
          </Form.Item>
        </Form>
      )}
    </Drawer>
  );
}
