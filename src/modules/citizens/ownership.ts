// Whose dossiers a citizen sees ("Hồ sơ của tôi"), one rule for every citizen route: the phone or e-mail given at
// registration (as printed on the slip) matching the verified contact, or — for a person, never an organisation —
// the identity number the national sign-in verified. Parameters $1 (contact) and $2 (identity number): ownerParams.
import type { Queryable } from '../../platform/db';
import { one } from '../../platform/db';
import { AppError } from '../../platform/errors';
import type { Citizen } from './sessions';

/** The SQL condition on the dossiers row aliased `d`. */
export const OWNS = (d: string) => `(f_citizen_phone(${d}.applicant->>'phone') = $1 OR lower(${d}.applicant->>'email') = $1
  OR ($2::text IS NOT NULL AND ${d}.applicant->>'idNumber' = $2 AND ${d}.applicant->>'taxCode' IS NULL))`;

export const ownerParams = (c: Pick<Citizen, 'contact' | 'idNumber'>): [string | null, string | null] => [c.contact, c.idNumber];

/** The same answer whether the dossier exists or belongs to someone else. */
export const notYours = () => new AppError(404, 'NOT_FOUND', 'Không tìm thấy hồ sơ này trong danh sách hồ sơ của bạn.');

/** The code of the citizen's own dossier, or 404. */
export async function ownDossierCode(q: Queryable, c: Citizen, code: string): Promise<string> {
  const own = await one<{ code: string }>(q, `SELECT d.code FROM dossiers d WHERE d.code = $3 AND ${OWNS('d')}`, [...ownerParams(c), code.trim()]);
  if (!own) throw notYours();
  return own.code;
}
