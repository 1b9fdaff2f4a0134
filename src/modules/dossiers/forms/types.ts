// Input of the statutory dossier papers (Thông tư 01/2018/TT-VPCP, mẫu 01–06, and the founding document's
// "Phiếu hồ sơ"). Plain data only: the caller loads it and passes the moment of printing.

export interface FormCenter {
  name: string;
  shortName: string;
  code: string;
  address: string;
  phone: string;
  parentAgency: string;
  /** Place in the date line, e.g. 'Hương Thủy'. */
  place: string;
}

export interface FormApplicant {
  kind: 'person' | 'organization';
  fullName: string;
  idNumber?: string | null;
  /** YYYY-MM-DD */
  dateOfBirth?: string | null;
  phone?: string;
  email?: string;
  address?: string;
  orgName?: string | null;
  taxCode?: string | null;
}

export type TimeLimitUnit = 'working_days' | 'working_hours' | 'same_day';

export interface FormDossier {
  code: string;
  dailyNumber: number;
  procedure: {
    code: string;
    name: string;
    fieldName: string;
    timeLimit: { unit: TimeLimitUnit; value: number };
    result: string;
  };
  applicant: FormApplicant;
  channel: 'direct' | 'post' | 'online';
  registeredAt: Date;
  receivedAt?: Date | null;
  dueAt?: Date | null;
  originalDueAt?: Date | null;
  /** When the department settled it (result or rejection). */
  settledAt?: Date | null;
  checklist: { name: string; original: number; copy: number; presented: boolean; mandatory: boolean }[];
  department?: string | null;
  /** Sent by post: the postmark of arrival, from which the time limit runs (Đề án IV.3.1.a). */
  postmarkedAt?: Date | null;
  /** The queue number the reception counters call for this dossier (a registration at the support desk). */
  queueTicket?: { displayNumber: string; counters: number[] } | null;
  /** Public status page URL with the dossier's token, encoded in the QR code (opens the status at once). */
  statusUrl: string;
  /** The same page without the token, printed for typing by hand (the page then asks for 4 digits of the phone or ID). */
  statusPage?: string;
}

export interface FormContext {
  center: FormCenter;
  staff: { fullName: string; title: string };
  printedAt: Date;
  /** The paper's number after "Số:"; each form has a default (see the renderer). */
  documentNumber?: string | null;
}

export interface ReceiptContext extends FormContext {
  /** "Vào Sổ theo dõi hồ sơ, Quyển số …"; default: the month of receipt, e.g. '03/2025'. */
  bookNumber?: string | null;
  /**
   * When to come for the result: the public hours of the due day (calendar returnWindow), e.g. 14:00–16:30. Without
   * it the paper prints the due instant itself.
   */
  returnWindow?: { day: string; start: string; end: string } | null;
}

export interface SupplementContext extends FormContext {
  /** Exactly what is missing or must be corrected, one item per entry. */
  missing: string[];
  reason: string;
  /** 1 for the first request; from 2 on the paper carries an apology. */
  requestNumber: number;
  /** Apology text for a request after the first; a standard paragraph is printed when absent. */
  apology?: string;
}

export interface RefusalContext extends FormContext {
  reasons: string;
}

export interface ApologyContext extends FormContext {
  /** Why the result is late; a blank to fill in by hand when empty and the result is already there. */
  reason: string;
  /** The new appointment; null prints a blank to fill in by hand (no extension recorded yet). */
  newDueAt: Date | null;
  /** The unit that caused the delay, e.g. 'Phòng Tài chính - Kế hoạch'. */
  responsibleUnit: string;
  /**
   * Set when the result is already there but late: the paper apologizes for the delay instead of giving a new
   * appointment ("resolved late" wording).
   */
  settledAt?: Date | null;
  /** The dossier counts as late because it was sent back for supplements more than once. */
  lateBySupplement?: boolean;
}

export interface EvaluationContext extends FormContext {
  /** How the result compares with the appointment, printed as a fact the applicant rates. */
  timing?: 'early' | 'on_time' | 'late' | null;
  /** The dossier's single-use online rating link: the QR opens it instead of the status page. */
  evaluationUrl?: string | null;
}

export interface RejectionContext extends FormContext {
  /** The department's reasons, one per line. */
  reasons: string;
  /** When the department decided. */
  decidedAt: Date;
}

export interface Handoff {
  step: string;
  giver: { name: string; unit: string };
  receiver: { name: string; unit: string };
  at: Date;
  due?: Date | null;
  outcome: 'early' | 'on_time' | 'late' | null;
  note?: string;
}

export interface ControlSlipContext extends FormContext {
  handoffs: Handoff[];
}

export interface TrackingRow {
  code: string;
  procedureName: string;
  applicantName: string;
  applicantContact: string;
  receivedAt: Date | null;
  dueAt: Date | null;
  transferredAt: Date | null;
  settledAt: Date | null;
  returnedAt: Date | null;
  status: string;
  note?: string;
}

export interface TrackingBookContext extends FormContext {
  /** First and last day of the period, 'YYYY-MM-DD' (printed dd/mm/yyyy) or already formatted text. */
  from: string;
  to: string;
}
