// Citizen sign-in with VNeID / the national portal's SSO (OpenID Connect): what the provider's claims say about the
// citizen, and the messages for each way a sign-in can fail. Pure: no network, no database.
import { parseContact, type Contact } from './otp';

/**
 * The national portal's SSO gives Vietnamese claims (SoDinhDanh, HoVaTen, SoDienThoai, ThuDienTu, TechID); a plain
 * OpenID Connect provider gives the standard ones (name, phone_number, email). Both are read, the national ones first.
 */
export interface OidcIdentity {
  /** Who the provider says this is, for finding the account again: TechID, else sub. */
  subject: string;
  /** The 12-digit personal identity number (CCCD), or null when the provider gave none. */
  idNumber: string | null;
  fullName: string | null;
  phone: Contact | null;
  email: Contact | null;
}

const text = (v: unknown): string | null => {
  if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
};
const first = (claims: Record<string, unknown>, names: string[]): string | null => {
  for (const n of names) {
    const v = text(claims[n]);
    if (v) return v;
  }
  return null;
};

/** The identity number claims, in order: the national portal's, then common spellings; `sub` last, when it is one. */
const ID_CLAIMS = ['SoDinhDanh', 'soDinhDanh', 'so_dinh_danh', 'SoCCCD', 'identity_number', 'citizen_id'];

export function identityFromClaims(claims: Record<string, unknown>): OidcIdentity {
  const subject = first(claims, ['TechID', 'techId', 'sub']) ?? '';
  const raw = first(claims, ID_CLAIMS);
  const digits = raw?.replace(/[\s.]/g, '') ?? null;
  const sub = text(claims.sub);
  const idNumber = digits && /^\d{12}$/.test(digits) ? digits : !raw && sub && /^\d{12}$/.test(sub) ? sub : null;
  const phone = first(claims, ['SoDienThoai', 'soDienThoai', 'phone_number']);
  const email = first(claims, ['ThuDienTu', 'thuDienTu', 'email']);
  const p = phone ? parseContact(phone) : null;
  const e = email ? parseContact(email) : null;
  return {
    subject: subject.slice(0, 255),
    idNumber,
    fullName: first(claims, ['HoVaTen', 'hoVaTen', 'name'])?.slice(0, 200) ?? null,
    phone: p?.kind === 'phone' ? p : null,
    email: e?.kind === 'email' ? e : null,
  };
}

/** 001203000123 → 001******123: enough for the citizen to recognise the number, not to copy it from a screen. */
export const maskIdNumber = (id: string): string => (id.length > 6 ? `${id.slice(0, 3)}${'*'.repeat(id.length - 6)}${id.slice(-3)}` : '***');

/**
 * Why a sign-in with the national SSO did not finish: the `loi` of the redirect to /cong-dan (the page says it in
 * words): the citizen refused or cancelled; the sign-in expired or was used; the answer belongs to no sign-in started
 * in this browser; the provider failed or answered something invalid; no 12-digit identity number among the claims;
 * the provider's subject is linked to another identity number.
 */
export const OIDC_ERROR_CODES = ['denied', 'expired', 'state', 'provider', 'no-id', 'mismatch'] as const;
export type OidcErrorCode = (typeof OIDC_ERROR_CODES)[number];
