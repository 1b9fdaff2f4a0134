import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Queryable } from '../platform/db';
import { upsertProcedure } from '../modules/catalog/repo';
import { ProcedureInput } from '../modules/catalog/schema';

const SEED_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data/seed/procedures.json');

interface SeedFile {
  fields: { code: string; no: number; name: string; department: string }[];
  procedures: Record<string, unknown>[];
}

export function readCatalogSeed(): SeedFile {
  return JSON.parse(fs.readFileSync(SEED_FILE, 'utf8')) as SeedFile;
}

/** Loads the 14 fields and the real procedure catalog (with its sources) into an empty catalog. */
export async function seedCatalog(db: Queryable): Promise<number> {
  const seed = readCatalogSeed();
  for (const f of seed.fields) {
    await db.query(
      'INSERT INTO fields (code, no, name, department_hint) VALUES ($1,$2,$3,$4) ON CONFLICT (code) DO NOTHING',
      [f.code, f.no, f.name, f.department],
    );
  }
  let n = 0;
  for (const raw of seed.procedures) {
    const p = ProcedureInput.parse({ ...raw, notes: raw.notes ?? null });
    await upsertProcedure(db, p, 'upsert');
    n++;
  }
  return n;
}
