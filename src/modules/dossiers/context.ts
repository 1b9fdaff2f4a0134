import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db';
import type { Actor } from '../auth/actor';
import { actorPermissions, isProvinceWide } from '../auth/actor';
import type { CalendarService } from '../calendar/service';
import type { ActorView } from './domain/lifecycle';

/** What a dossier command needs: the database, the clock, the calendars, and who acts. */
export interface DossierCtx {
  db: Db;
  clock: Clock;
  calendars: CalendarService;
  actor: Actor;
}

export function actorView(a: Actor): ActorView {
  return { permissions: actorPermissions(a), centerId: a.centerId, departmentId: a.departmentId, provinceWide: isProvinceWide(a) };
}
