import type ExcelJS from 'exceljs';

// exceljs, loaded on the first workbook: about 8 MB of heap (and 25 MB of resident memory) that the server — and
// each PDF worker, which imports the same modules — would otherwise hold from start-up for an occasional export.
let loading: Promise<typeof ExcelJS> | undefined;
export function loadExcel(): Promise<typeof ExcelJS> {
  loading ??= import('exceljs').then((m) => m.default);
  return loading;
}
