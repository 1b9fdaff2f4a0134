import { InputNumber } from 'antd';
import type { InputNumberProps } from 'antd';
import { groupThousands } from '../../lib/format';

/** Whole đồng with dots between thousands ("1.000.000 đ"); no decimals, no negatives. */
export function MoneyInput(props: Omit<InputNumberProps<number>, 'formatter' | 'parser' | 'precision' | 'min' | 'suffix'>) {
  return (
    <InputNumber<number>
      min={0}
      precision={0}
      step={1000}
      suffix="đ"
      inputMode="numeric"
      formatter={(v) => (v === undefined || v === null || `${v}` === '' ? '' : groupThousands(Number(v), '.'))}
      parser={(s) => {
        const digits = (s ?? '').replace(/\D/g, '');
        return digits === '' ? (undefined as unknown as number) : Number(digits);
      }}
      {...props}
    />
  );
}
