import pg from 'pg';
import type { AppConfig } from '../config';
import { createPool } from './db';
import { applyGrants, embeddedRoleCredentials, ensureRoles, recordIsWritable } from './db-roles';
import { migrate } from './migrate';

/** Where the app connects (its restricted role) and where the schema is changed (the owner role). */
export interface DatabaseUrls {
  appUrl: string;
  /** Absent with a DATABASE_URL and no MOTCUA_OWNER_DATABASE_URL: the app's own role then migrates (and owns). */
  ownerUrl?: string;
}

export const EMBEDDED_DATABASE = 'motcua';

/** The embedded server: both roles created (or their passwords reset) and the database owned by the owner. */
export async function embeddedDatabaseUrls(superUrl: string, dataDir: string, database = EMBEDDED_DATABASE): Promise<Required<DatabaseUrls>> {
  return ensureRoles(superUrl, database, embeddedRoleCredentials(dataDir));
}

/** A server of the operator's: DATABASE_URL is the app's role, MOTCUA_OWNER_DATABASE_URL the owner's. */
export function externalDatabaseUrls(config: AppConfig): DatabaseUrls {
  return { appUrl: config.databaseUrl!, ownerUrl: config.ownerDatabaseUrl };
}

/**
 * Migrations, then the grants step, as the owner. Returns the migrations applied and whether the app's role can
 * still change the record (no owner connection configured, or the app's role is the owner or a superuser): the
 * caller warns about it.
 */
export async function prepareSchema(urls: DatabaseUrls): Promise<{ applied: string[]; recordWritable: boolean }> {
  const owner = createPool(urls.ownerUrl ?? urls.appUrl, 2);
  const app = new pg.Client({ connectionString: urls.appUrl });
  try {
    const applied = await migrate(owner);
    await app.connect();
    if (urls.ownerUrl) {
      const appRole = (await app.query<{ u: string }>('SELECT current_user AS u')).rows[0]!.u;
      const ownerRole = (await owner.query<{ u: string }>('SELECT current_user AS u')).rows[0]!.u;
      if (appRole !== ownerRole) await applyGrants(owner, appRole);
    }
    return { applied, recordWritable: await recordIsWritable(app) };
  } finally {
    await app.end().catch(() => undefined);
    await owner.end();
  }
}

export const RECORD_WRITABLE_WARNING =
  'CẢNH BÁO: tài khoản CSDL của ứng dụng sửa/xóa được nhật ký thao tác và lịch sử hồ sơ. Hãy cho ứng dụng một vai trò riêng ' +
  '(DATABASE_URL) và chạy migration bằng vai trò sở hữu (MOTCUA_OWNER_DATABASE_URL), xem README.';
