// What a citizen is offered to pay a dossier online: the amount owed now, whether VNPay is open, and the VietQR code of
// a bank transfer of exactly that amount to the center's account. The transfer's content is the dossier code
// (`vietQrMemo`), the same memo the counter's VietQR and the printed receipt carry: the fee collector matches the
// bank statement line by it and records the transfer as a payment (method "Chuyển khoản") on the dossier's fee screen.
import { z } from 'zod';
import type { AppConfig } from '../../config';
import type { Db } from '../../platform/db';
import { qrCode } from '../../platform/pdf';
import { buildVietQr, vietQrMemo } from '../fees/domain';
import { centerBankAccount } from '../fees/setup';
import { amountOwed } from './vnpay/service';

export const VietQrOffer = z.object({
  payload: z.string(), imageDataUrl: z.string(), bank: z.string(), bankBin: z.string(), account: z.string(), accountName: z.string(),
  amount: z.number(), content: z.string(), isDemo: z.boolean(),
});
export const PaymentOffer = z.object({ due: z.number(), vnpay: z.boolean(), vietqr: VietQrOffer.nullable() });
export type PaymentOffer = z.infer<typeof PaymentOffer>;

type OfferDeps = { db: Db; config: Pick<AppConfig, 'vnpay' | 'publicUrl' | 'demo'> };

/** The VietQR code of `amount` for the dossier `code`, or null when nothing is owed or the center has no account. */
export async function vietQrOffer(deps: OfferDeps, code: string, centerId: string, amount: number): Promise<z.infer<typeof VietQrOffer> | null> {
  if (amount <= 0) return null;
  const account = await centerBankAccount(deps.db, centerId, deps.config.demo);
  if (!account) return null;
  const content = vietQrMemo(code);
  const payload = buildVietQr({ bankBin: account.bankBin, accountNumber: account.accountNumber, amount, purpose: content, onLongPurpose: 'error' });
  return {
    payload, imageDataUrl: (await qrCode(payload, 6)).dataUrl, bank: account.bankName, bankBin: account.bankBin, account: account.accountNumber,
    accountName: account.accountName, amount, content, isDemo: account.isDemo,
  };
}

export async function paymentOffer(deps: OfferDeps, d: { code: string; center_id: string }): Promise<PaymentOffer> {
  const due = await amountOwed(deps.db, d.code, d.center_id);
  return { due, vnpay: Boolean(deps.config.vnpay && deps.config.publicUrl), vietqr: await vietQrOffer(deps, d.code, d.center_id, due) };
}
