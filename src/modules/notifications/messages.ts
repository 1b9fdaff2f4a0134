// The e-mails an applicant receives about their dossier, in Vietnamese. Pure: facts in, subject and body out.
import { formatVnDate, formatVnDateTime, formatVnHourDate } from '../../platform/pdf/time';
import type { FormApplicant } from '../dossiers/forms/types';
import { nonEmptyLines } from '../../platform/text';
import { formatVnd } from '../fees/domain/money';

export interface MailFacts {
  topic: string;
  /** The outbox payload (for `dossier.registered`: its `status`). */
  payload: Record<string, unknown>;
  code: string;
  procedureName: string;
  applicant: FormApplicant;
  center: { name: string; address: string; phone: string };
  dossier: { receivedAt: Date | null; dueAt: Date | null; result: Record<string, unknown> | null };
  /** The history event the outbox row was written with (reason and data of the action). */
  event: { at: Date; reason: string | null; data: Record<string, unknown> } | null;
  /** The public status page of the dossier (when the center's public address is configured). */
  statusUrl?: string | null;
  /** The citizen's own page of the dossier ("Hồ sơ của tôi"), where a result returned online is downloaded. */
  citizenUrl?: string | null;
}

export interface Mail {
  subject: string;
  text: string;
  html: string;
}

type Block = { p: string } | { facts: [string, string][] } | { list: string[] };

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
const date = (v: unknown) => (typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? new Date(v) : null);

const RETURN_METHOD: Record<string, string> = {
  counter: 'trực tiếp tại quầy trả kết quả',
  post: 'qua dịch vụ bưu chính công ích',
  // No national portal connection exists: "online" is the electronic copy the center sends, nothing more.
  online: 'bằng bản điện tử',
};

/** The e-mail for one outbox row, or null when the applicant is not told about this event. */
export function composeMail(f: MailFacts): Mail | null {
  const h = f.applicant.kind === 'organization' ? 'Quý tổ chức' : 'Ông/Bà';
  const name = f.applicant.kind === 'organization' && f.applicant.orgName ? f.applicant.orgName : f.applicant.fullName;
  const greeting = f.applicant.kind === 'organization' ? `Kính gửi ${name},` : `Kính gửi Ông/Bà ${name},`;
  const e = f.event;
  const data = e?.data ?? {};
  const base: [string, string][] = [['Mã hồ sơ', f.code], ['Thủ tục', f.procedureName]];
  const collect = `Bộ phận Tiếp nhận và Trả kết quả, ${f.center.name}${f.center.address ? `, ${f.center.address}` : ''}`;
  let subject: string;
  let blocks: Block[];

  switch (f.topic) {
    case 'dossier.registered':
    case 'dossier.receive': {
      if (f.topic === 'dossier.registered' && f.payload.status !== 'received') return null;
      const due = date(data.dueAt) ?? f.dossier.dueAt;
      const receivedAt = f.dossier.receivedAt ?? e?.at ?? null;
      if (!due) return null;
      subject = `Hồ sơ ${f.code} đã được tiếp nhận – hẹn trả kết quả ngày ${formatVnDate(due)}`;
      blocks = [
        { p: `${f.center.name} đã tiếp nhận hồ sơ của ${h}.` },
        { facts: [...base, ...(receivedAt ? [['Thời điểm tiếp nhận', formatVnDateTime(receivedAt)] as [string, string]] : []), ['Ngày hẹn trả kết quả', formatVnHourDate(due)]] },
        { p: `${h} có thể tra cứu tình trạng hồ sơ bằng mã hồ sơ trên. Khi đến nhận kết quả, vui lòng mang theo giấy tiếp nhận hồ sơ và hẹn trả kết quả cùng giấy tờ tùy thân.` },
      ];
      break;
    }
    case 'dossier.request-supplement':
    case 'dossier.request-supplement-by-department': {
      const missing = Array.isArray(data.missing) ? (data.missing as unknown[]).map(str).filter((m): m is string => !!m) : [];
      subject = `Hồ sơ ${f.code} cần bổ sung, hoàn thiện`;
      blocks = [
        { p: `${f.center.name} đề nghị ${h} bổ sung, hoàn thiện hồ sơ với các nội dung sau:` },
        { list: missing },
        { facts: [...base, ...(str(e?.reason) ? [['Lý do', str(e?.reason)!] as [string, string]] : [])] },
      ];
      if (f.topic === 'dossier.request-supplement-by-department') {
        blocks.push({ p: `Thời hạn giải quyết hồ sơ tạm dừng cho đến khi ${h} bổ sung đầy đủ; thời gian còn lại được tính tiếp sau khi bổ sung.` });
      }
      if (str(data.apology)) blocks.push({ p: str(data.apology)! });
      blocks.push({ p: `${h} vui lòng mang các giấy tờ trên đến ${collect}.` });
      break;
    }
    case 'dossier.resolve': {
      const summary = str(f.dossier.result?.summary);
      subject = `Hồ sơ ${f.code} đã có kết quả – mời ${h} đến nhận`;
      blocks = [
        { p: `Hồ sơ của ${h} đã được giải quyết xong.` },
        { facts: [...base, ...(summary ? [['Kết quả', summary] as [string, string]] : []), ...(e ? [['Thời điểm có kết quả', formatVnDateTime(e.at)] as [string, string]] : [])] },
        { p: `Mời ${h} đến nhận kết quả tại ${collect}; vui lòng mang theo giấy tiếp nhận hồ sơ và hẹn trả kết quả cùng giấy tờ tùy thân.` },
      ];
      break;
    }
    case 'dossier.reject': {
      const reasons = nonEmptyLines(e?.reason ?? str(f.dossier.result?.reason));
      subject = `Hồ sơ ${f.code} không đủ điều kiện giải quyết`;
      blocks = [
        { p: `Sau khi thẩm định, hồ sơ của ${h} không đủ điều kiện giải quyết với lý do sau:` },
        { list: reasons },
        { facts: base },
        { p: `Mời ${h} đến ${collect} để nhận lại toàn bộ hồ sơ cùng văn bản thông báo nêu rõ lý do.` },
      ];
      break;
    }
    case 'dossier.extend': {
      const due = date(data.dueAt) ?? f.dossier.dueAt;
      const previous = date(data.previousDueAt);
      if (!due) return null;
      subject = `Hồ sơ ${f.code}: xin lỗi và hẹn lại ngày trả kết quả ${formatVnDate(due)}`;
      blocks = [
        { p: `Hồ sơ của ${h} chưa thể giải quyết xong đúng hẹn.${str(e?.reason) ? ` Lý do: ${str(e?.reason)!.replace(/\.$/, '')}.` : ''}` },
        { facts: [...base, ...(previous ? [['Ngày hẹn trước đây', formatVnHourDate(previous)] as [string, string]] : []), ['Ngày hẹn trả kết quả mới', formatVnHourDate(due)]] },
        { p: `${f.center.name} thành thật xin lỗi ${h} vì sự chậm trễ này.` },
      ];
      break;
    }
    case 'dossier.return': {
      const method = str(data.method) ?? 'counter';
      const tracking = str(data.trackingNumber);
      subject = `Hồ sơ ${f.code} đã được trả kết quả`;
      blocks = [
        { p: `Kết quả giải quyết hồ sơ của ${h} đã được trả ${RETURN_METHOD[method] ?? RETURN_METHOD.counter}${e ? ` lúc ${formatVnDateTime(e.at)}` : ''}.` },
        { facts: [...base, ...(tracking ? [['Mã vận đơn', tracking] as [string, string]] : [])] },
        ...(method === 'online' ? [{ p: `${h} tải tệp kết quả điện tử tại trang "Hồ sơ của tôi"${f.citizenUrl ? `: ${f.citizenUrl}` : ' trên trang dịch vụ công của Trung tâm'}, sau khi đăng nhập bằng mã một lần gửi tới địa chỉ e-mail này.` }] : []),
        { p: `Cảm ơn ${h} đã sử dụng dịch vụ của ${f.center.name}. Mời ${h} đánh giá mức độ hài lòng bằng phiếu đánh giá nhận kèm kết quả.` },
      ];
      break;
    }
    case 'fees.payment': {
      // The payload carries the payment: the receipt is the proof, this is the courtesy copy.
      const amount = typeof f.payload.amount === 'number' ? f.payload.amount : null;
      const receipt = str(f.payload.receiptNumber);
      if (amount === null) return null;
      subject = `Hồ sơ ${f.code}: đã nộp ${formatVnd(amount)} phí, lệ phí`;
      blocks = [
        { p: `${f.center.name} đã nhận khoản nộp phí, lệ phí của ${h}.` },
        { facts: [...base, ['Số tiền', formatVnd(amount)], ...(receipt ? [['Biên lai số', receipt] as [string, string]] : []), ...(e ? [['Thời điểm nộp', formatVnDateTime(e.at)] as [string, string]] : [])] },
        { p: `${h} vui lòng giữ biên lai để đối chiếu khi nhận kết quả.` },
      ];
      break;
    }
    default:
      return null;
  }

  if (f.statusUrl) blocks.push({ p: `Tra cứu tình trạng hồ sơ: ${f.statusUrl}` });
  const footer: Block[] = [
    { p: `Trân trọng,\n${f.center.name}${f.center.address ? `\nĐịa chỉ: ${f.center.address}` : ''}${f.center.phone ? `\nĐiện thoại: ${f.center.phone}` : ''}` },
    { p: 'Đây là thư tự động của phần mềm một cửa; vui lòng không trả lời thư này.' },
  ];
  const all: Block[] = [{ p: greeting }, ...blocks.filter((b) => !('list' in b) || b.list.length > 0), ...footer];
  return { subject, text: toText(all), html: toHtml(subject, all) };
}

export interface FeedbackMailFacts {
  event: 'feedback_published' | 'feedback_rejected';
  code: string;
  contactName: string;
  content: string;
  answer: string | null;
  reason: string | null;
  center: { name: string; address: string; phone: string };
  /** The tracking page `/phan-anh/{code}` (absolute when the public address is configured). */
  trackingUrl: string;
}

/** The e-mail telling a feedback's sender that the answer is published, or that the feedback was not accepted. */
export function composeFeedbackMail(f: FeedbackMailFacts): Mail {
  const excerpt = f.content.length > 300 ? `${f.content.slice(0, 297)}…` : f.content;
  const subject = f.event === 'feedback_published'
    ? `Phản ánh ${f.code} đã được trả lời`
    : `Phản ánh ${f.code} không được tiếp nhận`;
  const blocks: Block[] = f.event === 'feedback_published'
    ? [
      { p: `${f.center.name} đã trả lời phản ánh, kiến nghị của Ông/Bà.` },
      { facts: [['Mã phản ánh', f.code], ['Nội dung phản ánh', excerpt]] },
      { p: `Nội dung trả lời:\n${f.answer ?? ''}` },
    ]
    : [
      { p: `${f.center.name} không tiếp nhận phản ánh, kiến nghị của Ông/Bà.` },
      { facts: [['Mã phản ánh', f.code], ['Nội dung phản ánh', excerpt], ['Lý do', f.reason ?? '']] },
    ];
  blocks.push({ p: `Theo dõi phản ánh: ${f.trackingUrl}` });
  const all: Block[] = [
    { p: `Kính gửi Ông/Bà ${f.contactName},` }, ...blocks,
    { p: `Trân trọng,\n${f.center.name}${f.center.address ? `\nĐịa chỉ: ${f.center.address}` : ''}${f.center.phone ? `\nĐiện thoại: ${f.center.phone}` : ''}` },
    { p: 'Đây là thư tự động của phần mềm một cửa; vui lòng không trả lời thư này.' },
  ];
  return { subject, text: toText(all), html: toHtml(subject, all) };
}

function toText(blocks: Block[]): string {
  return blocks
    .map((b) => ('p' in b ? b.p : 'facts' in b ? b.facts.map(([k, v]) => `${k}: ${v}`).join('\n') : b.list.map((l, i) => `${i + 1}. ${l}`).join('\n')))
    .join('\n\n') + '\n';
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function toHtml(subject: string, blocks: Block[]): string {
  const body = blocks
    .map((b) => {
      if ('p' in b) return `<p>${esc(b.p).replace(/\n/g, '<br>')}</p>`;
      if ('facts' in b) return `<table role="presentation" cellpadding="2">${b.facts.map(([k, v]) => `<tr><td>${esc(k)}:</td><td><strong>${esc(v)}</strong></td></tr>`).join('')}</table>`;
      return `<ol>${b.list.map((l) => `<li>${esc(l)}</li>`).join('')}</ol>`;
    })
    .join('\n');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${esc(subject)}</title></head><body style="font-family: Arial, sans-serif; font-size: 14px; line-height: 1.5">\n${body}\n</body></html>\n`;
}
