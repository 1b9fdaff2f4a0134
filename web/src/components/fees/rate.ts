import type { TFunction } from 'i18next';
import type { FeeRate } from '../../api/types';
import { money } from './money';

/**
 * How a tiered or capped line was priced, in the reader's language: "2 trang đầu × 2.000 đ; 8 trang × 1.000 đ;
 * tối đa 200.000 đ/bản" (the receipt prints the same Vietnamese text, made by the server).
 */
export function rateText(t: TFunction, r: FeeRate): string {
  const kind = r.unit === 'per_page' ? 'Page' : 'Copy';
  const parts = r.segments.map((s, i) =>
    t(i === 0 && r.segments.length > 1 ? `fees.rate.first${kind}` : `fees.rate.${kind.toLowerCase()}`, { count: s.units, amount: money(s.unitAmount) }),
  );
  if (r.cap !== null) {
    const cap = t(r.unit === 'per_page' ? 'fees.rate.capPerCopy' : 'fees.rate.cap', { amount: money(r.cap) });
    parts.push(r.capped ? `${cap} ${t('fees.rate.capApplied')}` : cap);
  }
  if (r.unit === 'per_page' && (r.copies ?? 1) > 1) parts.push(t('fees.rate.copies', { count: r.copies ?? 1 }));
  return parts.join('; ');
}
