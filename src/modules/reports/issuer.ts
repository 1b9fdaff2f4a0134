import type { Queryable } from '../../platform/db';
import { one } from '../../platform/db';
import { centerPlace } from '../fees/receipt-pdf';
import type { Issuer } from './form';
import type { ReportScope } from './scope';

/** Who signs the form: the center, or the province for a province-wide report. */
export async function issuerOf(db: Queryable, scope: Pick<ReportScope, 'center'>): Promise<Issuer> {
  if (scope.center) return { ...centerPlace(scope.center.name), unitName: scope.center.name };
  const p = await one<{ name: string }>(db, 'SELECT name FROM provinces ORDER BY code LIMIT 1');
  const province = p?.name ?? '';
  return { parentAgency: `UBND tỉnh ${province}`, unitName: 'Giám sát cấp tỉnh', place: province };
}

