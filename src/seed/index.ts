import type { Db } from '../platform/db';
import { many, one, withTx } from '../platform/db';
import { hashPassword } from '../platform/password';
import { seedCatalog } from './catalog';
import { type DemoAccount, seedDemo } from './demo';

export interface SeedResult {
  catalog: number;
  demoAccounts: DemoAccount[];
  bootstrapAdmin: boolean;
}

/**
 * First start of an empty database: the real catalog always (it is reference data, not demo data); the demo
 * province, centers and accounts in demo mode; otherwise a single `admin` account when MOTCUA_ADMIN_PASSWORD
 * is given, so a production install can be configured from the web console.
 */
export async function seedIfEmpty(db: Db, opts: { demo: boolean; adminPassword?: string }): Promise<SeedResult> {
  return withTx(db, async (tx) => {
    await tx.query('LOCK TABLE fields IN EXCLUSIVE MODE'); // two instances starting together seed once
    const result: SeedResult = { catalog: 0, demoAccounts: [], bootstrapAdmin: false };
    const hasFields = await one(tx, 'SELECT 1 FROM fields LIMIT 1');
    if (!hasFields) result.catalog = await seedCatalog(tx);
    const hasUsers = await one(tx, 'SELECT 1 FROM users LIMIT 1');
    if (!hasUsers && opts.demo) {
      const fields = await many<{ code: string; no: number; name: string }>(tx, 'SELECT code, no, name FROM fields');
      result.demoAccounts = await seedDemo(tx, fields);
    } else if (!hasUsers && opts.adminPassword) {
      await tx.query(`INSERT INTO users (username, full_name, password_hash, roles) VALUES ('admin', 'Quản trị hệ thống', $1, '{admin}')`, [await hashPassword(opts.adminPassword)]);
      result.bootstrapAdmin = true;
    }
    return result;
  });
}
