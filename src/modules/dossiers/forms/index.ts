// Statutory dossier papers: pure renderers from plain data (and the moment of printing) to PDF or Excel bytes.
export type {
  FormCenter,
  FormApplicant,
  FormDossier,
  FormContext,
  ReceiptContext,
  SupplementContext,
  RefusalContext,
  ApologyContext,
  EvaluationContext,
  RejectionContext,
  ControlSlipContext,
  Handoff,
  TrackingRow,
  TrackingBookContext,
  TimeLimitUnit,
} from './types';
export { renderDossierSlip } from './dossier-slip';
export { renderReceiptSlip } from './receipt-slip';
export { renderSupplementRequest, defaultSupplementApology } from './supplement-request';
export { renderRefusal } from './refusal';
export { renderApology } from './apology';
export { renderEvaluation, EVALUATION_CRITERIA, EVALUATION_LEVELS } from './evaluation';
export { renderRejection } from './rejection';
export { renderControlSlip } from './control-slip';
export { renderTrackingBook, trackingBookXlsx, TRACKING_COLUMNS, periodText } from './tracking-book';
export { timeLimitText, channelText, statusText, outcomeText, honorific, applicantName } from './text';
export { formatVnDate, formatVnDateTime, formatVnHourDate, formatVnLongDate } from '../../../platform/pdf';
