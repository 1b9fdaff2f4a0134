// Real HTTP servers in the test process that speak the outside protocols of the notification providers (see
// test/fixtures/notifications/): the eSMS brandname gateway (its JSON send call, error codes, RequestId de-duplication
// and its delivery callback by GET), a generic JSON webhook, and Zalo ZNS (its template call, error codes and the
// signed user_received_message delivery event). Each records what it received and can be told to fail.
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';

const ESMS = JSON.parse(readFileSync(new URL('../fixtures/notifications/esms.json', import.meta.url), 'utf8')) as { sendPath: string; errors: Record<string, string> };
const ZNS = JSON.parse(readFileSync(new URL('../fixtures/notifications/zns.json', import.meta.url), 'utf8')) as { sendPath: string; errors: Record<string, string> };

interface Base {
  url: string;
  /** The next `count` requests get this HTTP status (a gateway in trouble). */
  failHttp(status: number, count?: number): void;
  close(): Promise<void>;
}

async function listen(handler: (req: IncomingMessage, body: string, res: ServerResponse) => void | Promise<void>): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      Promise.resolve(handler(req, body, res)).catch((e: Error) => {
        res.statusCode = 500;
        res.end(e.message);
      });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};
const close = (server: Server) => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); });

function failures() {
  const f = { status: 0, count: 0 };
  return {
    set: (status: number, count = 1) => Object.assign(f, { status, count }),
    take: () => (f.count > 0 ? (f.count--, f.status) : 0),
  };
}

// ── eSMS ──

export interface EsmsRequest {
  ApiKey: string; SecretKey: string; Phone: string; Content: string; Brandname: string; SmsType: string; IsUnicode: string; RequestId: string;
  CallbackUrl?: string; Sandbox?: string;
}
export interface EsmsSink extends Base {
  /** The gateway's send address (MOTCUA_ESMS_URL). */
  sendUrl: string;
  /** Every send call as received, answered or not. */
  requests: EsmsRequest[];
  /** The messages accepted (CodeResult 100), with the SMSID given. */
  accepted: (EsmsRequest & { SMSID: string })[];
  /** Answer the next `count` sends with this CodeResult (e.g. '146' template not registered). */
  failCode(code: string, count?: number): void;
  /** The delivery report: GET on the message's CallbackUrl, as eSMS does. Answers the HTTP status our app gave. */
  report(smsId: string, outcome: 'success' | 'failed'): Promise<number>;
}

export async function startEsms(opts: { apiKey: string; secretKey: string; brandnames: string[] }): Promise<EsmsSink> {
  const http = failures();
  const code = failures();
  const seen = new Set<string>();
  const sink = { requests: [], accepted: [] } as unknown as EsmsSink;
  const { server, url } = await listen((req, body, res) => {
    if (req.method !== 'POST' || req.url !== ESMS.sendPath) return json(res, 404, { message: 'not found' });
    const r = JSON.parse(body) as EsmsRequest;
    sink.requests.push(r);
    const status = http.take();
    if (status) return json(res, status, { message: 'Service Unavailable' });
    const forced = code.take();
    const answer = (c: string) => json(res, 200, { CodeResult: c, ErrorMessage: ESMS.errors[c] ?? 'Unknown error' });
    if (forced) return answer(String(forced));
    if (r.ApiKey !== opts.apiKey || r.SecretKey !== opts.secretKey) return answer('101');
    if (!opts.brandnames.includes(r.Brandname)) return answer('104');
    if (seen.has(r.RequestId)) return answer('124');
    seen.add(r.RequestId);
    const SMSID = randomUUID();
    sink.accepted.push({ ...r, SMSID });
    return json(res, 200, { CodeResult: '100', CountRegenerate: 0, SMSID });
  });
  Object.assign(sink, {
    url,
    sendUrl: `${url}${ESMS.sendPath}`,
    failHttp: http.set,
    failCode: (c: string, count = 1) => code.set(Number(c), count),
    async report(smsId: string, outcome: 'success' | 'failed') {
      const m = sink.accepted.find((a) => a.SMSID === smsId);
      if (!m?.CallbackUrl) throw new Error(`no callback address for ${smsId}`);
      const q = new URLSearchParams({ SMSID: smsId, SendStatus: '5', SendSuccess: outcome === 'success' ? '1' : '0', SendFailed: outcome === 'failed' ? '1' : '0', TypeId: '2', telcoid: '1', phonenumber: m.Phone });
      const res = await fetch(`${m.CallbackUrl}${m.CallbackUrl.includes('?') ? '&' : '?'}${q}`);
      await res.text();
      return res.status;
    },
    close: () => close(server),
  });
  return sink;
}

// ── the generic webhook ──

export interface WebhookSink extends Base {
  received: { to: string; text: string; ref: string; sender?: string; authorization?: string }[];
}

export async function startSmsWebhook(): Promise<WebhookSink> {
  const http = failures();
  const sink = { received: [] } as unknown as WebhookSink;
  let n = 0;
  const { server, url } = await listen((req, body, res) => {
    if (req.method !== 'POST' || req.url !== '/sms') return json(res, 404, { error: 'not found' });
    const status = http.take();
    if (status) return json(res, status, { error: 'gateway busy' });
    const m = JSON.parse(body) as WebhookSink['received'][number];
    sink.received.push({ ...m, authorization: req.headers.authorization });
    return json(res, 202, { id: `wh-${++n}` });
  });
  Object.assign(sink, { url: `${url}/sms`, failHttp: http.set, close: () => close(server) });
  return sink;
}

// ── Zalo ZNS ──

export interface ZnsSink extends Base {
  sendUrl: string;
  requests: { phone: string; template_id: string; template_data: Record<string, string>; tracking_id: string; mode?: string; token?: string }[];
  accepted: { msg_id: string; tracking_id: string }[];
  /** Answer every send with this Zalo error (e.g. -118 account not existed); null to accept again. */
  failWith: number | null;
  /** Zalo's delivery event for an accepted message, signed as Zalo signs it, POSTed to `webhookUrl`. */
  report(msgId: string, webhookUrl: string, app: { appId: string; oaSecret: string }, signature?: string): Promise<number>;
}

export async function startZns(accessToken: string): Promise<ZnsSink> {
  const http = failures();
  const sink = { requests: [], accepted: [], failWith: null } as unknown as ZnsSink;
  const { server, url } = await listen((req, body, res) => {
    if (req.method !== 'POST' || req.url !== ZNS.sendPath) return json(res, 404, { error: -106, message: 'Method is not supported' });
    const r = JSON.parse(body) as ZnsSink['requests'][number];
    const token = req.headers.access_token as string | undefined;
    sink.requests.push({ ...r, token });
    const status = http.take();
    if (status) return json(res, status, {});
    if (token !== accessToken) return json(res, 200, { error: -124, message: ZNS.errors['-124'] });
    if (sink.failWith !== null) return json(res, 200, { error: sink.failWith, message: ZNS.errors[String(sink.failWith)] ?? 'Unknown error' });
    const msg_id = randomUUID().replace(/-/g, '').slice(0, 16);
    sink.accepted.push({ msg_id, tracking_id: r.tracking_id });
    return json(res, 200, { error: 0, message: 'Success', data: { msg_id, sent_time: String(Date.now()), sending_mode: '1', quota: { dailyQuota: '500', remainingQuota: '499' } } });
  });
  Object.assign(sink, {
    url,
    sendUrl: `${url}${ZNS.sendPath}`,
    failHttp: http.set,
    async report(msgId: string, webhookUrl: string, app: { appId: string; oaSecret: string }, signature?: string) {
      const m = sink.accepted.find((a) => a.msg_id === msgId);
      const timestamp = String(Date.now());
      const raw = JSON.stringify({
        event_name: 'user_received_message', app_id: app.appId, timestamp, sender: { id: 'oa-1' }, recipient: { id: 'user-1' },
        message: { msg_id: msgId, tracking_id: m?.tracking_id ?? '', delivery_time: timestamp },
      });
      const mac = signature ?? createHash('sha256').update(`${app.appId}${raw}${timestamp}${app.oaSecret}`).digest('hex');
      const res = await fetch(webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-zevent-signature': `mac=${mac}`, 'x-zevent-server': 'ZNS' }, body: raw });
      await res.text();
      return res.status;
    },
    close: () => close(server),
  });
  return sink;
}
