// Auto-invite on return (issue 14): when a clerk records the return of a dossier at the counter, the dossier's
// evaluation is pushed to the tablet paired with the clerk's counter — what the "Mời đánh giá" button does — unless
// the center switched it off (settings.evaluationAutoInvite = false), the result went by post or online, the
// dossier is already rated, or no tablet is paired there. Idempotent: a dossier already on the tablet stays as is.
import { one, withTx, type Db } from '../../platform/db';
import { audit } from '../../platform/audit';
import type { CenterSettings } from '../centers/repo';
import { evaluationToken } from './routes';

export interface AutoInvite {
  tabletId: string;
  tablet: string;
  counter: string;
}

/**
 * The clerk's counter: the counter the clerk sits at today in the queue (an open or paused session of the day, in the
 * center's time), else the counter the clerk is assigned to.
 */
const CLERK_COUNTER = `SELECT coalesce(
    (SELECT s.counter_id FROM queue_counter_sessions s WHERE s.user_id = $1 AND s.center_id = $2 AND s.status <> 'closed'
       AND s.day = ($3::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh')::date ORDER BY s.since DESC LIMIT 1),
    (SELECT u.counter_id FROM users u WHERE u.id = $1)) AS counter_id`;

export async function inviteOnReturn(db: Db, dossierId: string, clerkId: string, now: Date): Promise<AutoInvite | null> {
  return withTx(db, async (tx) => {
    const d = await one<{ id: string; code: string; center_id: string; status: string; return_method: string | null; settings: CenterSettings | null }>(tx,
      `SELECT d.id, d.code, d.center_id, d.status, d.return_method, c.settings FROM dossiers d JOIN centers c ON c.id = d.center_id WHERE d.id = $1`, [dossierId]);
    if (!d || d.status !== 'returned' || (d.return_method ?? 'counter') !== 'counter') return null;
    if (d.settings?.evaluationAutoInvite === false) return null;
    const counterId = (await one<{ counter_id: string | null }>(tx, CLERK_COUNTER, [clerkId, d.center_id, now]))?.counter_id;
    if (!counterId) return null;
    const tablet = await one<{ id: string; name: string; counter_name: string; evaluation_id: string | null }>(tx,
      `SELECT t.id, t.name, c.name AS counter_name, t.evaluation_id FROM evaluation_tablets t JOIN counters c ON c.id = t.counter_id
       WHERE t.counter_id = $1 AND t.center_id = $2 AND t.revoked_at IS NULL ORDER BY t.created_at DESC LIMIT 1 FOR UPDATE OF t`, [counterId, d.center_id]);
    if (!tablet) return null;
    await evaluationToken(tx, d, now);
    const ev = (await one<{ id: string; submitted_at: Date | null }>(tx, 'SELECT id, submitted_at FROM evaluations WHERE dossier_id = $1 FOR UPDATE', [d.id]))!;
    if (ev.submitted_at || tablet.evaluation_id === ev.id) return null;
    await tx.query('UPDATE evaluation_tablets SET evaluation_id = $2, pushed_at = $3, pushed_by = $4 WHERE id = $1', [tablet.id, ev.id, now, clerkId]);
    await audit(tx, { actorId: clerkId, centerId: d.center_id, action: 'evaluation.tablet.push', entity: 'evaluation', entityId: ev.id,
      data: { tabletId: tablet.id, dossier: d.code, auto: true } }, now);
    return { tabletId: tablet.id, tablet: tablet.name, counter: tablet.counter_name };
  });
}
