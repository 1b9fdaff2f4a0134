// Shapes of the motcua REST API (/api/v1) as the web app uses them.

export interface Ref {
  id: string | number;
  code: string;
  name: string;
}

export interface Me {
  id: string | number;
  username: string;
  fullName: string;
  roles: string[];
  roleNames: string[];
  permissions: string[];
  center: Ref | null;
  department: Ref | null;
}

export interface Field {
  code: string;
  no: number;
  name: string;
  procedureCount: number;
}

export type TimeUnit = 'working_days' | 'working_hours' | 'same_day';

export interface ProcessingTime {
  unit: TimeUnit;
  value: number;
  note?: string | null;
  calendarDays?: boolean | null;
  /** Same-day procedures: after this time (HH:MM) the result is due the next working day. */
  cutoff?: string | null;
}

export type FeeUnit = 'per_dossier' | 'per_page' | 'per_copy';

export interface Fee {
  name: string;
  amount: number | null;
  unit: FeeUnit;
  cap: number | null;
  note?: string | null;
}

export interface ProcedureSummary {
  code: string;
  name: string;
  field: string;
  fieldName: string;
  agency: string;
  processingTime: ProcessingTime;
  fees: Fee[];
  onlineLevel: number;
  active?: boolean;
}

export interface RequiredDocument {
  name: string;
  original: number;
  copy: number;
  mandatory: boolean;
}

export interface WorkflowStep {
  order: number;
  name: string;
  role: string;
  unit: string;
  budget: { unit: 'working_days' | 'working_hours'; value: number };
}

export interface Procedure extends ProcedureSummary {
  decidingAuthority: string;
  requiredDocuments: RequiredDocument[];
  result: string;
  legalBasis: string[];
  interAgency: string[];
  workflow: WorkflowStep[];
  source?: string | null;
  estimatedFields: string[];
  active: boolean;
  confidence?: string | null;
  notes?: string | null;
  updatedAt?: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  /** Set by lists whose count stops at a cap (the dossier list): `total` is then "at least". */
  totalCapped?: boolean;
}

export interface Items<T> {
  items: T[];
}

export interface Center {
  id: string | number;
  code: string;
  name: string;
  shortName: string;
  level: string;
  address: string;
  phone: string;
  email?: string;
  saturdayMorningOpen: boolean;
  active: boolean;
}

export interface Role {
  code: string;
  name: string;
  nameEn?: string;
  permissions: string[];
}

export interface AdminUser {
  id: string | number;
  username: string;
  fullName: string;
  email: string;
  roles: string[];
  center: Ref | null;
  department: Ref | null;
  active: boolean;
  lockedUntil: string | null;
}

export interface Department {
  id: string | number;
  code: string;
  name: string;
  fieldCodes: string[];
  active?: boolean;
}

export interface Counter {
  id: string | number;
  number: number;
  name: string;
  fieldCodes: string[];
  active: boolean;
}

export interface DueDate {
  dueAt: string;
  receiptDay: string;
  effectiveReceivedAt?: string;
  moved?: boolean;
}

export type CalendarDayKind = 'day_off' | 'makeup';
export type CalendarSource = 'announced' | 'statutory' | 'admin';

export interface CalendarDay {
  date: string;
  kind: CalendarDayKind;
  source: CalendarSource;
  name?: string | null;
  reason?: string | null;
  overrideId?: string | number | null;
}

export interface CalendarYear {
  year: number;
  center: Ref | null;
  saturdayMorningOpen: boolean;
  items: CalendarDay[];
}

export interface ImportResult {
  created: number;
  updated: number;
  errors: { code: string; message: string }[];
}

// ── Fees (issue 6): /dossiers/{code}/fees, payments, receipts, cash book, reports, transfers ──

export type FeePaymentMethod = 'cash' | 'transfer' | 'card';
export type FeeCollectAt = 'reception' | 'return';

export interface FeeInputs {
  pages: number | null;
  copies: number | null;
  itemQuantities: Record<string, { pages?: number; copies?: number }>;
  selected: string[];
  categories: string[];
  manualAmounts: Record<string, number>;
  version: number;
}

export interface FeeLineItem {
  code: string;
  kind: 'fee' | 'service';
  name: string;
  unit: string;
  quantity: number;
  pages: number | null;
  copies: number | null;
  unitAmount: number;
  gross: number;
  reduction: number;
  amount: number;
  capped: boolean;
  manual: boolean;
  collectAt: FeeCollectAt;
  legalBasis: string;
  note: string;
  reductionRule: { code: string; name: string; legalBasis: string } | null;
  centerSharePercent: number;
  paid: number;
  due: number;
  /** How a tiered or capped line was priced; null when the unit price explains it. */
  rate: FeeRate | null;
  /** The same in Vietnamese, as printed on the receipt ('' when there is none). */
  rateText: string;
}

/** Pages (of one copy) or copies priced segment by segment, the cap, and the copies a per-page charge is multiplied by. */
export interface FeeRate {
  unit: 'per_page' | 'per_copy';
  segments: { from: number; to: number; units: number; unitAmount: number; amount: number }[];
  subtotal: number;
  cap: number | null;
  capped: boolean;
  copies: number | null;
}

export interface FeeDossierService {
  id: string;
  kind: string;
  name: string;
  charge: number;
  recipient: string | null;
  address: string | null;
  phone: string | null;
  createdAt: string;
}

export interface FeeUndetermined {
  code: string;
  name: string;
  reason: 'amount' | 'choice' | 'pages';
  options: { code: string; name: string }[];
}

export interface FeeBreakdown {
  dossier: { code: string; procedureCode: string; procedureName: string; fieldCode: string; channel: string; status: string };
  inputs: FeeInputs;
  items: FeeLineItem[];
  services: FeeDossierService[];
  feesTotal: number;
  servicesTotal: number;
  total: number;
  paid: number;
  due: number;
  atReception: number;
  atReturn: number;
  undetermined: FeeUndetermined[];
  final: boolean;
}

/** The part of GET /dossiers/{code} the fee counter shows (payer, contact details for services). */
export interface FeeDossierInfo {
  code: string;
  status: string;
  statusName: string;
  procedure: { code: string; name: string };
  applicant: { fullName: string; orgName: string | null; phone: string; address: string; idNumber: string | null; email?: string };
  channel: string;
  receivedAt: string | null;
  dueAt: string | null;
  department: { id: string; name: string } | null;
}

export interface FeeReceipt {
  id: string;
  receiptNumber: string;
  series: string;
  book: number;
  number: number;
  dossierCode: string;
  procedure: { code: string; name: string };
  payer: { name: string; address: string; idNumber: string | null; taxCode: string | null };
  method: FeePaymentMethod;
  amount: number;
  amountInWords: string;
  tendered: number | null;
  change: number;
  reference: string | null;
  collector: { id: string; fullName: string };
  issuedAt: string;
  status: 'valid' | 'voided';
  voidedAt: string | null;
  voidReason: string | null;
  voidedBy: string | null;
  replacesReceiptId: string | null;
  transferBatchId: string | null;
  items: { code: string; kind: string; name: string; quantity: number; unitAmount: number; amount: number; lineAmount: number; legalBasis: string; detail: string }[];
}

export interface FeePayment {
  id: string;
  paymentId: string;
  receiptNumber: string;
  series: string;
  book: number;
  number: number;
  dossierCode: string;
  method: FeePaymentMethod;
  amount: number;
  amountInWords: string;
  tendered: number | null;
  change: number;
  reference: string | null;
  issuedAt: string;
  collector: { id: string; fullName: string };
  items: { code: string; name: string; amount: number; detail: string }[];
  paidTotal: number;
  due: number;
  replayed: boolean;
}

export interface FeeVietQr {
  payload: string;
  image: string;
  amount: number;
  /** All that is due; `amount` is less when a part was asked for. */
  due: number;
  memo: string;
  account: { bankBin: string; bankName: string; accountNumber: string; accountName: string; isDemo: boolean };
}

/** A receipt series (ký hiệu) of a center with its books (quyển số): GET /fees/receipt-series. */
export interface FeeReceiptSeries {
  id: string;
  symbol: string;
  year: number;
  bookSize: number;
  currentBook: number;
  nextNumber: number;
  issued: number;
  active: boolean;
  note: string;
  openedAt: string;
  openedBy: string | null;
  closedAt: string | null;
  closedBy: string | null;
  books: { book: number; from: number; to: number; receipts: number; voided: number }[];
}

export interface FeeServiceType {
  code: 'postal_result' | 'sms' | string;
  name: string;
  charge: number;
  active: boolean;
}

export interface FeeRule {
  code: string;
  name: string;
  kind: string;
  percent: number | null;
  categories: string[];
  procedureCodes: string[] | null;
  fieldCodes: string[] | null;
  itemCodes: string[] | null;
  legalBasis: string;
  note: string;
  configurable: boolean;
  active: boolean;
}

export interface FeeCashbookFigures {
  opening: number;
  receipts: number;
  voids: number;
  handedOver: number;
  closing: number;
}

export interface FeeCashbook {
  day: string;
  collector: { id: string; username: string; fullName: string };
  status: 'open' | 'closed';
  closedAt: string | null;
  signedOffBy: string | null;
  receiptCount: number;
  voidCount: number;
  figures: { lines: (FeeCashbookFigures & { method: string })[]; total: FeeCashbookFigures };
  entries: { kind: 'receipt' | 'void'; receiptId: string; receiptNumber: string; dossierCode: string; payer: string; method: string; amount: number; at: string; reason: string | null }[];
}

export interface FeeCashbookDay {
  date: string;
  center: { id: string; code: string; name: string };
  books: FeeCashbook[];
  total: FeeCashbookFigures;
}

export type FeeReportGroup = 'procedure' | 'field' | 'department' | 'day';

export interface FeeReportRow {
  key: string;
  label: string;
  receipts: number;
  collected: number;
  kept: number;
  toDepartments: number;
}

export interface FeeReport {
  center: { id: string; code: string; name: string };
  from: string;
  to: string;
  groupBy: FeeReportGroup;
  rows: FeeReportRow[];
  total: Omit<FeeReportRow, 'key' | 'label'>;
  voided: { receipts: number; amount: number };
}

export interface FeeTransferBatch {
  id: string;
  periodFrom: string;
  periodTo: string;
  status: 'created' | 'confirmed';
  note: string;
  createdAt: string;
  confirmedAt: string | null;
  bankReference: string | null;
  lines: { departmentId: string; departmentName: string; receipts: number; collected: number; kept: number; amount: number; account: Record<string, string> | null }[];
  total: { receipts: number; collected: number; kept: number; amount: number };
}

export interface FeeMoney {
  collected: number;
  kept: number;
  transferred: number;
  inBatch: number;
  unbatched: number;
  pending: number;
  difference: number;
}

export interface FeeReconciliation {
  center: { id: string; code: string; name: string };
  from: string;
  to: string;
  balanced: boolean;
  rows: (FeeMoney & { departmentId: string | null; name: string })[];
  total: FeeMoney;
  checks: { payments: number; receipts: number; receiptLines: number; confirmedBatchLines: number; confirmedBatchReceiptLines: number; ledgersAgree: boolean; batchesAgree: boolean };
}

// ---------- dossiers (hồ sơ) ----------

export type DossierStatus =
  | 'submitted' | 'needs_supplement' | 'refused' | 'received' | 'in_progress' | 'paused'
  | 'resolved' | 'rejected' | 'returned' | 'withdrawn';

export type DossierTiming = 'early' | 'on_time' | 'late' | 'overdue' | 'in_time';

export type DossierAction =
  | 'receive' | 'request-supplement' | 'supplement' | 'refuse' | 'transfer' | 'complete-step' | 'send-back'
  | 'request-supplement-by-department' | 'report-late' | 'resolve' | 'reject' | 'extend' | 'return' | 'withdraw';

export type DossierChannel = 'direct' | 'post' | 'online';

export interface DossierApplicant {
  kind: 'person' | 'organization';
  fullName: string;
  idNumber?: string | null;
  dateOfBirth?: string | null;
  phone?: string;
  email?: string;
  address?: string;
  orgName?: string | null;
  taxCode?: string | null;
}

export interface DossierSummary {
  code: string;
  status: DossierStatus;
  statusName: string;
  procedure: { code: string; name: string };
  field: string;
  applicant: Pick<DossierApplicant, 'fullName' | 'kind' | 'orgName' | 'idNumber' | 'phone'>;
  channel: DossierChannel;
  registeredAt: string;
  receivedAt: string | null;
  dueAt: string | null;
  timing: DossierTiming | null;
  department: { id: string; name: string } | null;
  step: { index: number; name: string; role: string } | null;
  assignee: string | null;
  backEntry: boolean;
}

export interface DossierChecklistItem {
  index: number;
  name: string;
  original: number;
  copy: number;
  mandatory: boolean;
  presented: boolean;
}

export interface DossierFile {
  id: string;
  name: string;
  mime: string;
  size: number;
  kind: 'document' | 'result';
  checklistIndex: number | null;
  uploadedAt: string;
  reused: boolean;
}

export interface DossierEvent {
  id: number;
  at: string;
  action: DossierAction | 'register' | 'assign' | string;
  fromStatus: DossierStatus | null;
  toStatus: DossierStatus;
  stepIndex: number | null;
  reason: string | null;
  actor: string | null;
  flagged: boolean;
  data: Record<string, unknown>;
}

export interface DossierDetail extends Omit<DossierSummary, 'applicant'> {
  dailyNumber: number;
  version: number;
  applicant: DossierApplicant;
  receiptDay: string | null;
  originalDueAt: string | null;
  extendedAt: string | null;
  extensionReason: string | null;
  pausedAt: string | null;
  settledAt: string | null;
  returnedAt: string | null;
  holder: string;
  workflow: WorkflowStep[];
  stepStartedAt: string | null;
  checklist: DossierChecklistItem[];
  supplementCount: number;
  lateBySupplement: boolean;
  result: { summary?: string; fileId?: string | null; rejected?: boolean; reason?: string } | null;
  returnMethod: 'counter' | 'post' | 'online' | null;
  lateNotice: { reason: string; proposedDueAt: string; at: string } | null;
  files: DossierFile[];
  events: DossierEvent[];
  can: Partial<Record<DossierAction | 'claim' | 'assign', boolean>>;
}

export interface DossierReturnCase {
  case: 'on_time' | 'late' | 'not_resolved' | 'rejected' | 'returned' | 'not_received' | 'closed';
  message: string;
  documents: ('result' | 'evaluation' | 'apology' | 'extension' | 'rejection')[];
}

export interface ReusableFile {
  id: string;
  name: string;
  mime: string;
  size: number;
  fromDossier: string;
  uploadedAt: string;
}

export interface PublicDossier {
  code: string;
  status: DossierStatus;
  statusName: string;
  procedure: string;
  center: string;
  receivedAt: string | null;
  dueAt: string | null;
}

// ── Queue (issue 5): /queue/kiosk, /queue/tickets, /queue/counters, /queue/board (+ SSE stream), /queue/stats ──

export type QueueTicketStatus = 'waiting' | 'called' | 'serving' | 'done' | 'no_show';
export type QueueCounterStatus = 'open' | 'paused' | 'closed';

export interface QueueKioskQueue {
  /** Field code, or the code of a service group the center defines (G…). */
  code: string;
  name: string;
  kind: 'field' | 'group';
  fields: string[];
  /** Numbers of the open or paused counters serving it. */
  counters: number[];
  waiting: number;
  available: boolean;
}

export interface QueueKiosk {
  center: { id: string; code: string; name: string };
  queues: QueueKioskQueue[];
  priorities: { code: string; name: string }[];
}

export interface QueueIssued {
  id: string;
  number: number;
  displayNumber: string;
  field: string;
  fieldName: string;
  priority: string | null;
  counters: number[];
  ahead: number;
  estimatedWaitMinutes: number;
  issuedAt: string;
  centerId: string;
  centerName: string;
  /** Path of the phone follow page (relative to the web app's origin). */
  followUrl: string;
}

export interface QueueTicket {
  id: string;
  number: number;
  displayNumber: string;
  queue: string;
  field: string | null;
  fieldName: string;
  group: string | null;
  priority: string | null;
  status: QueueTicketStatus;
  issuedAt: string;
  calledAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  recallCount: number;
  transferCount: number;
  counter: { id: string; number: number; name: string } | null;
}

export interface QueueFollow extends QueueTicket {
  ahead: number;
  estimatedWaitMinutes: number;
  counters: number[];
  centerName: string;
}

export interface QueueCounter {
  id: string;
  number: number;
  name: string;
  fields: string[];
  status: QueueCounterStatus;
  staff: { id: string; fullName: string } | null;
  current: QueueTicket | null;
}

export interface QueueCall {
  counterNumber: number;
  number: number;
  displayNumber: string;
  fieldCode: string | null;
  calledAt: string;
}

export interface QueueBoard {
  center: { id: string; code: string; name: string };
  day: string;
  generatedAt: string;
  counters: QueueCounter[];
  latestCall: QueueCall | null;
  waiting: { code: string; name: string; count: number }[];
  recentCalls: QueueCall[];
  readyForCollection: string[];
  today: {
    ticketsIssued: number;
    ticketsServed: number;
    ticketsWaiting: number;
    noShows: number;
    dossiersReceived: number;
    dossiersReturned: number;
    dossiersSettled: number;
    dossiersSettledOnTime: number;
    /** 0…1, null when nothing was settled today. */
    onTimeRate: number | null;
  };
}

/** `event: call` of the board stream (a call or a recall). */
export interface QueueCallEvent {
  counterId: string;
  counterNumber: number;
  ticketId: string;
  number: number;
  displayNumber: string;
  fieldCode: string | null;
  recall: boolean;
  /** "Mời số 2015 đến quầy số 5" */
  text: string;
  at: string;
}

export type QueueStatsGroup = 'day' | 'week' | 'month' | 'field' | 'counter' | 'staff';

export interface QueueStatsRow {
  key: string;
  label: string;
  tickets: number;
  served: number;
  noShows: number;
  avgWaitMinutes: number | null;
  p90WaitMinutes: number | null;
  avgServiceMinutes: number | null;
  p90ServiceMinutes: number | null;
}

export interface QueueStats {
  center: { id: string; code: string; name: string } | null;
  from: string;
  to: string;
  groupBy: QueueStatsGroup;
  items: QueueStatsRow[];
  total: QueueStatsRow;
}
