// Vietnamese reading of an integer VND amount, as written on receipts ("Số tiền bằng chữ").
//
// Rules (the style of Vietnamese invoices and receipts):
// - Digits are read in groups of three from the right: đơn vị, nghìn, triệu; above 999 999 999 the part in
//   "tỷ" is itself read with nghìn/triệu, so 10^12 is "một nghìn tỷ" and 10^15 − 1 is
//   "chín trăm chín mươi chín nghìn chín trăm chín mươi chín tỷ chín trăm …".
// - A group that is entirely zero is skipped with its unit word (1 000 001 → "một triệu không trăm lẻ một",
//   never "một triệu không nghìn không trăm lẻ một").
// - The leading group is read without leading zeros (5 → "năm", 15 → "mười lăm"); every later non-zero group
//   is read with all three digits, so a zero hundreds digit is said "không trăm" (1 005 → "một nghìn không
//   trăm lẻ năm", 1 050 → "một nghìn không trăm năm mươi").
// - A zero tens digit after a spoken hundreds digit is "lẻ" (105 → "một trăm lẻ năm"; 100 → "một trăm").
// - Tens: 1 → "mười", 2–9 → "<digit> mươi".
// - Units after the tens: 0 → nothing; 5 → "lăm" after "mười"/"mươi" (15, 25) but "năm" otherwise (5, 105);
//   1 → "mốt" after "mươi" (21, 31) but "một" after "mười" (11) or "lẻ" (101); 4 → "tư" after "mươi"
//   (24, 34) but "bốn" after "mười" (14) or "lẻ" (104) or alone (4).
// - The first letter is capitalised and the text ends with " đồng"; 0 is "Không đồng".
// - Accepted input: safe integers from 0 to 999 999 999 999 999; anything else is a MoneyError.
import { MoneyError } from './errors';

/** Largest amount `amountInWords` reads: 999 999 999 999 999 đồng (just under one triệu tỷ). */
export const MAX_AMOUNT_IN_WORDS = 999_999_999_999_999;

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;
const BILLION = 1_000_000_000;

/** Reads 0..999; `full` reads the hundreds digit even when it is zero (a group after a non-zero group). */
function readTriple(n: number, full: boolean): string[] {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor(n / 10) % 10;
  const units = n % 10;
  const words: string[] = [];
  const saidHundreds = full || hundreds > 0;
  if (saidHundreds) words.push(DIGITS[hundreds], 'trăm');
  if (tens === 0) {
    if (units > 0) {
      if (saidHundreds) words.push('lẻ');
      words.push(DIGITS[units]);
    }
    return words;
  }
  if (tens === 1) {
    words.push('mười');
    if (units === 5) words.push('lăm');
    else if (units > 0) words.push(DIGITS[units]);
    return words;
  }
  words.push(DIGITS[tens], 'mươi');
  if (units === 1) words.push('mốt');
  else if (units === 4) words.push('tư');
  else if (units === 5) words.push('lăm');
  else if (units > 0) words.push(DIGITS[units]);
  return words;
}

/** Reads 1..999 999 999 with nghìn/triệu, skipping zero groups; `leading` = nothing is said before it. */
function readBelowBillion(n: number, leading: boolean): string[] {
  const groups: [number, string | null][] = [
    [Math.floor(n / 1_000_000) % 1000, 'triệu'],
    [Math.floor(n / 1000) % 1000, 'nghìn'],
    [n % 1000, null],
  ];
  const words: string[] = [];
  let spoken = !leading;
  for (const [value, unit] of groups) {
    if (value === 0) continue;
    words.push(...readTriple(value, spoken));
    if (unit) words.push(unit);
    spoken = true;
  }
  return words;
}

function assertReadable(n: number): void {
  if (typeof n !== 'number' || !Number.isInteger(n)) {
    throw new MoneyError('MONEY_NOT_INTEGER', 'Số tiền phải là số nguyên đồng.', { value: String(n) });
  }
  if (n < 0) {
    throw new MoneyError('MONEY_NEGATIVE', 'Số tiền không được âm.', { value: n });
  }
  if (n > MAX_AMOUNT_IN_WORDS) {
    throw new MoneyError('MONEY_OUT_OF_RANGE', 'Số tiền vượt quá giới hạn có thể đọc bằng chữ.', { value: n });
  }
}

/** The Vietnamese words for an integer amount of đồng, e.g. 105 → "Một trăm lẻ năm đồng". */
export function amountInWords(n: number): string {
  assertReadable(n);
  if (n === 0) return 'Không đồng';
  const billions = Math.floor(n / BILLION);
  const rest = n % BILLION;
  const words: string[] = [];
  if (billions > 0) words.push(...readBelowBillion(billions, true), 'tỷ');
  if (rest > 0) words.push(...readBelowBillion(rest, billions === 0));
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1) + ' đồng';
}
