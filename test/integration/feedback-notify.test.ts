// Issue 14: the sender of a feedback is told when its answer is published, or when it is not accepted (with the
// reason), through the notifications outbox — by e-mail when the contact has an address (a real SMTP server,
// test/support/smtp.ts), else by SMS (a real HTTP server speaking eSMS, test/support/sms-gateways.ts), without
// diacritics, with the tracking link /phan-anh/{code}. Never twice: the message key is the feedback and the event.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChannels, OutboxWorker, type Channels } from '../../src/modules/notifications';
import { createTestApp, type TestApp } from '../support/app';
import { startSmtp, type TestSmtp } from '../support/smtp';
import { startEsms, type EsmsSink } from '../support/sms-gateways';

const ESMS = { apiKey: 'esms-api-key-test', secretKey: 'esms-secret-key-test' };
const PUBLIC = 'https://motcua.huongthuy.gov.vn';
let t: TestApp;
let smtp: TestSmtp;
let esms: EsmsSink;
let channels: Channels;

beforeAll(async () => {
  [smtp, esms] = await Promise.all([startSmtp(), startEsms({ ...ESMS, brandnames: ['MOTCUA'] })]);
  t = await createTestApp({ config: { sms: { provider: 'esms', url: esms.sendUrl, ...ESMS, sandbox: false }, smsBrandname: 'MOTCUA' } });
  channels = createChannels({ ...t.app.deps.config, smtpUrl: smtp.url, mailFrom: 'thongbao@huongthuy.gov.vn', publicUrl: PUBLIC });
});
afterAll(async () => {
  await t.close();
  await Promise.all([smtp.close(), esms.close()]);
});

const worker = () => new OutboxWorker({ db: t.db, channels, retryBaseMs: 200 });
const submit = async (contact: object, content: string) => {
  const r = await t.app.inject({ method: 'POST', url: '/api/v1/public/feedback', payload: { center: '000.00.15.H57', content, contact } });
  expect(r.statusCode, r.body).toBe(201);
  const code = r.json().code as string;
  return { code, id: (await t.db.query<{ id: string }>('SELECT id FROM feedback WHERE code = $1', [code])).rows[0]!.id };
};
const step = async (cookie: string, id: string, action: string, body: object = {}) => {
  const r = await t.app.inject({ method: 'POST', url: `/api/v1/feedback/${id}/${action}`, headers: { cookie }, payload: body });
  expect(r.statusCode, `${action}: ${r.body}`).toBe(200);
};
const messagesOf = async (id: string) => (await t.db.query<{ event_key: string; event: string; channel: string; recipient: string; status: string }>(
  `SELECT event_key, event, channel, recipient, status FROM notification_messages WHERE event_key LIKE $1 ORDER BY id`, [`feedback:${id}:%`])).rows;

describe('the sender of a feedback hears the outcome', () => {
  it('answer published: one e-mail (the contact has an address) with the answer and the tracking link; never twice', async () => {
    const director = await t.login('giamdoc');
    const f = await submit({ fullName: 'Nguyễn Thị Góp Ý', phone: '0905123001', email: 'gopy@example.vn' }, 'Khu vực chờ thiếu ghế ngồi vào buổi sáng.');
    await step(director, f.id, 'accept');
    await step(director, f.id, 'answer', { answer: 'Trung tâm đã bổ sung 20 ghế tại khu vực chờ.', upheld: true });
    // Answered but not yet public: nothing to tell.
    await worker().runOnce();
    expect(smtp.mails.filter((m) => m.subject?.includes(f.code))).toEqual([]);
    await step(director, f.id, 'publish');
    await worker().runOnce();
    const mails = smtp.mails.filter((m) => m.subject?.includes(f.code));
    expect(mails).toHaveLength(1);
    const m = mails[0]!;
    expect(m.to && !Array.isArray(m.to) ? m.to.text : '').toBe('gopy@example.vn');
    expect(m.subject).toBe(`Phản ánh ${f.code} đã được trả lời`);
    expect(m.text).toContain('Kính gửi Ông/Bà Nguyễn Thị Góp Ý,');
    expect(m.text).toContain('Trung tâm đã bổ sung 20 ghế tại khu vực chờ.');
    expect(m.text).toContain(`Theo dõi phản ánh: ${PUBLIC}/phan-anh/${f.code}`);
    // E-mail only: no SMS to the phone of a contact with an address.
    expect(esms.accepted.filter((a) => a.Content.includes(f.code))).toEqual([]);
    expect(await messagesOf(f.id)).toEqual([{ event_key: `feedback:${f.id}:feedback_published`, event: 'feedback_published', channel: 'email', recipient: 'gopy@example.vn', status: 'sent' }]);
    // A second outbox row for the same feedback and event (a replay) sends nothing more.
    await t.db.query(`INSERT INTO outbox (topic, payload) VALUES ('feedback.publish', $1)`, [JSON.stringify({ feedbackId: f.id, code: f.code })]);
    await worker().runOnce();
    expect(smtp.mails.filter((m2) => m2.subject?.includes(f.code))).toHaveLength(1);
    expect(await messagesOf(f.id)).toHaveLength(1);
  });

  it('rejected with a reason: one SMS without diacritics to a contact without e-mail, with the reason and the link', async () => {
    const director = await t.login('giamdoc');
    const f = await submit({ fullName: 'Trần Văn Nhắn Tin', phone: '0905123002' }, 'Đề nghị Trung tâm làm việc cả ngày Chủ nhật.');
    await step(director, f.id, 'reject', { reason: 'Nội dung không thuộc thẩm quyền của Trung tâm' });
    await worker().runOnce();
    const sms = esms.accepted.filter((a) => a.Content.includes(f.code));
    expect(sms).toHaveLength(1);
    expect(sms[0]).toMatchObject({ Phone: '0905123002', Brandname: 'MOTCUA', IsUnicode: '0' });
    expect(sms[0]!.Content).toBe(`TTHCC thi xa Huong Thuy khong tiep nhan phan anh ${f.code}: Noi dung khong thuoc tham quyen cua Trung tam. Chi tiet tai ${PUBLIC}/phan-anh/${f.code}`);
    expect(await messagesOf(f.id)).toEqual([expect.objectContaining({ event: 'feedback_rejected', channel: 'sms', recipient: '84905123002', status: 'sent' })]);
    await worker().runOnce();
    expect(esms.accepted.filter((a) => a.Content.includes(f.code))).toHaveLength(1);
  });

  it('published to a contact with a phone only: the SMS tells where to read the answer', async () => {
    const director = await t.login('giamdoc');
    const f = await submit({ fullName: 'Lê Thị Điện Thoại', phone: '0905123003' }, 'Bãi giữ xe thu phí cao hơn niêm yết.');
    await step(director, f.id, 'accept');
    await step(director, f.id, 'answer', { answer: 'Đã yêu cầu bãi giữ xe thu đúng giá niêm yết.', upheld: true });
    await step(director, f.id, 'publish');
    await worker().runOnce();
    const sms = esms.accepted.filter((a) => a.Content.includes(f.code));
    expect(sms.map((s) => s.Content)).toEqual([`TTHCC thi xa Huong Thuy da tra loi phan anh ${f.code} cua Ong/Ba. Xem noi dung tra loi tai ${PUBLIC}/phan-anh/${f.code}`]);
  });
});
