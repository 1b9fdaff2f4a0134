import type { Queryable } from '../../platform/db';
import { one } from '../../platform/db';
import { notFound } from '../../platform/errors';

// Centers are looked up by every module that takes a `center` parameter (dossiers, fees, queue, calendar): by id
// (uuid) or by code, with the settings that change how the center works.
export interface CenterRef {
  id: string;
  code: string;
  name: string;
}

export interface CenterSettings {
  saturdayMorningOpen?: boolean;
  /** "Sáng thứ Bảy tính vào thời hạn": Saturday morning counts in time limits (off unless set; needs it open). */
  saturdayMorningCounts?: boolean;
  /** A returned dossier's evaluation is pushed to the return counter's tablet (on unless set false). */
  evaluationAutoInvite?: boolean;
  /** The center's own office hours (giờ làm việc) and public hours (giờ tiếp công dân); the province default otherwise. */
  officeHours?: { start: string; end: string }[];
  publicHours?: { start: string; end: string }[];
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findCenter(db: Queryable, idOrCode: string): Promise<CenterRef & { settings: CenterSettings }> {
  const row = await one<CenterRef & { settings: CenterSettings }>(
    db,
    `SELECT id, code, name, settings FROM centers WHERE ${UUID.test(idOrCode) ? 'id = $1::uuid' : 'code = $1'}`,
    [idOrCode],
  );
  if (!row) throw notFound(`Trung tâm "${idOrCode}"`);
  return row;
}
