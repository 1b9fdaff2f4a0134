// Typed errors of the fees domain. Each carries a stable code for programs and a Vietnamese message for people;
// they extend the platform's AppError (HTTP 400) so the shared error handler can present them unchanged.
import { AppError } from '../../../platform/errors';

/** An amount of money that cannot be formatted or read out (negative, fractional, too large). */
export type MoneyErrorCode = 'MONEY_NOT_INTEGER' | 'MONEY_NEGATIVE' | 'MONEY_OUT_OF_RANGE';

export class MoneyError extends AppError {
  constructor(
    override readonly code: MoneyErrorCode,
    message: string,
    details?: Record<string, unknown>,
  ) {
    super(400, code, message, details);
    this.name = 'MoneyError';
  }
}

/** A VietQR payload that cannot be built or parsed. */
export type VietQrErrorCode =
  | 'VIETQR_INVALID_BANK_BIN'
  | 'VIETQR_INVALID_ACCOUNT'
  | 'VIETQR_INVALID_AMOUNT'
  | 'VIETQR_INVALID_SERVICE'
  | 'VIETQR_PURPOSE_TOO_LONG'
  | 'VIETQR_MALFORMED_TLV';

export class VietQrError extends AppError {
  constructor(
    override readonly code: VietQrErrorCode,
    message: string,
    details?: Record<string, unknown>,
  ) {
    super(400, code, message, details);
    this.name = 'VietQrError';
  }
}

/** A fee schedule, quantity, manual amount or exemption rule that the calculator refuses. */
export type FeeRuleErrorCode =
  | 'FEE_INVALID_ITEM'
  | 'FEE_DUPLICATE_ITEM_CODE'
  | 'FEE_INVALID_QUANTITY'
  | 'FEE_PAGES_REQUIRED'
  | 'FEE_UNKNOWN_ITEM'
  | 'FEE_INVALID_MANUAL_AMOUNT'
  | 'FEE_MANUAL_NOT_ALLOWED'
  | 'FEE_INVALID_RULE'
  | 'FEE_DUPLICATE_RULE_CODE'
  | 'FEE_INVALID_CATEGORY'
  | 'FEE_AMOUNT_OVERFLOW'
  | 'FEE_INVALID_CATALOG_FEE'
  | 'FEE_CHOICE_CONFLICT';

export class FeeRuleError extends AppError {
  constructor(
    override readonly code: FeeRuleErrorCode,
    message: string,
    details?: Record<string, unknown>,
  ) {
    super(400, code, message, details);
    this.name = 'FeeRuleError';
  }
}

/** A payment the counter cannot accept as entered (more than is due, too little cash tendered, …). */
export type PaymentErrorCode =
  | 'PAYMENT_INVALID_AMOUNT'
  | 'PAYMENT_OVER_DUE'
  | 'PAYMENT_TENDERED_TOO_LOW'
  | 'PAYMENT_TENDERED_NOT_CASH'
  | 'PAYMENT_REFERENCE_REQUIRED';

export class PaymentError extends AppError {
  constructor(
    override readonly code: PaymentErrorCode,
    message: string,
    details?: Record<string, unknown>,
  ) {
    super(400, code, message, details);
    this.name = 'PaymentError';
  }
}
