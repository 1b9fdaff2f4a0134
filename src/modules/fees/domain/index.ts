// Public API of the pure fees domain: amounts in words, VND formatting, VietQR payloads, the fee calculator.
export { amountInWords, MAX_AMOUNT_IN_WORDS } from './amount-in-words';
export { formatVnd, groupThousands, assertVnd, NBSP, type FormatVndOptions } from './money';
export {
  buildVietQr,
  parseTlv,
  verifyCrc,
  crc16CcittFalse,
  foldPurpose,
  tlv,
  NAPAS_GUID,
  MAX_PURPOSE_LENGTH,
  type VietQrInput,
  type VietQrService,
  type TlvMap,
  type TlvValue,
} from './vietqr';
export { calculateFees, payableAfter, feeItemsFromCatalog } from './fee-calculation';
export type { CatalogFee, CatalogMappingOptions } from './fee-catalog';
export {
  APPLICANT_CATEGORY_LABELS,
  COLLECT_AT,
  FEE_UNITS,
  type ApplicantCategory,
  type CollectAt,
  type FeeCalculation,
  type FeeCalculationInput,
  type FeeItem,
  type FeeLine,
  type FeeQuantities,
  type FeeTier,
  type FeeUnit,
  type KnownApplicantCategory,
  type ReductionRule,
} from './fee-types';
export { validateInput as validateFeeInput } from './fee-validation';
export {
  scheduleFromCatalog,
  catalogFeesKey,
  feeLegalBasis,
  SCHEDULE_ADJUSTMENTS,
  COLLECT_AT_RETURN_FIELDS,
  type ScheduleItem,
  type CatalogProcedure,
} from './schedule';
export {
  dossierFees,
  serviceKey,
  type ChargeLine,
  type DossierFees,
  type DossierFeeInputs,
  type ServiceCharge,
  type Undetermined,
  type UndeterminedReason,
} from './breakdown';
export { rateDetail, rateDetailText, rateDetailTotal, rateSegments, type RateDetail, type RateSegment } from './rate-detail';
export {
  allocatePayment,
  balances,
  bookOf,
  bookFor,
  nextBook,
  type BookPosition,
  cashChange,
  defaultSeriesSymbol,
  receiptNumber,
  shareOf,
  vietQrMemo,
  PAYMENT_METHODS,
  PAYMENT_METHOD_LABELS,
  type Allocation,
  type LineBalance,
  type PaymentMethod,
} from './payment';
export {
  cashbookFigures,
  reconcile,
  zeroByMethod,
  type ByMethod,
  type CashbookFigures,
  type CashbookLine,
  type DepartmentMoney,
  type Reconciliation,
  type ReconciliationRow,
} from './ledger';
export {
  FeeRuleError,
  MoneyError,
  VietQrError,
  PaymentError,
  type PaymentErrorCode,
  type FeeRuleErrorCode,
  type MoneyErrorCode,
  type VietQrErrorCode,
} from './errors';
export { returnBlock, slipBlock, type FeeStanding, type SlipStanding } from './return-gate';
export { refundableAmount, refundBlock, refundSeriesSymbol, REFUNDABLE_STATUSES, type RefundStanding } from './refund';
