// What the counter enters for a dossier's fees (pages, copies, chosen alternatives, the applicant's categories,
// amounts "theo quy định"), stored so the collector charges exactly what reception computed.
import { audit } from '../../../platform/audit';
import { one, withTx } from '../../../platform/db';
import { conflict } from '../../../platform/errors';
import type { DossierFeeInputs } from '../domain';
import { computeBreakdown, type Breakdown } from '../breakdown';
import { loadDossier, loadSchedule, type FeeDossier } from '../repo';
import type { FeeCtx } from './collect';

export interface InputsBody extends DossierFeeInputs {
  /** The version read with the breakdown; a different stored version means someone else changed it (409). */
  version?: number | undefined;
}

export async function saveInputs(ctx: FeeCtx, code: string, body: InputsBody): Promise<{ dossier: FeeDossier; breakdown: Breakdown }> {
  const { db, clock, actor } = ctx;
  const first = await loadDossier(db, code, actor);
  const schedule = await loadSchedule(db, first.procedure_code);
  return withTx(db, async (tx) => {
    const now = clock.now();
    const d = await loadDossier(tx, code, actor, true);
    const inputs = {
      pages: body.pages ?? null,
      copies: body.copies ?? null,
      itemQuantities: body.itemQuantities ?? {},
      selected: body.selected ?? [],
      categories: body.categories ?? [],
      manualAmounts: body.manualAmounts ?? {},
    };
    // Refuse what the calculator refuses before anything is stored.
    await computeBreakdown(tx, d, schedule, inputs);
    const row = await one<{ version: number }>(tx, `INSERT INTO dossier_fee_inputs (dossier_id, pages, copies, item_quantities, selected, categories,
        manual_amounts, version, updated_by, updated_at) VALUES ($1,$2,$3,$4,$5,$6,$7,1,$8,$9)
      ON CONFLICT (dossier_id) DO UPDATE SET pages = $2, copies = $3, item_quantities = $4, selected = $5, categories = $6, manual_amounts = $7,
        version = dossier_fee_inputs.version + 1, updated_by = $8, updated_at = $9
        WHERE $10::integer IS NULL OR dossier_fee_inputs.version = $10
      RETURNING version`,
    [d.id, inputs.pages, inputs.copies, JSON.stringify(inputs.itemQuantities), inputs.selected, inputs.categories,
      JSON.stringify(inputs.manualAmounts), actor.id, now, body.version ?? null]);
    if (!row) throw conflict('FEE_INPUTS_CHANGED', 'Số lượng tính phí của hồ sơ vừa được người khác thay đổi, vui lòng tải lại.');
    await audit(tx, { actorId: actor.id, centerId: d.center_id, action: 'fees.inputs.save', entity: 'dossier', entityId: d.id,
      data: { code: d.code, ...inputs } }, now);
    return { dossier: d, breakdown: await computeBreakdown(tx, d, schedule) };
  });
}
