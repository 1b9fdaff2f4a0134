import type ExcelJS from 'exceljs';
import { loadExcel } from '../../platform/excel';
import { badRequest } from '../../platform/errors';
import type { ProcedureDetail } from './schema';

// The catalog as a workbook an administrator can read and edit: one sheet of procedures and one sheet per
// list (fees, documents, legal basis, workflow), joined by the procedure code. Import reads the same layout.

const UNIT_VI: Record<string, string> = { working_days: 'ngày làm việc', working_hours: 'giờ làm việc', same_day: 'trong ngày' };
const FEE_UNIT_VI: Record<string, string> = { per_dossier: 'hồ sơ', per_page: 'trang', per_copy: 'bản' };
const invert = (m: Record<string, string>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [v, k]));

const SHEETS = {
  procedures: { name: 'Thủ tục', columns: ['Mã', 'Tên thủ tục', 'Lĩnh vực', 'Cơ quan thực hiện', 'Thẩm quyền quyết định', 'Thời hạn', 'Đơn vị thời hạn', 'Tính theo ngày lịch', 'Giờ chốt', 'Ghi chú thời hạn', 'Kết quả', 'Mức độ trực tuyến', 'Liên thông', 'Nguồn', 'Trường ước tính', 'Ghi chú', 'Đang áp dụng'] },
  fees: { name: 'Phí, lệ phí', columns: ['Mã thủ tục', 'Tên khoản', 'Số tiền (đồng)', 'Tính theo', 'Mức trần (đồng)', 'Ghi chú'] },
  documents: { name: 'Thành phần hồ sơ', columns: ['Mã thủ tục', 'Tên giấy tờ', 'Bản chính', 'Bản sao', 'Bắt buộc'] },
  legal: { name: 'Căn cứ pháp lý', columns: ['Mã thủ tục', 'Văn bản'] },
  workflow: { name: 'Quy trình nội bộ', columns: ['Mã thủ tục', 'Bước', 'Tên bước', 'Vai trò', 'Đơn vị', 'Thời gian', 'Đơn vị thời gian'] },
} as const;

export async function catalogToXlsx(procs: ProcedureDetail[]): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  wb.creator = 'motcua';
  const sheet = (key: keyof typeof SHEETS) => {
    const ws = wb.addWorksheet(SHEETS[key].name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow([...SHEETS[key].columns]).font = { bold: true };
    return ws;
  };
  const ps = sheet('procedures');
  const fs = sheet('fees');
  const ds = sheet('documents');
  const ls = sheet('legal');
  const ws = sheet('workflow');
  for (const p of procs) {
    ps.addRow([p.code, p.name, p.field, p.agency, p.decidingAuthority, p.processingTime.value, UNIT_VI[p.processingTime.unit],
      p.processingTime.calendarDays ? 'có' : '', p.processingTime.cutoff ?? '', p.processingTime.note ?? '', p.result, p.onlineLevel,
      p.interAgency.join('; '), p.source, p.estimatedFields.join(', '), p.notes ?? '', p.active ? 'có' : 'không']);
    for (const f of p.fees) fs.addRow([p.code, f.name, f.amount, FEE_UNIT_VI[f.unit], f.cap, f.note ?? '']);
    for (const d of p.requiredDocuments) ds.addRow([p.code, d.name, d.original, d.copy, d.mandatory ? 'có' : 'không']);
    for (const l of p.legalBasis) ls.addRow([p.code, l]);
    for (const s of p.workflow) ws.addRow([p.code, s.order, s.name, s.role, s.unit, s.budget.value, UNIT_VI[s.budget.unit]]);
  }
  ps.columns.forEach((c, i) => (c.width = [12, 60, 8, 30, 30, 8, 14, 10, 8, 30, 40, 8, 30, 30, 20, 30, 10][i]));
  fs.getColumn(3).numFmt = '#,##0';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const text = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('').trim();
  if (typeof v === 'object' && 'text' in v) return String(v.text).trim();
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '').trim();
  return String(v).trim();
};
const num = (v: ExcelJS.CellValue): number | null => {
  if (typeof v === 'number') return v;
  // Typed by hand: "1.000.000" is a Vietnamese thousands-grouped amount, "0,5" a decimal comma.
  let s = text(v);
  s = /^\d{1,3}(\.\d{3})+$/.test(s) ? s.replace(/\./g, '') : s.replace(',', '.');
  if (s === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : NaN;
};
const yes = (v: ExcelJS.CellValue) => ['có', 'co', 'x', 'true', '1', 'yes'].includes(text(v).toLowerCase());

/** Reads a workbook in the export layout into plain procedure objects (validated afterwards like JSON). */
export async function xlsxToCatalog(buf: Buffer): Promise<Record<string, unknown>[]> {
  const wb = new (await loadExcel()).Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw badRequest('CATALOG_XLSX_UNREADABLE', 'Không đọc được tệp Excel.');
  }
  const get = (key: keyof typeof SHEETS) => {
    const ws = wb.getWorksheet(SHEETS[key].name);
    if (!ws) throw badRequest('CATALOG_XLSX_SHEET_MISSING', `Tệp Excel thiếu trang "${SHEETS[key].name}".`);
    const rows: ExcelJS.CellValue[][] = [];
    ws.eachRow((row, n) => {
      if (n > 1) rows.push((row.values as ExcelJS.CellValue[]).slice(1));
    });
    return rows;
  };
  const unitOf = invert(UNIT_VI);
  const feeUnitOf = invert(FEE_UNIT_VI);
  const byCode = new Map<string, Record<string, unknown> & { fees: unknown[]; requiredDocuments: unknown[]; legalBasis: string[]; workflow: unknown[] }>();
  for (const r of get('procedures')) {
    const code = text(r[0]);
    if (!code) continue;
    byCode.set(code, {
      code, name: text(r[1]), field: text(r[2]), agency: text(r[3]), decidingAuthority: text(r[4]),
      processingTime: {
        value: num(r[5]), unit: unitOf[text(r[6])] ?? text(r[6]),
        ...(yes(r[7]) ? { calendarDays: true } : {}), ...(text(r[8]) ? { cutoff: text(r[8]) } : {}), ...(text(r[9]) ? { note: text(r[9]) } : {}),
      },
      result: text(r[10]), onlineLevel: num(r[11]),
      interAgency: text(r[12]) ? text(r[12]).split(';').map((s) => s.trim()).filter(Boolean) : [],
      source: text(r[13]), estimatedFields: text(r[14]) ? text(r[14]).split(',').map((s) => s.trim()) : [],
      notes: text(r[15]) || null, active: text(r[16]) === '' ? true : yes(r[16]),
      fees: [], requiredDocuments: [], legalBasis: [], workflow: [],
    });
  }
  const owner = (r: ExcelJS.CellValue[], sheet: string) => {
    const p = byCode.get(text(r[0]));
    if (!p) throw badRequest('CATALOG_XLSX_ORPHAN', `Trang "${sheet}" có dòng thuộc mã thủ tục "${text(r[0])}" không có trong trang "Thủ tục".`);
    return p;
  };
  for (const r of get('fees')) owner(r, SHEETS.fees.name).fees.push({ name: text(r[1]), amount: num(r[2]), unit: feeUnitOf[text(r[3])] ?? text(r[3]), cap: num(r[4]), ...(text(r[5]) ? { note: text(r[5]) } : {}) });
  for (const r of get('documents')) owner(r, SHEETS.documents.name).requiredDocuments.push({ name: text(r[1]), original: num(r[2]) ?? 0, copy: num(r[3]) ?? 0, mandatory: yes(r[4]) });
  for (const r of get('legal')) owner(r, SHEETS.legal.name).legalBasis.push(text(r[1]));
  for (const r of get('workflow')) owner(r, SHEETS.workflow.name).workflow.push({ order: num(r[1]), name: text(r[2]), role: text(r[3]), unit: text(r[4]), budget: { value: num(r[5]), unit: unitOf[text(r[6])] ?? text(r[6]) } });
  return [...byCode.values()];
}
