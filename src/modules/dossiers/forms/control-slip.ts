import {
  barcodeBlock,
  code128,
  documentTitle,
  formatVnDateTime,
  formatVnDate,
  vnParts,
  FONT_SIZE,
  type PdfNode,
} from '../../../platform/pdf';
import { footnote, gridLayout, line, paperTop, renderPaper } from './common';
import { applicantName, outcomeText } from './text';
import type { ControlSlipContext, FormDossier, Handoff } from './types';

/** Units that took part besides the reception and the department in charge ("cơ quan phối hợp"). */
function coordinatingUnits(d: FormDossier, ctx: ControlSlipContext): string[] {
  const own = new Set([ctx.center.name, d.department ?? '', ctx.handoffs[0]?.giver.unit ?? ''].map((s) => s.trim().toLowerCase()));
  const seen = new Map<string, string>();
  for (const h of ctx.handoffs) {
    for (const u of [h.giver.unit, h.receiver.unit]) {
      const k = u.trim().toLowerCase();
      if (k && !own.has(k) && !seen.has(k)) seen.set(k, u.trim());
    }
  }
  return [...seen.values()];
}

/** '10 giờ 05 phút' */
function formatVnHourMinute(d: Date): string {
  const p = vnParts(d);
  return `${String(p.hour).padStart(2, '0')} giờ ${String(p.minute).padStart(2, '0')} phút`;
}

/** Keep "Tài chính - Kế hoạch" from breaking before the dash (a line starting with "- " reads as a list item). */
function unitName(s: string): string {
  return s.replace(/ - /g, '\u00A0- ');
}

function handoffRow(h: Handoff, i: number): PdfNode[] {
  return [
    {
      stack: [
        { text: `${i + 1}. ${h.step}`, bold: true },
        { text: [{ text: 'Giao: ', italics: true }, unitName(h.giver.unit)] },
        { text: [{ text: 'Nhận: ', italics: true }, unitName(h.receiver.unit)] },
      ],
    },
    {
      stack: [
        { text: `${formatVnHourMinute(h.at)},` },
        { text: `ngày ${formatVnDate(h.at)}` },
        { text: [{ text: 'Người giao: ', italics: true }, h.giver.name] },
        { text: [{ text: 'Người nhận: ', italics: true }, h.receiver.name] },
        ...(h.due ? [{ text: [{ text: 'Hạn xử lý: ', italics: true }, formatVnDateTime(h.due)] }] : []),
      ],
    },
    { text: outcomeText(h.outcome), alignment: 'center', bold: h.outcome === 'late' },
    { text: h.note ?? '' },
  ];
}

/** Enough rows to write the rest of a usual journey by hand (a long journey runs onto a second page, header repeated). */
export function blankRowsAfter(printed: number): number {
  return Math.max(2, 5 - printed);
}

function blankRow(): unknown[] {
  const dots = (label: string) => ({ text: [{ text: label, italics: true }, { text: '……………………', color: '#555555' }] });
  return [
    { stack: [dots('Giao: '), dots('Nhận: ')] },
    {
      stack: [
        { text: '…… giờ …… phút, ngày …… / …… / ………', color: '#555555', fontSize: 8.5 },
        { columns: [{ text: 'Người giao', italics: true, alignment: 'center' }, { text: 'Người nhận', italics: true, alignment: 'center' }], margin: [0, 2, 0, 0] },
        { columns: [{ text: '(Ký, ghi rõ họ tên)', fontSize: 7, alignment: 'center' }, { text: '(Ký, ghi rõ họ tên)', fontSize: 7, alignment: 'center' }] },
        { text: ' ', margin: [0, 0, 0, 16] },
      ],
    },
    { text: '' },
    { text: '' },
  ];
}

/**
 * Phiếu kiểm soát quá trình giải quyết hồ sơ (Mẫu 05, Thông tư 01/2018/TT-VPCP): one row per hand-off — the
 * units, when and between whom the dossier changed hands, and whether that step finished early, on time or late.
 */
export async function renderControlSlip(d: FormDossier, ctx: ControlSlipContext): Promise<Buffer> {
  const top = await paperTop(d, ctx);
  const bar = await code128(d.code);
  const head = [
    'TÊN CƠ QUAN',
    'THỜI GIAN GIAO, NHẬN HỒ SƠ',
    { text: ['KẾT QUẢ GIẢI QUYẾT HỒ SƠ\n', { text: '(Trước hạn/đúng hạn/quá hạn)', bold: false, italics: true }] },
    'GHI CHÚ',
  ].map((t) => ({ ...(typeof t === 'string' ? { text: t } : t), bold: true, alignment: 'center', fontSize: FONT_SIZE.small }));
  // The slip travels with the paper file and each later hand-off is written on it by hand: after the hand-offs the
  // system knows, rows to fill in and sign (Mẫu 05 leaves them for exactly that).
  const rows = [...ctx.handoffs.map(handoffRow), ...Array.from({ length: blankRowsAfter(ctx.handoffs.length) }, blankRow)];
  const coordinating = coordinatingUnits(d, ctx);

  return renderPaper('Phiếu kiểm soát quá trình giải quyết hồ sơ', d, ctx, [
    ...top,
    documentTitle('Phiếu kiểm soát quá trình giải quyết hồ sơ', [{ text: 'Mã hồ sơ: ' }, { text: d.code, bold: true }]),
    { ...barcodeBlock(bar, { maxWidth: 260 }), margin: [0, -2, 0, 8] },
    line('Hồ sơ của', applicantName(d.applicant), { bold: true }),
    line('Nội dung yêu cầu giải quyết', d.procedure.name),
    {
      columns: [
        { width: '50%', ...line('Ngày nhận hồ sơ', formatVnDateTime(d.receivedAt ?? d.registeredAt)) },
        { width: '*', ...line('Ngày hẹn trả kết quả', formatVnDateTime(d.dueAt)) },
      ],
      columnGap: 10,
    },
    line('Cơ quan (bộ phận) giải quyết hồ sơ', d.department),
    line('Cơ quan phối hợp giải quyết hồ sơ', coordinating.length ? coordinating.join('; ') : 'Không'),
    {
      table: { headerRows: 1, dontBreakRows: true, widths: [116, '*', 84, 70], body: [head, ...rows] },
      layout: gridLayout,
      fontSize: FONT_SIZE.table,
      margin: [0, 8, 0, 0],
    },
    footnote(
      'Ghi chú: Kết quả giải quyết hồ sơ do người nhận ghi khi nhận bàn giao hồ sơ. Trường hợp hồ sơ được chuyển qua ' +
        'dịch vụ bưu chính thì thời gian giao, nhận hồ sơ và việc ký nhận thể hiện trong hóa đơn của cơ quan bưu chính.',
    ),
  ]);
}
