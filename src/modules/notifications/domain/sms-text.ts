// SMS text as the brandname gateways take it: plain GSM-7 (no Vietnamese diacritics — accented text would go as
// UCS-2 at 70 characters a part), counted in parts of 160 characters, or 153 each when concatenated. Pure.

// The GSM 03.38 default alphabet, and its extension table (each of those costs two characters: escape + char).
const GSM7_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const GSM7_EXTENSION = new Set('^{}\\[~]|€\f');

export const SMS_SINGLE = 160;
export const SMS_PART = 153;

// Typography that people paste into templates, said the GSM way.
const PUNCTUATION: Record<string, string> = {
  '–': '-', '—': '-', '‑': '-', '“': '"', '”': '"', '„': '"', '‘': "'", '’': "'", '…': '...', '\u00a0': ' ', '\t': ' ', '•': '-', '×': 'x',
};

/**
 * Vietnamese → GSM-7 without diacritics: NFD, drop the combining marks (U+0300–U+036F), then đ → d and Đ → D (NFD
 * leaves those two alone), typographic punctuation to its plain form, runs of spaces to one; any other character
 * outside the GSM-7 alphabet becomes "?" so the gateway never switches to UCS-2.
 */
export function toSmsText(input: string): string {
  const stripped = input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
  let out = '';
  for (const ch of stripped) {
    const c = PUNCTUATION[ch] ?? ch;
    for (const x of c) out += GSM7_BASIC.has(x) || GSM7_EXTENSION.has(x) ? x : '?';
  }
  return out.replace(/ {2,}/g, ' ').trim();
}

/** GSM-7 units of a text that is already GSM-7 (extension characters count two). */
export function smsUnits(text: string): number {
  let n = 0;
  for (const ch of text) n += GSM7_EXTENSION.has(ch) ? 2 : 1;
  return n;
}

/** Parts the text is billed as: 1 up to 160 units, then one per 153. 0 for an empty text. */
export function smsParts(text: string): number {
  const n = smsUnits(text);
  if (n === 0) return 0;
  return n <= SMS_SINGLE ? 1 : Math.ceil(n / SMS_PART);
}

export interface FittedSms {
  text: string;
  parts: number;
  trimmed: boolean;
}

/**
 * The GSM-7 text of `input` within `maxParts` parts: converted by `toSmsText`, and, when still too long, cut at a
 * word boundary where possible and ended with "...". A list of missing papers may make a supplement request long;
 * the e-mail carries the whole of it.
 */
export function fitSms(input: string, maxParts: number): FittedSms {
  const text = toSmsText(input);
  const parts = smsParts(text);
  if (parts <= maxParts) return { text, parts, trimmed: false };
  const budget = (maxParts === 1 ? SMS_SINGLE : maxParts * SMS_PART) - 3;
  let cut = '';
  let units = 0;
  for (const ch of text) {
    const u = GSM7_EXTENSION.has(ch) ? 2 : 1;
    if (units + u > budget) break;
    cut += ch;
    units += u;
  }
  const space = cut.lastIndexOf(' ');
  if (space > cut.length - 20 && space > 0) cut = cut.slice(0, space);
  const out = `${cut.replace(/[\s,;:.-]+$/, '')}...`;
  return { text: out, parts: smsParts(out), trimmed: true };
}
