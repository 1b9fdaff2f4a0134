import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createPool, withDatabase } from '../../src/platform/db';
import { migrate } from '../../src/platform/migrate';
import { removeDataDir } from '../../src/platform/pg/cluster';
import { seedIfEmpty } from '../../src/seed';
import { startPgProcess, type PgProcess } from './pg-process';

// One PostgreSQL for the whole run (embedded, or the server in DATABASE_URL), one migrated + seeded template
// database, and a fresh clone of it per test file (see test/support/app.ts). The embedded server runs in a child
// process (see pg-server.ts for why: it keeps vitest's exit code honest).
export const TEMPLATE_DB = 'motcua_test_template';

declare module 'vitest' {
  export interface ProvidedContext {
    pgServerUrl: string;
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
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  const db = createPool(withDatabase(serverUrl, TEMPLATE_DB), 4);
  await migrate(db);
  await seedIfEmpty(db, { demo: true });
  await db.end();
  await admin.end();

  project.provide('pgServerUrl', serverUrl);
  project.provide('templateDb', TEMPLATE_DB);

  return async () => {
    if (embedded) await embedded.stop();
    if (dir) removeDataDir(dir, true); // and its cluster, if it was kept under /var/lib/motcua (root, unreachable folder)
  };
}
