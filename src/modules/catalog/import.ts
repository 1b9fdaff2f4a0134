import type { Db } from '../../platform/db';
import { withTx } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { normalizeProcedure, upsertProcedure } from './repo';
import { ProcedureInput } from './schema';

export interface ImportResult {
  created: number;
  updated: number;
  errors: { code: string; message: string }[];
}

/**
 * Imports procedures all-or-nothing: every item is validated first (schema and catalog rules); if any is wrong
 * nothing is written and the errors are listed item by item.
 */
export async function importCatalog(db: Db, items: unknown[]): Promise<ImportResult> {
  if (items.length === 0) throw new AppError(400, 'CATALOG_IMPORT_EMPTY', 'Tệp nhập không có thủ tục nào.');
  if (items.length > 5000) throw new AppError(400, 'CATALOG_IMPORT_TOO_LARGE', 'Mỗi lần nhập tối đa 5.000 thủ tục.');
  const errors: ImportResult['errors'] = [];
  const valid: ProcedureInput[] = [];
  const seen = new Set<string>();
  for (const [i, raw] of items.entries()) {
    const label = (raw as { code?: unknown })?.code ? String((raw as { code: unknown }).code) : `#${i + 1}`;
    const parsed = ProcedureInput.safeParse(raw);
    if (!parsed.success) {
      errors.push({ code: label, message: parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ') });
      continue;
    }
    if (seen.has(parsed.data.code)) {
      errors.push({ code: label, message: 'Mã thủ tục bị trùng trong tệp nhập.' });
      continue;
    }
    seen.add(parsed.data.code);
    try {
      await normalizeProcedure(db, parsed.data);
      valid.push(parsed.data);
    } catch (e) {
      errors.push({ code: label, message: e instanceof AppError ? e.message : 'Không hợp lệ.' });
    }
  }
  if (errors.length > 0) {
    throw new AppError(400, 'CATALOG_IMPORT_INVALID', `Có ${errors.length} thủ tục không hợp lệ; chưa nhập thủ tục nào.`, undefined, errors);
  }
  let created = 0;
  let updated = 0;
  await withTx(db, async (tx) => {
    for (const p of valid) {
      if ((await upsertProcedure(tx, p, 'upsert')) === 'created') created++;
      else updated++;
    }
  });
  return { created, updated, errors: [] };
}
