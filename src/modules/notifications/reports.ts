// Delivery reports from the providers: a message sent (or still being recorded as sent) becomes delivered or
// failed. Matched by our own reference, which only the provider received; a report for a message already final
// changes nothing, so a provider's repeated callback is harmless.
import { one, type Queryable } from '../../platform/db';

export async function reportDelivery(q: Queryable, r: { ref: string; channel: 'sms' | 'zalo'; provider: string; providerRef?: string | null; status: 'delivered' | 'failed'; error?: string | null }): Promise<boolean> {
  const row = await one<{ id: number }>(q, `
    UPDATE notification_messages SET status = $4,
           delivered_at = CASE WHEN $4 = 'delivered' THEN now() ELSE delivered_at END,
           failed_at = CASE WHEN $4 = 'failed' THEN now() ELSE failed_at END,
           error = CASE WHEN $4 = 'failed' THEN coalesce($6, 'Nhà cung cấp báo tin không đến được máy người nhận') ELSE error END,
           provider = coalesce(provider, $3), provider_ref = coalesce(provider_ref, $5), sent_at = coalesce(sent_at, now())
     WHERE ref = $1 AND channel = $2 AND status IN ('sending', 'sent')
       AND ($5::text IS NULL OR provider_ref IS NULL OR provider_ref = $5)
    RETURNING id`, [r.ref, r.channel, r.provider, r.status, r.providerRef ?? null, r.error ?? null]);
  return !!row;
}
