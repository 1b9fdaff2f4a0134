// Ticket numbers: number = rangeStart + n (n = 1, 2, … per day), shown with the prefix.

/** Default range of a field: its number × 1000 (field 2 → 2001, 2002, …). */
export const defaultRangeStart = (fieldNo: number) => fieldNo * 1000;

export function ticketNumber(rangeStart: number, seq: number, prefix = ''): { number: number; displayNumber: string } {
  const number = rangeStart + seq;
  return { number, displayNumber: `${prefix}${number}` };
}

/** What the board says and the voice announces. */
export const callText = (displayNumber: string, counterNumber: number) => `Mời số ${displayNumber} đến quầy số ${counterNumber}`;
