import { formatMoney } from '../../lib/format';

/** "1.000.000 đ" with a no-break space, so the đ never wraps away from its number. */
export const money = (amount: number): string => formatMoney(amount).replace(' đ', '\u00a0đ');
