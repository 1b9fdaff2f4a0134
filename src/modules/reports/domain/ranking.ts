// The ranking's fair score (issue 14 item 6): an officer's or a department's on-time share compared with what the
// same mix of procedures achieves across the whole report scope — a land officer is measured against land dossiers,
// not against birth certificates. Pure: counts in, numbers out.

/** Settled dossiers of one procedure: how many, and how many of them early or on time. */
export interface ProcedureCount {
  procedure: string;
  settled: number;
  onTime: number;
}

export interface MixScore {
  settled: number;
  onTime: number;
  /** onTime / settled, 0–1; null with nothing settled. */
  onTimeShare: number | null;
  /** Σ settled_p × baseline rate_p / Σ settled_p: the share the scope reaches on the same procedures; null with nothing settled. */
  expectedShare: number | null;
  /** 100 + (onTimeShare − expectedShare) × 100, rounded to one decimal: 100 is "as the others on the same procedures". */
  score: number | null;
}

/** Points one feedback upheld against the officer or the department (answered in the period) takes off the score. */
export const UPHELD_PENALTY = 5;

/** The formula as the screens print it. */
export const SCORE_FORMULA = {
  vi: `Điểm = 100 + (Tỷ lệ đúng hạn − Tỷ lệ đúng hạn kỳ vọng) × 100 − ${UPHELD_PENALTY} × Số phản ánh đúng (có cơ sở); Tỷ lệ kỳ vọng = Σ (số hồ sơ đã giải quyết của thủ tục p × tỷ lệ đúng hạn chung của thủ tục p) ÷ Σ số hồ sơ đã giải quyết. Tỷ lệ chung của một thủ tục tính trên mọi hồ sơ của thủ tục đó trong phạm vi báo cáo, cùng kỳ. Phản ánh đúng: phản ánh, kiến nghị được trả lời trong kỳ với kết luận «đúng, có cơ sở» về cán bộ đó (theo phòng: giao cho phòng, hoặc về cán bộ của phòng). 100 điểm: ngang mức chung của cùng các thủ tục, không có phản ánh đúng; trên 100: tốt hơn; dưới 100: kém hơn.`,
  en: `Score = 100 + (on-time share − expected on-time share) × 100 − ${UPHELD_PENALTY} × upheld feedback; expected share = Σ (settled dossiers of procedure p × overall on-time rate of p) ÷ Σ settled dossiers. The overall rate of a procedure counts every dossier of it in the report scope for the same period. Upheld feedback: feedback answered in the period with the verdict "upheld" about that officer (per department: assigned to it, or about one of its officers). 100: as good as the others on the same procedures, with no upheld feedback.`,
};

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The scope's on-time rate per procedure, from every group's counts together. */
export function baselineRates(all: readonly ProcedureCount[]): Map<string, number> {
  const acc = new Map<string, { settled: number; onTime: number }>();
  for (const c of all) {
    const a = acc.get(c.procedure) ?? { settled: 0, onTime: 0 };
    a.settled += c.settled;
    a.onTime += c.onTime;
    acc.set(c.procedure, a);
  }
  const out = new Map<string, number>();
  for (const [p, a] of acc) if (a.settled > 0) out.set(p, a.onTime / a.settled);
  return out;
}

/**
 * The mix-normalised score of one group (an officer, a department). A procedure missing from the baseline counts the
 * group's own rate for it (it alone handled it), so it neither helps nor hurts.
 */
export function mixScore(own: readonly ProcedureCount[], baseline: ReadonlyMap<string, number>): MixScore {
  let settled = 0;
  let onTime = 0;
  let expected = 0;
  for (const c of own) {
    if (c.settled <= 0) continue;
    if (c.onTime < 0 || c.onTime > c.settled) throw new RangeError(`onTime must be within 0..settled for ${c.procedure}`);
    settled += c.settled;
    onTime += c.onTime;
    expected += c.settled * (baseline.get(c.procedure) ?? c.onTime / c.settled);
  }
  if (settled === 0) return { settled: 0, onTime: 0, onTimeShare: null, expectedShare: null, score: null };
  const share = onTime / settled;
  const exp = expected / settled;
  return { settled, onTime, onTimeShare: round(share, 4), expectedShare: round(exp, 4), score: round(100 + (share - exp) * 100, 1) };
}

/** The score after the upheld feedback: each takes UPHELD_PENALTY points off; no score without settled dossiers. */
export function scoreWithFeedback(score: number | null, upheld: number): number | null {
  if (score === null) return null;
  if (!Number.isInteger(upheld) || upheld < 0) throw new RangeError('upheld must be a whole number ≥ 0');
  return round(score - UPHELD_PENALTY * upheld, 1);
}
