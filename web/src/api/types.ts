// The web app's names for the motcua API's shapes. Every type here is an alias of the generated ./schema.gen.ts
// (`npm run gen:api`, from the server's zod schemas): change the server's schema, regenerate, and the screens
// that no longer fit fail to compile. Write no API shape by hand.
import type { components, paths } from './schema.gen';

/** The named shapes (components) of the API. */
export type Schemas = components['schemas'];
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Path = keyof paths;
type Operation<P extends Path, M extends Method> = NonNullable<paths[P][M]>;
type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : never;

/** The JSON an endpoint answers with (its 200 or 201 response). */
export type Answer<P extends Path, M extends Method = 'get'> =
  Operation<P, M> extends { responses: infer R } ? JsonOf<R[keyof R & (200 | 201)]> : never;
/** The JSON body an endpoint accepts. */
export type Body<P extends Path, M extends Method> =
  Operation<P, M> extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;
/** The query parameters an endpoint accepts. */
export type QueryOf<P extends Path, M extends Method = 'get'> =
  Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

// ── Auth, catalog, organisation, calendar ──
export type Ref = Schemas['Ref'];
export type Me = Schemas['Me'];
export type Field = Answer<'/api/v1/fields'>['items'][number];
export type ProcedureSummary = Schemas['ProcedureSummary'];
export type ProcedurePage = Answer<'/api/v1/procedures'>;
export type ProcedureQuery = QueryOf<'/api/v1/procedures'>;
export type Procedure = Schemas['Procedure'];
export type ProcedureBody = Body<'/api/v1/procedures', 'post'>;
export type ProcessingTime = ProcedureSummary['processingTime'];
export type TimeUnit = ProcessingTime['unit'];
export type Fee = ProcedureSummary['fees'][number];
export type FeeUnit = Fee['unit'];
export type RequiredDocument = Procedure['requiredDocuments'][number];
export type WorkflowStep = Procedure['workflow'][number];
export type ImportResult = Schemas['CatalogImportResult'];
export type Center = Schemas['Center'];
export type CenterBody = Body<'/api/v1/admin/centers', 'post'>;
export type Role = Answer<'/api/v1/admin/roles'>['items'][number];
export type AdminUser = Schemas['User'];
export type UserPage = Answer<'/api/v1/admin/users'>;
export type UserQuery = QueryOf<'/api/v1/admin/users'>;
export type UserCreate = Body<'/api/v1/admin/users', 'post'>;
export type UserChange = Body<'/api/v1/admin/users/{id}', 'patch'>;
export type Department = Schemas['Department'];
export type DepartmentBody = Body<'/api/v1/admin/centers/{id}/departments', 'post'>;
export type Counter = Schemas['CounterSetup'];
export type CounterBody = Body<'/api/v1/admin/centers/{id}/counters', 'post'>;
export type AuditEntry = Answer<'/api/v1/admin/audit'>['items'][number];
export type DueDate = Answer<'/api/v1/calendar/due-date'>;
export type DueDateQuery = QueryOf<'/api/v1/calendar/due-date'>;
export type CalendarYear = Answer<'/api/v1/calendar/days'>;
export type CalendarDay = CalendarYear['items'][number];
export type CalendarDayKind = CalendarDay['kind'];
export type CalendarSource = CalendarDay['source'];
export type CalendarOverrideBody = Body<'/api/v1/admin/calendar/overrides', 'post'>;
export type CalendarOpening = Answer<'/api/v1/calendar/opening'>;
/** A stretch of public hours on one day (the return window of a due date, a kiosk's next opening). */
export type PublicSession = DueDate['returnWindow'];

// ── Fees: /dossiers/{code}/fees, payments, receipts, cash book, reports, transfers ──
export type FeeBreakdown = Schemas['FeeBreakdown'];
export type FeeInputs = FeeBreakdown['inputs'];
export type FeeLineItem = FeeBreakdown['items'][number];
export type FeeCollectAt = FeeLineItem['collectAt'];
export type FeeRate = NonNullable<FeeLineItem['rate']>;
export type FeeDossierService = FeeBreakdown['services'][number];
export type FeeUndetermined = FeeBreakdown['undetermined'][number];
export type FeeInputsBody = Schemas['FeeQuantitiesInput'];
export type FeeServiceInput = NonNullable<PaymentInput['services']>[number];
export type PaymentInput = Schemas['FeeCollectInput'];
export type FeePaymentMethod = PaymentInput['method'];
export type FeePayment = Schemas['FeePayment'];
export type FeeReceipt = Schemas['FeeReceipt'];
export type FeeReceiptList = Answer<'/api/v1/dossiers/{code}/receipts'>;
export type FeeVietQr = Schemas['FeeVietQr'];
export type FeeReceiptSeries = Schemas['FeeReceiptSeries'];
export type FeeReceiptSeriesList = Answer<'/api/v1/fees/receipt-series'>;
export type FeeServiceType = Answer<'/api/v1/fees/service-types'>['items'][number];
export type FeeScheduleItem = Schemas['FeeScheduleItem'];
export type FeeRule = Schemas['FeeRule'];
export type FeeCashbookFigures = Schemas['FeeCashbookFigures'];
export type FeeCashbook = Schemas['FeeCashbook'];
export type FeeCashbookDay = Answer<'/api/v1/fees/cashbook'>;
export type CashbookQuery = QueryOf<'/api/v1/fees/cashbook'>;
export type CashbookCloseBody = Body<'/api/v1/fees/cashbook/close', 'post'>;
export type FeeReport = Answer<'/api/v1/fees/reports'>;
export type FeeReportQuery = QueryOf<'/api/v1/fees/reports'>;
export type FeeReportGroup = FeeReport['groupBy'];
export type FeeReportRow = Schemas['FeeReportRow'];
export type FeeTransferBatch = Schemas['FeeTransferBatch'];
export type FeeTransferQuery = QueryOf<'/api/v1/fees/transfers'>;
export type FeeReconciliation = Answer<'/api/v1/fees/transfers/reconciliation'>;
export type FeeMoney = FeeReconciliation['total'];

// ── Dossiers (hồ sơ) ──
export type DossierDetail = Schemas['DossierDetail'];
export type DossierSummary = Schemas['DossierSummary'];
export type DossierPage = Answer<'/api/v1/dossiers'>;
export type DossierQuery = QueryOf<'/api/v1/dossiers'>;
export type DossierStatus = DossierDetail['status'];
export type DossierTiming = NonNullable<DossierDetail['timing']>;
export type DossierChannel = DossierDetail['channel'];
/** The lifecycle actions (POST /dossiers/{code}/{action}); `can` also answers claim, assign and urge. */
export type DossierAction = Exclude<keyof DossierDetail['can'], 'claim' | 'assign' | 'urge'>;
export type DossierApplicant = DossierDetail['applicant'];
export type DossierChecklistItem = DossierDetail['checklist'][number];
export type DossierFile = DossierDetail['files'][number];
export type DossierEvent = DossierDetail['events'][number];
export type DossierReturnCase = Answer<'/api/v1/dossiers/{code}/return-case'>;
export type DossierSignatureState = Answer<'/api/v1/dossiers/{code}/signature'>;
export type DossierSignature = Answer<'/api/v1/dossiers/{code}/sign-result', 'post'>;
export type PublicSignature = Answer<'/api/v1/public/verify/{id}'>;
export type SignatureCheck = Answer<'/api/v1/public/verify/{id}', 'post'>;
export type DossierAssignee = Schemas['DossierAssignee'];
export type RegisterInput = Schemas['DossierRegistrationInput'];
export type ChecklistInput = NonNullable<RegisterInput['checklist']>[number];
export type ActionBody = Schemas['DossierActionInput'];
export type UploadedFile = Answer<'/api/v1/dossiers/{code}/files', 'post'>;
export type ReusableFile = Answer<'/api/v1/dossiers/{code}/reusable-files'>['items'][number];
export type FoundOrganization = Schemas['OrganizationLookup'];
export type PublicDossier = Answer<'/api/v1/public/dossiers/{code}'>;
/** The answer of a registration: the dossier and its queue number (support desk, or the ticket the clerk serves). */
export type DossierRegistered = Schemas['DossierRegistered'];
export type RegistrationTicket = Schemas['RegistrationTicket'];

// ── Queue: /queue/kiosk, /queue/tickets, /queue/counters, /queue/board (+ SSE stream), /queue/stats ──
export type QueueKiosk = Schemas['QueueKiosk'];
export type QueueKioskQueue = QueueKiosk['queues'][number];
export type IssueInput = Schemas['QueueIssueInput'];
export type QueueIssued = Schemas['QueueIssued'];
export type QueueTicket = Schemas['QueueTicket'];
export type QueueTicketStatus = QueueTicket['status'];
export type QueueFollow = Schemas['QueueFollow'];
export type QueueCounter = Schemas['QueueCounter'];
export type QueueCounterStatus = QueueCounter['status'];
export type QueueTicketHistory = Schemas['QueueTicketHistory'];
export type QueueCall = Schemas['QueueCall'];
export type QueueBoard = Schemas['QueueBoard'];
/** `event: call` of the board stream (a call or a recall). */
export type QueueCallEvent = Schemas['QueueCallEvent'];
export type QueueStats = Schemas['QueueStats'];
export type QueueStatsRow = Schemas['QueueStatsRow'];
export type QueueStatsGroup = QueueStats['groupBy'];
export type QueueStatsQuery = QueryOf<'/api/v1/queue/stats'>;

// ── Notifications: /notifications/settings, /dossiers/{code}/notifications ──
export type NotifySettings = Schemas['NotifySettings'];
export type NotifyEventSetting = NotifySettings['events'][number];
export type NotifySettingsBody = Body<'/api/v1/notifications/settings', 'put'>;
export type DossierMessage = Schemas['DossierMessage'];
// ── Control: urges, staff notifications (the bell), the late-dossier report ──
export type Urge = Schemas['Urge'];
export type DepartmentUrge = Schemas['DepartmentUrge'];
export type DepartmentUrgeBody = Body<'/api/v1/departments/{id}/urge', 'post'>;
export type StaffNotification = Schemas['StaffNotification'];
export type NotificationPage = Answer<'/api/v1/notifications'>;
export type LateReport = Schemas['LateReport'];
export type LateQuery = QueryOf<'/api/v1/reports/late'>;
export type LateGroup = LateReport['rows'][number];
export type LateDossier = LateReport['items'][number];

// Feedback and complaints (phản ánh, kiến nghị).
export type FeedbackPublicStatus = Schemas['FeedbackPublicStatus'];
export type FeedbackDetail = Schemas['FeedbackDetail'];
export type FeedbackStatus = FeedbackDetail['status'];
export type FeedbackAction = FeedbackDetail['actions'][number];
export type FeedbackList = Answer<'/api/v1/feedback'>;
export type FeedbackItem = FeedbackList['items'][number];
export type FeedbackQuery = QueryOf<'/api/v1/feedback'>;
export type FeedbackSubmit = Body<'/api/v1/public/feedback', 'post'>;
export type FeedbackPublished = Answer<'/api/v1/public/feedback'>;

// Ranking, assessments, the service index (766) and the public transparency figures (issue 14 items 6–8).
export type Ranking = Schemas['Ranking'];
export type RankingRow = Schemas['RankingRow'];
export type RankingQuery = QueryOf<'/api/v1/reports/ranking'>;
export type StaffAssessment = Schemas['StaffAssessment'];
export type AssessmentList = Answer<'/api/v1/reports/assessments'>;
export type AssessmentBody = Body<'/api/v1/reports/assessments', 'post'>;
export type ServiceIndex = Schemas['ServiceIndex766'];
export type IndexFigure = Schemas['IndexFigure'];
export type IndexQuery = QueryOf<'/api/v1/reports/index-766'>;
export type CenterTransparency = Schemas['CenterTransparency'];
