// Recording answers once, whatever the channel (link, tablet, paper): a guarded UPDATE on the row still empty; a
// second attempt finds no empty row → 409.
import { one, type Queryable } from '../../platform/db';
import { AppError, conflict } from '../../platform/errors';
import { audit } from '../../platform/audit';
import { EvaluationRuleError, validateAnswers, type Answers } from './domain/questions';

export function checkedAnswers(list: { question: string; value: number }[]): Answers {
  try {
    return validateAnswers(list);
  } catch (e) {
    if (e instanceof EvaluationRuleError) throw new AppError(400, 'EVALUATION_INVALID', e.message);
    throw e;
  }
}

export const alreadyRecorded = () => conflict('EVALUATION_ALREADY_RECORDED', 'Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ được đánh giá một lần.');

/** Fills the dossier's evaluation once; 409 when it already holds answers. Audited in the same transaction. */
export async function recordEvaluation(
  tx: Queryable,
  evaluationId: string,
  answers: Answers,
  by: { channel: 'kiosk' | 'paper'; tabletId?: string; enteredBy?: string },
  now: Date,
): Promise<{ id: string; center_id: string; dossier_id: string }> {
  const row = await one<{ id: string; center_id: string; dossier_id: string }>(tx,
    `UPDATE evaluations SET answers = $2, submitted_at = $3, channel = $4, tablet_id = $5, entered_by = $6
     WHERE id = $1 AND submitted_at IS NULL RETURNING id, center_id, dossier_id`,
    [evaluationId, JSON.stringify(answers), now, by.channel, by.tabletId ?? null, by.enteredBy ?? null]);
  if (!row) throw alreadyRecorded();
  await audit(tx, {
    actorId: by.enteredBy ?? null, centerId: row.center_id, action: by.channel === 'paper' ? 'evaluation.paper' : 'evaluation.kiosk',
    entity: 'evaluation', entityId: row.id, data: { channel: by.channel, ...(by.tabletId ? { tabletId: by.tabletId } : {}) },
  }, now);
  return row;
}
