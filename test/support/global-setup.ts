import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createPool, withDatabase } from '../../src/platform/db';
import { APP_ROLE, ensureRoles, OWNER_ROLE, urlAs, type RoleCredentials } from '../../src/platform/db-roles';
import { prepareSchema } from '../../src/platform/db-setup';
import { removeDataDir } from '../../src/platform/pg/cluster';
import { seedIfEmpty } from '../../src/seed';
import { startPgProcess, type PgProcess } from './pg-process';

// One PostgreSQL for the whole run (embedded, or the server in DATABASE_URL), one migrated + seeded template
// database, and a fresh clone of it per test file (see test/support/app.ts). The embedded server runs in a child
// process (see pg-server.ts for why: it keeps vitest's exit code honest).
export const TEMPLATE_DB = 'motcua_test_template';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The server as a superuser: creates and drops the test databases. */
    pgServerUrl: string;
    /** The server as the schema owner and as the app's restricted role (the role every test app connects as). */
    pgOwnerServerUrl: string;
    pgAppServerUrl: string;
    templateDb: string;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export default async function setup(project: TestProject) {
  let embedded: PgProcess | undefined;
  let dir: string | undefined;
  let serverUrl: string;
  if (process.env.DATABASE_URL) {
    serverUrl = withDatabase(process.env.DATABASE_URL, 'postgres');
  } else {
    dir = path.resolve('.tmp', `test-pg-${process.pid}`);
    removeDataDir(dir, true);
    embedded = await startPgProcess(dir, await freePort());
    serverUrl = embedded.url;
  }
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB}`);
  await admin.end();
  // As in production: the owner migrates, the app's restricted role seeds and runs (src/platform/db-roles.ts).
  const creds: RoleCredentials = {
    owner: { user: OWNER_ROLE, password: randomBytes(12).toString('hex') },
    app: { user: APP_ROLE, password: randomBytes(12).toString('hex') },
  };
  const urls = await ensureRoles(serverUrl, TEMPLATE_DB, creds);
  await prepareSchema(urls);
  const db = createPool(urls.appUrl, 4);
  await seedIfEmpty(db, { demo: true });
  await db.end();

  project.provide('pgServerUrl', serverUrl);
  project.provide('pgOwnerServerUrl', urlAs(withDatabase(serverUrl, 'postgres'), OWNER_ROLE, creds.owner.password));
  project.provide('pgAppServerUrl', urlAs(withDatabase(serverUrl, 'postgres'), APP_ROLE, creds.app.password));
  project.provide('templateDb', TEMPLATE_DB);

  return async () => {
    if (embedded) await embedded.stop();
    if (dir) removeDataDir(dir, true); // and its cluster, if it was kept under /var/lib/motcua (root, unreachable folder)
  };
}
