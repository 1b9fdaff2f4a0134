// The center whose money a request is about. Province-wide roles name it (?center= or body.center, by id or
// code); everyone else is held to their own center and gets 403 when they name another.
import type { Queryable } from '../../platform/db';
import { badRequest, forbidden } from '../../platform/errors';
import { isProvinceWide, type Actor } from '../auth/actor';
import { findCenter } from '../centers/repo';

export interface FeeCenter {
  id: string;
  code: string;
  name: string;
}

export async function feeCenter(db: Queryable, actor: Actor, requested?: string): Promise<FeeCenter> {
  if (isProvinceWide(actor)) {
    if (!requested) throw badRequest('FEE_CENTER_REQUIRED', 'Hãy chọn Trung tâm (tham số center).');
    const c = await findCenter(db, requested);
    return { id: c.id, code: c.code, name: c.name };
  }
  if (!actor.centerId) throw forbidden('Tài khoản chưa được gán cho Trung tâm nào.');
  const c = await findCenter(db, requested ?? actor.centerId);
  if (c.id !== actor.centerId) throw forbidden('Bạn chỉ được xem dữ liệu của Trung tâm mình.');
  return { id: c.id, code: c.code, name: c.name };
}
