/**
 * The questions a citizen answers (pure domain). The first three are the printed form's criteria (one source of
 * truth: EVALUATION_CRITERIA); the last two are the national indicators that only the citizen can tell (publicity of
 * the procedure, online service). The other national indicators (total time vs limit, time per agency, contacts,
 * supplements) are computed from the dossier, never asked.
 */
import { EVALUATION_CRITERIA, EVALUATION_LEVELS } from '../../dossiers/forms/evaluation';

export interface Question {
  id: string;
  text: string;
  options: { value: number; label: string }[];
}

/** 2 points for "very satisfied", 1 for "satisfied", 0 for "not satisfied" (the national scheme scores 2 per indicator). */
const LEVEL_OPTIONS = EVALUATION_LEVELS.map((label, i) => ({ value: 2 - i, label }));

const ASKED_IDS = ['reception', 'time', 'attitude'] as const;

export const QUESTIONS: readonly Question[] = [
  ...EVALUATION_CRITERIA.map((text, i) => ({ id: ASKED_IDS[i]!, text, options: LEVEL_OPTIONS })),
  { id: 'publicity', text: 'Thủ tục hành chính được công khai đầy đủ, dễ tìm hiểu', options: LEVEL_OPTIONS },
  { id: 'online', text: 'Chất lượng dịch vụ công trực tuyến (nếu có sử dụng)', options: [...LEVEL_OPTIONS, { value: -1, label: 'Không sử dụng' }] },
];

export type Answers = Record<string, number>;

export class EvaluationRuleError extends Error {}

/** Every question answered once with one of its options; unknown questions refused. */
export function validateAnswers(list: { question: string; value: number }[]): Answers {
  const out: Answers = {};
  for (const a of list) {
    const q = QUESTIONS.find((x) => x.id === a.question);
    if (!q) throw new EvaluationRuleError(`Câu hỏi không tồn tại: ${a.question}`);
    if (a.question in out) throw new EvaluationRuleError(`Câu hỏi được trả lời hai lần: ${a.question}`);
    if (!q.options.some((o) => o.value === a.value)) throw new EvaluationRuleError(`Giá trị không hợp lệ cho câu hỏi ${a.question}`);
    out[a.question] = a.value;
  }
  const missing = QUESTIONS.filter((q) => !(q.id in out));
  if (missing.length) throw new EvaluationRuleError(`Chưa trả lời: ${missing.map((q) => q.text).join('; ')}`);
  return out;
}
