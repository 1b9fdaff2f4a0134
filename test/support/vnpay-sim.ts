// A local VNPay gateway for tests, a real HTTP server: it takes the payment URL the app signed, checks its signature
// and fields as the gateway does, then calls the merchant's IPN with the result signed by the same secret, and
// redirects the browser to the return URL with those fields. Signs with its own copy of the rule (HMAC-SHA512 over
// the sorted, form-encoded fields) so a mistake in the app's signer cannot also hide here.
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const signOf = (p: Record<string, string>, secret: string) => createHmac('sha512', secret).update(new URLSearchParams(
  Object.keys(p).filter((k) => k.startsWith('vnp_') && k !== 'vnp_SecureHash' && k !== 'vnp_SecureHashType' && p[k] !== '').sort()
    .map((k): [string, string] => [k, p[k]!])).toString()).digest('hex');

export interface SimResult { status: number; error?: string; ipn?: { RspCode: string; Message: string }; returnUrl?: string; fields?: Record<string, string> }

export interface VnpaySim {
  url: string;
  /** What the payer's browser does: opens the payment URL; `responseCode` '00' pays, '24' cancels. */
  pay(paymentUrl: string, opts?: { responseCode?: string }): Promise<SimResult>;
  /** Calls the IPN with any fields, signed (or not): for duplicates and tampering. */
  ipn(fields: Record<string, string>, opts?: { sign?: boolean }): Promise<{ RspCode: string; Message: string }>;
  close(): Promise<void>;
}

export async function startVnpaySim(opts: { tmnCode: string; secret: string; ipnUrl: string }): Promise<VnpaySim> {
  let seq = 14_422_574;
  const pending = new Map<string, string>();
  const ipn = async (fields: Record<string, string>, o: { sign?: boolean } = {}) => {
    const q = new URLSearchParams({ ...fields, ...(o.sign === false ? {} : { vnp_SecureHash: signOf(fields, opts.secret) }) });
    const r = await fetch(`${opts.ipnUrl}?${q.toString()}`);
    return (await r.json()) as { RspCode: string; Message: string };
  };
  const server = http.createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://sim');
    const p = Object.fromEntries(u.searchParams);
    const fail = (error: string) => { res.writeHead(400, { 'content-type': 'application/json' }); res.end(JSON.stringify({ error })); };
    if (u.pathname !== '/paymentv2/vpcpay.html') return fail('path');
    if (p.vnp_SecureHash !== signOf(p, opts.secret)) return fail('checksum');
    if (p.vnp_Version !== '2.1.0' || p.vnp_Command !== 'pay' || p.vnp_TmnCode !== opts.tmnCode || p.vnp_CurrCode !== 'VND') return fail('fields');
    if (!/^\d+00$/.test(p.vnp_Amount ?? '') || !/^\d{14}$/.test(p.vnp_CreateDate ?? '') || !p.vnp_TxnRef || !p.vnp_ReturnUrl) return fail('format');
    const code = pending.get(p.vnp_TxnRef) ?? '00';
    const fields: Record<string, string> = {
      vnp_Amount: p.vnp_Amount!, vnp_BankCode: 'NCB', vnp_BankTranNo: `VNP${++seq}`, vnp_CardType: 'ATM', vnp_OrderInfo: p.vnp_OrderInfo ?? '',
      vnp_PayDate: p.vnp_CreateDate!, vnp_ResponseCode: code, vnp_TmnCode: p.vnp_TmnCode!, vnp_TransactionNo: String(seq),
      vnp_TransactionStatus: code === '00' ? '00' : '02', vnp_TxnRef: p.vnp_TxnRef,
    };
    void ipn(fields).then((answer) => {
      const back = `${p.vnp_ReturnUrl}?${new URLSearchParams({ ...fields, vnp_SecureHash: signOf(fields, opts.secret) }).toString()}`;
      res.writeHead(302, { location: back, 'x-ipn': JSON.stringify(answer), 'x-fields': JSON.stringify(fields) });
      res.end();
    }, (e: Error) => fail(`ipn: ${e.message}`));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/paymentv2/vpcpay.html`;
  return {
    url,
    ipn,
    async pay(paymentUrl, o = {}) {
      const ref = new URL(paymentUrl).searchParams.get('vnp_TxnRef') ?? '';
      if (o.responseCode) pending.set(ref, o.responseCode);
      const r = await fetch(paymentUrl, { redirect: 'manual' });
      if (r.status !== 302) return { status: r.status, error: ((await r.json()) as { error: string }).error };
      return { status: 302, ipn: JSON.parse(r.headers.get('x-ipn')!), returnUrl: r.headers.get('location')!, fields: JSON.parse(r.headers.get('x-fields')!) };
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
