// The generic SMS adapter: POST {to, text, ref, sender} as JSON to MOTCUA_SMS_URL (with MOTCUA_SMS_TOKEN as a bearer
// token when set), for a gateway of the province's choosing behind a small bridge. A 2xx answer means accepted; its
// JSON `id`, if any, is kept as the provider's reference. Delivery reports come back to POST /api/v1/sms/status.
import { networkFailure, readJson, retryableStatus, type SendOutcome, type SmsMessage, type SmsProvider } from './types';

export function webhookProvider(c: { url: string; token?: string }, timeoutMs = 20_000): SmsProvider {
  return {
    name: 'webhook',
    async send(m: SmsMessage): Promise<SendOutcome> {
      let res: Response;
      try {
        res = await fetch(c.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(c.token ? { authorization: `Bearer ${c.token}` } : {}) },
          body: JSON.stringify({ to: `+${m.to}`, text: m.text, ref: m.ref, ...(m.brandname ? { sender: m.brandname } : {}) }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (e) {
        return networkFailure(e);
      }
      const json = await readJson(res);
      if (!res.ok) {
        const why = typeof json?.error === 'string' ? `: ${json.error}` : '';
        return { ok: false, retry: retryableStatus(res.status), error: `HTTP ${res.status}${why}`.slice(0, 500) };
      }
      const id = json?.id;
      return { ok: true, providerRef: typeof id === 'string' || typeof id === 'number' ? String(id) : null };
    },
  };
}
