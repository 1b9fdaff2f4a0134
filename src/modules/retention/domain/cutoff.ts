/**
 * How long personal data is kept: a dossier's personal data goes `years` years after the dossier ended (returned,
 * refused or withdrawn). Fee receipts are accounting vouchers and keep the payer at least ACCOUNTING_YEARS
 * (Luật Kế toán 2015, art. 41: vouchers used for the books are kept for at least 10 years).
 */
export const ACCOUNTING_YEARS = 10;

/** The instant `years` calendar years before `now` (29 February falls back to 28 February); null: keep for ever. */
export function yearsBefore(now: Date, years: number): Date | null {
  if (!Number.isInteger(years) || years < 0) throw new RangeError('years must be a whole number ≥ 0');
  if (years === 0) return null;
  const d = new Date(now.getTime());
  const month = d.getUTCMonth();
  d.setUTCFullYear(d.getUTCFullYear() - years);
  if (d.getUTCMonth() !== month) d.setUTCDate(0); // 29/02 → 01/03 of a common year: back to 28/02
  return d;
}

export interface RetentionCutoffs {
  /** Dossiers that ended before this lose their personal data; null: nothing is purged. */
  dossiers: Date | null;
  /** Receipts issued before this lose the payer's data (never later than the accounting period allows). */
  receipts: Date | null;
}

export function retentionCutoffs(now: Date, years: number): RetentionCutoffs {
  const dossiers = yearsBefore(now, years);
  return { dossiers, receipts: dossiers && yearsBefore(now, Math.max(years, ACCOUNTING_YEARS)) };
}
