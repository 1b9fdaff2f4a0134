// VietQR (NAPAS 247): the EMVCo merchant-presented QR payload a bank app scans to pre-fill a transfer.
//
// Layout (each field is TLV: 2-digit tag, 2-digit decimal length, value):
//   00 "01"                       payload format indicator
//   01 "11" static | "12" dynamic  point of initiation; dynamic when an amount is given
//   38 { 00 "A000000727"          NAPAS GUID
//        01 { 00 bank BIN, 01 account or card number }
//        02 "QRIBFTTA" account | "QRIBFTTC" card }
//   53 "704"                      currency VND (ISO 4217)
//   54 amount                     integer VND, only when given
//   58 "VN"                       country
//   62 { 08 purpose }             transfer memo, only when given
//   63 CRC-16/CCITT-FALSE         poly 0x1021, init 0xFFFF, over everything before it including "6304";
//                                 4 upper-case hex digits
// Every value is kept ASCII so that the TLV lengths (characters) and the bytes the CRC runs over agree.
import { VietQrError } from './errors';

export type VietQrService = 'account' | 'card';

export interface VietQrInput {
  /** 6-digit NAPAS bank identification number, e.g. "970436" for Vietcombank. */
  bankBin: string;
  /** Beneficiary account (or card) number: 1–19 letters or digits. */
  accountNumber: string;
  /** Integer VND > 0; makes the code dynamic (tag 01 = "12") with tag 54. */
  amount?: number;
  /** Memo; folded to ASCII (see `foldPurpose`) and limited to 25 characters. */
  purpose?: string;
  /** 'account' (default) → QRIBFTTA, 'card' → QRIBFTTC. */
  service?: VietQrService;
  /** What to do when the folded purpose exceeds 25 characters: cut it (default) or throw. */
  onLongPurpose?: 'truncate' | 'error';
}

/** A parsed TLV field: a plain value, or a nested template. */
export type TlvValue = string | TlvMap;
export interface TlvMap {
  [tag: string]: TlvValue;
}

export const NAPAS_GUID = 'A000000727';
export const MAX_PURPOSE_LENGTH = 25;
const MAX_AMOUNT_DIGITS = 13; // EMVCo: tag 54 is at most 13 characters

/** CRC-16/CCITT-FALSE of the UTF-8 bytes of `input`, as 4 upper-case hex digits ("123456789" → "29B1"). */
export function crc16CcittFalse(input: string): string {
  let crc = 0xffff;
  for (const byte of new TextEncoder().encode(input)) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

/**
 * Folds a memo to what every bank app accepts: Vietnamese diacritics stripped (đ → d, Đ → D), every character
 * outside [A-Za-z0-9 .-] removed, runs of spaces collapsed, trimmed. Not truncated.
 * "Nộp phí hồ sơ: 000.00.15.H57-170313-0001" → "Nop phi ho so 000.00.15.H57-170313-0001".
 */
export function foldPurpose(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/\s+/g, ' ')
    .replace(/[^A-Za-z0-9 .-]/g, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** One TLV field; the value must be ASCII and at most 99 characters. */
export function tlv(tag: string, value: string): string {
  if (!/^\d{2}$/.test(tag) || value.length > 99) {
    throw new VietQrError('VIETQR_MALFORMED_TLV', `Trường ${tag} của mã VietQR không hợp lệ.`, { tag });
  }
  return tag + String(value.length).padStart(2, '0') + value;
}

function checkedPurpose(input: VietQrInput): string {
  const folded = foldPurpose(input.purpose ?? '');
  if (folded.length <= MAX_PURPOSE_LENGTH) return folded;
  if (input.onLongPurpose === 'error') {
    throw new VietQrError(
      'VIETQR_PURPOSE_TOO_LONG',
      `Nội dung chuyển khoản dài quá ${MAX_PURPOSE_LENGTH} ký tự.`,
      { purpose: folded, length: folded.length },
    );
  }
  return folded.slice(0, MAX_PURPOSE_LENGTH).trimEnd();
}

function validate(input: VietQrInput): void {
  if (!/^\d{6}$/.test(input.bankBin)) {
    throw new VietQrError('VIETQR_INVALID_BANK_BIN', 'Mã BIN ngân hàng phải gồm 6 chữ số.', {
      bankBin: input.bankBin,
    });
  }
  if (!/^[A-Za-z0-9]{1,19}$/.test(input.accountNumber)) {
    throw new VietQrError('VIETQR_INVALID_ACCOUNT', 'Số tài khoản/số thẻ phải gồm 1–19 chữ cái hoặc chữ số.', {
      accountNumber: input.accountNumber,
    });
  }
  const service = input.service ?? 'account';
  if (service !== 'account' && service !== 'card') {
    throw new VietQrError('VIETQR_INVALID_SERVICE', 'Loại dịch vụ VietQR phải là tài khoản hoặc thẻ.', {
      service: String(service),
    });
  }
  const { amount } = input;
  if (amount !== undefined) {
    if (!Number.isSafeInteger(amount) || amount <= 0 || String(amount).length > MAX_AMOUNT_DIGITS) {
      throw new VietQrError('VIETQR_INVALID_AMOUNT', 'Số tiền trong mã VietQR phải là số nguyên đồng lớn hơn 0.', {
        amount: String(amount),
      });
    }
  }
}

/** Builds the VietQR payload string (CRC included) for a transfer to `accountNumber` at `bankBin`. */
export function buildVietQr(input: VietQrInput): string {
  validate(input);
  const service = input.service === 'card' ? 'QRIBFTTC' : 'QRIBFTTA';
  const beneficiary = tlv('00', input.bankBin) + tlv('01', input.accountNumber);
  const merchant = tlv('00', NAPAS_GUID) + tlv('01', beneficiary) + tlv('02', service);
  const purpose = checkedPurpose(input);
  const body =
    tlv('00', '01') +
    tlv('01', input.amount === undefined ? '11' : '12') +
    tlv('38', merchant) +
    tlv('53', '704') +
    (input.amount === undefined ? '' : tlv('54', String(input.amount))) +
    tlv('58', 'VN') +
    (purpose ? tlv('62', tlv('08', purpose)) : '') +
    '6304';
  return body + crc16CcittFalse(body);
}

/** True when `payload` ends with tag 63 (length 04) holding the CRC of everything before the CRC digits. */
export function verifyCrc(payload: string): boolean {
  if (typeof payload !== 'string' || payload.length < 8) return false;
  const crc = payload.slice(-4);
  if (!/^[0-9A-Fa-f]{4}$/.test(crc) || payload.slice(-8, -4) !== '6304') return false;
  return crc16CcittFalse(payload.slice(0, -4)) === crc.toUpperCase();
}

/** Tags whose value is itself TLV, by path: merchant account templates 26–51, 62, 64, 80–99; 38.01 (NAPAS). */
function isTemplate(path: readonly string[]): boolean {
  if (path.length === 1) {
    const n = Number(path[0]);
    return (n >= 26 && n <= 51) || n === 62 || n === 64 || n >= 80;
  }
  return path.length === 2 && path[0] === '38' && path[1] === '01';
}

function parseLevel(text: string, parent: readonly string[]): TlvMap {
  const map: TlvMap = {};
  let i = 0;
  while (i < text.length) {
    const head = text.slice(i, i + 4);
    if (!/^\d{4}$/.test(head)) {
      throw new VietQrError('VIETQR_MALFORMED_TLV', 'Mã VietQR không đúng định dạng TLV.', { at: i, parent });
    }
    const tag = head.slice(0, 2);
    const length = Number(head.slice(2));
    const value = text.slice(i + 4, i + 4 + length);
    if (value.length !== length || tag in map) {
      throw new VietQrError('VIETQR_MALFORMED_TLV', 'Mã VietQR không đúng định dạng TLV.', { at: i, tag, parent });
    }
    const path = [...parent, tag];
    map[tag] = isTemplate(path) ? parseLevel(value, path) : value;
    i += 4 + length;
  }
  return map;
}

/**
 * Parses an EMVCo TLV payload into a nested map keyed by 2-digit tags, e.g. `parseTlv(p)['38']['01']['00']`
 * is the bank BIN. Templates (26–51, 62, 64, 80–99, and 38.01) are parsed recursively. The CRC is not
 * checked here (see `verifyCrc`). Malformed input or a repeated tag throws VIETQR_MALFORMED_TLV.
 */
export function parseTlv(payload: string): TlvMap {
  return parseLevel(payload, []);
}
