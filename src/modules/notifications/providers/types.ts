// What every channel's adapter answers: accepted (with the provider's reference), or an error that is worth
// retrying later (network, timeout, 5xx) or not (refused for good: bad number, unregistered template…).

export type SendOutcome =
  | { ok: true; providerRef: string | null; note?: string }
  | { ok: false; retry: boolean; error: string };

export interface SmsMessage {
  /** 84xxxxxxxxx */
  to: string;
  /** GSM-7, already fitted to the allowed parts. */
  text: string;
  /** Our reference, unique: the gateway's RequestId (duplicates refused within the day), the webhook's ref. */
  ref: string;
  brandname: string | null;
  /** Where the gateway reports delivery (needs MOTCUA_PUBLIC_URL). */
  callbackUrl: string | null;
}

export interface SmsProvider {
  readonly name: 'esms' | 'webhook';
  send(m: SmsMessage): Promise<SendOutcome>;
}

export interface ZaloMessage {
  /** 84xxxxxxxxx */
  phone: string;
  templateId: string;
  templateData: Record<string, string>;
  /** tracking_id: at most 48 characters, letters and digits. */
  ref: string;
}

export interface ZaloProvider {
  readonly name: 'zalo';
  send(m: ZaloMessage): Promise<SendOutcome>;
}

/** An HTTP exchange's failure as an outcome: network and timeouts are temporary. */
export function networkFailure(e: unknown): SendOutcome {
  const err = e as Error & { cause?: { code?: string } };
  const code = err.name === 'TimeoutError' || err.name === 'AbortError' ? 'TIMEOUT' : err.cause?.code ?? err.name;
  return { ok: false, retry: true, error: `${code}: ${err.message}`.slice(0, 500) };
}

/** 5xx, 408 and 429 are worth another try; other HTTP errors are not. */
export const retryableStatus = (status: number) => status >= 500 || status === 408 || status === 429;

export async function readJson(res: Response): Promise<Record<string, unknown> | null> {
  const text = await res.text();
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
