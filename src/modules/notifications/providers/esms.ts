// eSMS (esms.vn), a Vietnamese SMS brandname gateway: one JSON POST per message, customer-care type (SmsType 2),
// plain text (IsUnicode 0: our texts have no diacritics). RequestId is our message's reference: eSMS refuses a
// RequestId it has seen that day (124), so even a resend after a crash cannot reach the phone twice. Delivery is
// reported by an HTTPS GET to the CallbackUrl given with the message (SMSID, SendStatus 5 = done, SendSuccess /
// SendFailed). Protocol: test/fixtures/notifications/esms.json.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { localNumber } from '../domain/phone';
import { networkFailure, readJson, retryableStatus, type SendOutcome, type SmsMessage, type SmsProvider } from './types';

export interface EsmsConfig {
  url: string;
  apiKey: string;
  secretKey: string;
  sandbox: boolean;
}

const ERRORS: Record<string, string> = {
  '101': 'sai ApiKey hoặc SecretKey',
  '104': 'brandname chưa được kích hoạt',
  '124': 'RequestId đã gửi trong ngày',
  '146': 'nội dung chưa đăng ký mẫu chăm sóc khách hàng',
};

export function esmsProvider(c: EsmsConfig, timeoutMs = 20_000): SmsProvider {
  return {
    name: 'esms',
    async send(m: SmsMessage): Promise<SendOutcome> {
      const body = {
        ApiKey: c.apiKey, SecretKey: c.secretKey, Phone: localNumber(m.to), Content: m.text, Brandname: m.brandname ?? '', SmsType: '2', IsUnicode: '0',
        RequestId: m.ref, ...(c.sandbox ? { Sandbox: '1' } : {}), ...(m.callbackUrl ? { CallbackUrl: m.callbackUrl } : {}),
      };
      let res: Response;
      try {
        res = await fetch(c.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(timeoutMs) });
      } catch (e) {
        return networkFailure(e);
      }
      const json = await readJson(res);
      if (!res.ok) return { ok: false, retry: retryableStatus(res.status), error: `eSMS HTTP ${res.status}` };
      const code = String(json?.CodeResult ?? '');
      if (code === '100') return { ok: true, providerRef: typeof json?.SMSID === 'string' ? json.SMSID : null };
      // Already accepted under this RequestId today: a resend of ours, never a second SMS.
      if (code === '124') return { ok: true, providerRef: null, note: 'eSMS 124: đã nhận tin này trước đó (RequestId trùng), không gửi lại' };
      const detail = ERRORS[code] ?? (typeof json?.ErrorMessage === 'string' ? json.ErrorMessage : 'lỗi không rõ');
      return { ok: false, retry: code === '99' || code === '', error: `eSMS ${code || '?'}: ${detail}` };
    },
  };
}

/** The token in a message's callback address: only eSMS (who got the address with the message) can report on it. */
export const esmsCallbackToken = (secretKey: string, ref: string) => createHmac('sha256', secretKey).update(`esms-callback:${ref}`).digest('hex').slice(0, 32);

export function esmsCallbackUrl(publicUrl: string, secretKey: string, ref: string): string {
  return `${publicUrl}/api/v1/sms/esms/callback?m=${ref}&t=${esmsCallbackToken(secretKey, ref)}`;
}

export function esmsCallbackValid(secretKey: string, ref: string, token: string): boolean {
  const want = Buffer.from(esmsCallbackToken(secretKey, ref));
  const got = Buffer.from(token);
  return want.length === got.length && timingSafeEqual(want, got);
}

/** A callback's verdict: delivered, failed, or nothing final yet. */
export function esmsCallbackStatus(q: { SendStatus?: string; SendSuccess?: string; SendFailed?: string }): 'delivered' | 'failed' | null {
  if (q.SendStatus !== '5') return null;
  if (Number(q.SendFailed ?? 0) > 0) return 'failed';
  if (Number(q.SendSuccess ?? 0) > 0) return 'delivered';
  return null;
}
