// English strings of payments.ts: a separate file so that the English chunk, loaded only when chosen, carries them.
import type { vi } from './payments';

export const en: typeof vi = {
  vnpayPay: {
    button: 'Pay online (VNPay)', due: 'Still owed: {{amount}}', title: 'Fees and charges', busy: 'Opening VNPay…',
    vietqrTitle: 'Bank transfer with the VietQR code', vietqrIntro: 'Open your banking app and scan the code: the amount and content are filled in.',
    qrAlt: 'VietQR code: transfer {{amount}} for dossier {{code}}', bank: 'Bank', account: 'Account number', accountName: 'Account holder',
    amount: 'Amount', content: 'Transfer content',
    note: 'Keep the transfer content (the dossier code) as it is. The Center\'s fee collector matches the transfer by it and confirms it; the receipt is issued once confirmed, so the status may not change at once.',
    demo: 'Demo account: do not transfer real money to it.',
  },
  vnpayReturn: {
    title: 'Online payment result (VNPay)',
    paid: 'Paid {{amount}} for dossier {{code}}. The Center issues the receipt automatically.',
    failed: 'The payment for dossier {{code}} did not go through or was cancelled. Nothing has been recorded.',
    pending: 'The Center has not yet received VNPay\'s confirmation for dossier {{code}}. Please reload this page in a few minutes.',
    invalid: 'The returned information is not valid (bad signature) or the transaction is unknown. A payment counts only as VNPay confirms it.',
    track: 'See the dossier\'s status',
    mine: 'Back to my dossier',
  },
};
