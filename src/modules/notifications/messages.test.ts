import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import { composeMail, type MailFacts } from './messages';
import { mailDomain } from './providers/mailer';

const vn = (y: number, mo: number, d: number, h = 0, mi = 0) => new Date(Date.UTC(y, mo - 1, d, h - 7, mi));
const base: MailFacts = {
  topic: 'dossier.receive',
  payload: {},
  code: '000.00.15.H57-250312-0007',
  procedureName: 'Đăng ký thành lập hộ kinh doanh',
  applicant: { kind: 'person', fullName: 'Nguyễn Thị Hồng Nhung', email: 'nhung@example.vn' },
  center: { name: 'Trung tâm Hành chính công thị xã Hương Thủy', address: 'Số 02 Trần Hưng Đạo, phường Phú Bài', phone: '0234 3861 234' },
  dossier: { receivedAt: vn(2025, 3, 12, 9, 15), dueAt: vn(2025, 3, 17, 16, 30), result: null },
  event: { at: vn(2025, 3, 12, 9, 15), reason: null, data: { dueAt: vn(2025, 3, 17, 16, 30).toISOString() } },
};

describe('composeMail', () => {
  it('received: the appointment as dd/mm/yyyy in the subject and with the hour in the body', () => {
    const m = composeMail(base)!;
    expect(m.subject).toBe('Hồ sơ 000.00.15.H57-250312-0007 đã được tiếp nhận – hẹn trả kết quả ngày 17/03/2025');
    expect(m.text).toContain('Kính gửi Ông/Bà Nguyễn Thị Hồng Nhung,');
    expect(m.text).toContain('Thời điểm tiếp nhận: 12/03/2025 09:15');
    expect(m.text).toContain('Ngày hẹn trả kết quả: 16 giờ 30 phút, ngày 17/03/2025');
    expect(m.text).toContain('Điện thoại: 0234 3861 234');
    expect(m.html).toContain('<html lang="vi">');
  });

  it('an organization is addressed by its name; HTML is escaped', () => {
    const m = composeMail({ ...base, applicant: { kind: 'organization', fullName: 'Trần Đình Khoa', orgName: 'Công ty TNHH <Phú Bài> & Cộng sự' } })!;
    expect(m.text).toContain('Kính gửi Công ty TNHH <Phú Bài> & Cộng sự,');
    expect(m.text).toContain('đã tiếp nhận hồ sơ của Quý tổ chức.');
    expect(m.html).toContain('Công ty TNHH &lt;Phú Bài&gt; &amp; Cộng sự');
    expect(m.html).not.toContain('<Phú Bài>');
  });

  it('department supplement: the missing items, and that the clock is paused', () => {
    const m = composeMail({ ...base, topic: 'dossier.request-supplement-by-department', event: { at: base.event!.at, reason: 'Thiếu giấy tờ', data: { missing: ['Bản vẽ hiện trạng', 'Giấy ủy quyền'] } } })!;
    expect(m.subject).toBe('Hồ sơ 000.00.15.H57-250312-0007 cần bổ sung, hoàn thiện');
    expect(m.text).toContain('1. Bản vẽ hiện trạng\n2. Giấy ủy quyền');
    expect(m.text).toContain('Thời hạn giải quyết hồ sơ tạm dừng');
    expect(m.html).toContain('<ol><li>Bản vẽ hiện trạng</li><li>Giấy ủy quyền</li></ol>');
  });

  it('nothing for internal hand-offs, nor for a registration that is not a back-entry', () => {
    for (const topic of ['dossier.transfer', 'dossier.complete-step', 'dossier.send-back', 'dossier.report-late', 'dossier.supplement', 'queue.called']) {
      expect(composeMail({ ...base, topic }), topic).toBeNull();
    }
    expect(composeMail({ ...base, topic: 'dossier.registered', payload: { status: 'submitted' } })).toBeNull();
    // A dossier entered after an outage is registered already received: that is the receipt.
    expect(composeMail({ ...base, topic: 'dossier.registered', payload: { status: 'received' } })?.subject).toContain('đã được tiếp nhận');
  });

  it('returned at the counter; returned by post with the tracking number', () => {
    const counter = composeMail({ ...base, topic: 'dossier.return', event: { at: vn(2025, 3, 17, 10, 5), reason: null, data: { method: 'counter' } } })!;
    expect(counter.text).toContain('đã được trả trực tiếp tại quầy trả kết quả lúc 17/03/2025 10:05.');
    const post = composeMail({ ...base, topic: 'dossier.return', event: { at: vn(2025, 3, 17, 10, 5), reason: null, data: { method: 'post', trackingNumber: 'EV1' } } })!;
    expect(post.text).toContain('Mã vận đơn: EV1');
    expect(post.text).not.toContain('Hồ sơ của tôi');
  });

  it('returned online: the mail says where the citizen downloads the result, with the link when there is one', () => {
    const online = composeMail({ ...base, topic: 'dossier.return', event: { at: vn(2025, 3, 17, 10, 5), reason: null, data: { method: 'online' } },
      citizenUrl: 'https://motcua.example.vn/cong-dan/ho-so/X' })!;
    expect(online.text).toContain('bằng bản điện tử');
    expect(online.text).toContain('tải tệp kết quả điện tử tại trang "Hồ sơ của tôi": https://motcua.example.vn/cong-dan/ho-so/X');
    expect(online.html).toContain('https://motcua.example.vn/cong-dan/ho-so/X');
    const noLink = composeMail({ ...base, topic: 'dossier.return', event: { at: vn(2025, 3, 17, 10, 5), reason: null, data: { method: 'online' } } })!;
    expect(noLink.text).toContain('trên trang dịch vụ công của Trung tâm');
  });
});

describe('mail configuration', () => {
  it('reads MOTCUA_SMTP_URL and MOTCUA_MAIL_FROM; the sender is required with a server', () => {
    expect(loadConfig({}).smtpUrl).toBeUndefined();
    const c = loadConfig({ MOTCUA_SMTP_URL: 'smtp://u:p@mail.example.vn:587', MOTCUA_MAIL_FROM: 'TTHCC <no-reply@huongthuy.gov.vn>' });
    expect(c).toMatchObject({ smtpUrl: 'smtp://u:p@mail.example.vn:587', mailFrom: 'TTHCC <no-reply@huongthuy.gov.vn>' });
    expect(() => loadConfig({ MOTCUA_SMTP_URL: 'smtp://mail.example.vn' })).toThrow(/MOTCUA_MAIL_FROM/);
    expect(() => loadConfig({ MOTCUA_SMTP_URL: 'http://mail.example.vn', MOTCUA_MAIL_FROM: 'a@b.vn' })).toThrow(/MOTCUA_SMTP_URL/);
    expect(mailDomain('"TTHCC" <no-reply@huongthuy.gov.vn>')).toBe('huongthuy.gov.vn');
    expect(mailDomain('no-reply@motcua.vn')).toBe('motcua.vn');
  });
});
