// Related services offered at the fee counter (DOMAIN.md §4): result delivery by post, SMS status messages.
// Recorded on the dossier with the charge configured for the center (or the default) at that moment.
import { audit } from '../../../platform/audit';
import type { Queryable, Tx } from '../../../platform/db';
import { many, one } from '../../../platform/db';
import { badRequest, conflict } from '../../../platform/errors';
import type { Actor } from '../../auth/actor';
import type { FeeDossier } from '../repo';
import type { AppConfig } from '../../../config';
import { smsOffer } from '../../notifications/settings';

export type ServiceInput =
  | { kind: 'postal_result'; address: string; recipient?: string | undefined; phone?: string | undefined }
  | { kind: 'sms'; phone: string };

export interface ServiceType { code: string; name: string; charge: number; center_share_percent: string; active: boolean }

/** The service types a center offers: its own charge where configured, the default otherwise. */
export async function serviceTypes(q: Queryable, centerId: string): Promise<ServiceType[]> {
  return many<ServiceType>(q, `SELECT DISTINCT ON (code) code, name, charge, center_share_percent, active FROM fee_service_types
    WHERE center_id = $1 OR center_id IS NULL ORDER BY code, center_id NULLS LAST`, [centerId]);
}

/** The service types the counter may sell now: SMS only while a provider is configured and the center sends SMS. */
export async function offeredServiceTypes(q: Queryable, centerId: string, config: Pick<AppConfig, 'sms' | 'zalo'>): Promise<ServiceType[]> {
  const types = await serviceTypes(q, centerId);
  const sms = types.some((t) => t.code === 'sms') && (await smsOffer(q, config, centerId)).dossiers;
  return types.filter((t) => t.code !== 'sms' || sms);
}

/** Adds services to a dossier inside the caller's transaction; a kind is recorded once per dossier. */
export async function addServices(tx: Tx, d: FeeDossier, services: readonly ServiceInput[], actor: Actor, now: Date, config: Pick<AppConfig, 'sms' | 'zalo'>): Promise<string[]> {
  if (services.length === 0) return [];
  const kinds = services.map((s) => s.kind);
  if (new Set(kinds).size !== kinds.length) throw badRequest('FEE_SERVICE_DUPLICATE', 'Mỗi dịch vụ chỉ đăng ký một lần cho hồ sơ.');
  const existing = await one<{ kind: string }>(tx, 'SELECT kind FROM dossier_services WHERE dossier_id = $1 AND kind = ANY($2) LIMIT 1', [d.id, kinds]);
  if (existing) throw conflict('FEE_SERVICE_EXISTS', `Hồ sơ ${d.code} đã đăng ký dịch vụ này.`);
  const types = new Map((await offeredServiceTypes(tx, d.center_id, config)).map((t) => [t.code, t]));
  const ids: string[] = [];
  for (const s of services) {
    const type = types.get(s.kind);
    if (!type || !type.active) throw badRequest('FEE_SERVICE_UNAVAILABLE', 'Trung tâm chưa cung cấp dịch vụ này.');
    const row = await one<{ id: string }>(tx, `INSERT INTO dossier_services (dossier_id, kind, name, charge, center_share_percent, recipient,
        address, phone, created_by, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING id`,
    [d.id, s.kind, type.name, type.charge, type.center_share_percent, s.kind === 'postal_result' ? (s.recipient ?? d.applicant.fullName) : null,
      s.kind === 'postal_result' ? s.address : null, s.phone ?? null, actor.id, now]);
    ids.push(row!.id);
    await audit(tx, { actorId: actor.id, centerId: d.center_id, action: 'fees.service.add', entity: 'dossier', entityId: d.id,
      data: { code: d.code, kind: s.kind, charge: type.charge } }, now);
  }
  return ids;
}
