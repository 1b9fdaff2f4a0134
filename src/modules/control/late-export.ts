// The late-dossier report as an Excel workbook: the groups (with each unit's people), then every dossier with its
// overrunning steps. Times in working hours (a working day of office hours is shown in the header).
import { loadExcel } from '../../platform/excel';
import { formatVnDateTime } from '../../platform/pdf/time';
import { ddmmyyyy } from '../reports/form';
import type { LateReport } from './late-report';

const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

export async function lateXlsx(r: LateReport, printedAt: Date): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  wb.creator = 'motcua';
  const scope = r.department?.name ?? r.center?.name ?? 'Các Trung tâm Hành chính công trong tỉnh';
  const title = `HỒ SƠ TRỄ HẠN THEO ${r.groupBy === 'unit' ? 'ĐƠN VỊ' : 'NGUYÊN NHÂN'}`;
  const head = (ws: import('exceljs').Worksheet, width: number) => {
    ws.addRow([title]).font = { bold: true, size: 13 };
    ws.addRow([`${scope} — từ ngày ${ddmmyyyy(r.from)} đến ngày ${ddmmyyyy(r.to)}; hồ sơ đang giải quyết tính đến ${formatVnDateTime(new Date(r.asOf))}`]);
    ws.addRow([`Thời gian tính bằng giờ làm việc (một ngày làm việc = ${hours(r.workingDayMinutes)} giờ); lập lúc ${formatVnDateTime(printedAt)}.`]).font = { italic: true };
    for (const i of [1, 2, 3]) ws.mergeCells(i, 1, i, width);
    ws.addRow([]);
  };

  const groups = wb.addWorksheet(r.groupBy === 'unit' ? 'Theo đơn vị' : 'Theo nguyên nhân');
  head(groups, 6);
  groups.addRow(['STT', r.groupBy === 'unit' ? 'Đơn vị / cán bộ' : 'Nguyên nhân', 'Số hồ sơ', 'Số bước quá định mức', 'Vượt định mức (giờ)', 'Ghi chú']).font = { bold: true };
  r.rows.forEach((g, i) => {
    groups.addRow([i + 1, g.name, g.dossiers, g.overruns, hours(g.overMinutes), '']).font = { bold: true };
    for (const p of g.people) groups.addRow(['', `    ${p.name}`, p.dossiers, '', hours(p.overMinutes), '']);
  });
  groups.addRow(['', 'Tổng số hồ sơ trễ hạn', r.total.dossiers, '', hours(r.total.overMinutes), `đã giải quyết trễ hạn: ${r.total.settledLate}; đang quá hạn: ${r.total.overdue}`]).font = { bold: true };
  groups.columns.forEach((c, i) => (c.width = [6, 48, 10, 14, 16, 40][i]));

  const list = wb.addWorksheet('Danh sách hồ sơ');
  head(list, 10);
  list.addRow(['Mã hồ sơ', 'Thủ tục', 'Phòng chuyên môn', 'Tình trạng', 'Hạn giải quyết', 'Kết thúc', 'Trễ (giờ)', 'Bước quá định mức', 'Nguyên nhân', 'Lý do phòng báo trễ']).font = { bold: true };
  for (const d of r.items) {
    list.addRow([
      d.code, d.procedure.name, d.department?.name ?? '', d.state === 'settled_late' ? 'Đã giải quyết trễ hạn' : 'Đang quá hạn',
      formatVnDateTime(new Date(d.legalDueAt)), d.endedAt ? formatVnDateTime(new Date(d.endedAt)) : '', hours(d.lateMinutes),
      d.overruns.map((o) => `${o.index + 1}. ${o.step} — ${o.unit.name}${o.person ? ` (${o.person.name})` : ''}: vượt ${hours(o.overMinutes)} giờ`).join('\n'),
      d.reasons.map((x) => x.name).join('; '), d.lateNotice ?? '',
    ]).alignment = { wrapText: true, vertical: 'top' };
  }
  list.columns.forEach((c, i) => (c.width = [26, 40, 28, 18, 17, 17, 9, 60, 36, 30][i]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
