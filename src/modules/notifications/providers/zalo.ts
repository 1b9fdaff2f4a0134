// Zalo ZNS: a template message registered by the Official Account, sent to the Zalo account of a phone number.
// POST {phone, template_id, template_data, tracking_id} with the OA's token in the `access_token` header; error 0 is
// accepted (msg_id), anything else failed — the caller then falls back to SMS. Delivery comes as the OA webhook's
// `user_received_message` event, signed (X-ZEvent-Signature). Protocol: test/fixtures/notifications/zns.json.
import { createHash, timingSafeEqual } from 'node:crypto';
import { networkFailure, readJson, type SendOutcome, type ZaloMessage, type ZaloProvider } from './types';

export function zaloProvider(c: { url: string; accessToken: string; development: boolean }, timeoutMs = 20_000): ZaloProvider {
  return {
    name: 'zalo',
    async send(m: ZaloMessage): Promise<SendOutcome> {
      let res: Response;
      try {
        res = await fetch(c.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', access_token: c.accessToken },
          body: JSON.stringify({ phone: m.phone, template_id: m.templateId, template_data: m.templateData, tracking_id: m.ref, ...(c.development ? { mode: 'development' } : {}) }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (e) {
        return networkFailure(e);
      }
      const json = await readJson(res);
      if (!res.ok) return { ok: false, retry: false, error: `Zalo HTTP ${res.status}` };
      if (json?.error === 0) {
        const data = json.data as { msg_id?: unknown } | undefined;
        return { ok: true, providerRef: typeof data?.msg_id === 'string' ? data.msg_id : null };
      }
      return { ok: false, retry: false, error: `Zalo ${String(json?.error ?? '?')}: ${typeof json?.message === 'string' ? json.message : 'lỗi không rõ'}`.slice(0, 500) };
    },
  };
}

/** X-ZEvent-Signature: SHA-256 of app id + raw body + timestamp + OA secret, hex, sometimes written "mac=<hex>". */
export function zaloSignatureValid(c: { appId: string; oaSecret: string }, rawBody: string, timestamp: string, header: string | undefined): boolean {
  if (!header) return false;
  const want = Buffer.from(createHash('sha256').update(`${c.appId}${rawBody}${timestamp}${c.oaSecret}`).digest('hex'));
  const got = Buffer.from(header.trim().replace(/^mac=/, '').toLowerCase());
  return want.length === got.length && timingSafeEqual(want, got);
}
