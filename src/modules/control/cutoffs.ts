// Per center, the instant before which a last touch means "untouched now" (./domain untouchedCutoff by the center's
// own calendar), for the SQL of ./sql.
import type { Queryable } from '../../platform/db';
import type { Actor } from '../auth/actor';
import type { CalendarService } from '../calendar/service';
import { listCenterIds } from '../reports/scope';
import { untouchedCutoff } from './domain';
import type { Cutoff } from './sql';

export async function untouchedCutoffs(calendars: CalendarService, centerIds: readonly string[], now: Date): Promise<Cutoff[]> {
  return Promise.all(centerIds.map(async (centerId) => ({ centerId, until: untouchedCutoff((await calendars.forCenter(centerId)).calendar, now) })));
}

/** The cutoffs of the centers a dossier list may show (the caller's, or the province's). */
export async function untouchedCutoffsFor(db: Queryable, calendars: CalendarService, actor: Actor, center: string | undefined, now: Date): Promise<Cutoff[]> {
  return untouchedCutoffs(calendars, await listCenterIds(db, actor, center), now);
}
