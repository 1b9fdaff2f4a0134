// Who sees which figures: province roles any center (or all), the center's leaders and supervisors their center
// whatever they ask for, a department head their department.
import type { Queryable } from '../../platform/db';
import { many, one } from '../../platform/db';
import { forbidden } from '../../platform/errors';
import { actorCan, isProvinceWide, type Actor } from '../auth/actor';
import { findCenter, type CenterRef } from '../centers/repo';
import type { ScopeSql } from './sql';

export interface ReportScope extends ScopeSql {
  /** The one center reported on; null: every center of the province. */
  center: (CenterRef & { shortName: string }) | null;
  department: { id: string; name: string } | null;
}

const centerRow = (db: Queryable, id: string) =>
  one<CenterRef & { shortName: string }>(db, 'SELECT id, code, name, short_name AS "shortName" FROM centers WHERE id = $1', [id]);

export async function reportScope(db: Queryable, actor: Actor, requested?: string | null): Promise<ReportScope> {
  if (isProvinceWide(actor)) {
    if (!actorCan(actor, 'reports.view')) throw forbidden();
    if (requested) {
      const c = await centerRow(db, (await findCenter(db, requested)).id);
      return { centerIds: [c!.id], departmentId: null, center: c!, department: null };
    }
    const all = await many<{ id: string }>(db, 'SELECT id FROM centers ORDER BY code');
    return { centerIds: all.map((c) => c.id), departmentId: null, center: null, department: null };
  }
  if (!actor.centerId) throw forbidden('Tài khoản chưa được gán cho Trung tâm nào.');
  const center = (await centerRow(db, actor.centerId))!;
  if (actorCan(actor, 'reports.view')) return { centerIds: [center.id], departmentId: null, center, department: null };
  if (actorCan(actor, 'reports.department') && actor.departmentId) {
    const dep = await one<{ id: string; name: string }>(db, 'SELECT id, name FROM departments WHERE id = $1', [actor.departmentId]);
    return { centerIds: [center.id], departmentId: actor.departmentId, center, department: dep ?? null };
  }
  throw forbidden();
}

/** The centers a dossier list may show (the caller's, or the province's). */
export async function listCenterIds(db: Queryable, actor: Actor, center: string | undefined): Promise<string[]> {
  if (isProvinceWide(actor)) return center ? [(await findCenter(db, center)).id] : (await many<{ id: string }>(db, 'SELECT id FROM centers')).map((c) => c.id);
  return actor.centerId ? [actor.centerId] : [];
}
