// The public status look-up (issue 12, finding 4): a dossier code alone opens nothing, since codes are sequential
// and 400 guesses found 194 dossiers. The caller also proves they hold the slip: the token printed in its QR code,
// or the last four digits of the applicant's phone or citizen ID. Pure: no SQL, no clock.
import { timingSafeEqual } from 'node:crypto';

/**
 * A code as people type it: any case, with or without the dots of the center prefix ("000.00.15.h57-250311-0001",
 * "0000015H57-250311-0001"). Answers the prefix without dots in upper case and the rest ("-250311-0001"), or null
 * when it is not shaped like a code at all.
 */
export function parseDossierCode(input: string): { prefix: string; rest: string } | null {
  const m = /^([0-9A-Z.]{2,40})-(\d{6})-(\d{4,6})$/.exec(input.trim().toUpperCase());
  if (!m) return null;
  const prefix = m[1].replace(/\./g, '');
  return prefix ? { prefix, rest: `-${m[2]}-${m[3]}` } : null;
}

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
const last4 = (s: string | null | undefined) => {
  const digits = (s ?? '').replace(/\D/g, '');
  return digits.length >= 4 ? digits.slice(-4) : null;
};

/** Does the caller hold the slip? The QR code's token, or the last 4 digits of the phone or citizen ID on record. */
export function proves(d: { token: string; phone?: string | null; idNumber?: string | null }, given: { t?: string; verifier?: string }): boolean {
  if (given.t !== undefined && same(given.t, d.token)) return true;
  if (given.verifier === undefined) return false;
  // Both are compared, whichever matches, so the time taken does not tell which one exists.
  const phone = last4(d.phone);
  const id = last4(d.idNumber);
  const byPhone = phone !== null && same(given.verifier, phone);
  const byId = id !== null && same(given.verifier, id);
  return byPhone || byId;
}

/** The address a slip's QR code (and an e-mail to the applicant) opens: the status page with the token. */
export const statusLink = (base: string, code: string, token: string) => `${base}/tra-cuu/${encodeURIComponent(code)}?t=${encodeURIComponent(token)}`;
/** The page's address as printed for typing by hand (the page then asks for the four digits). */
export const statusPage = (base: string, code: string) => `${base}/tra-cuu/${encodeURIComponent(code)}`;
