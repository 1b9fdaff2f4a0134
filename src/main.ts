import path from 'node:path';
import { loadConfig } from './config';
import { buildApp } from './http/app';
import { startingClock, systemClock } from './platform/clock';
import { createPool } from './platform/db';
import { startEmbeddedPostgres, type EmbeddedServer } from './platform/embedded-pg';
import { embeddedDatabaseUrls, externalDatabaseUrls, prepareSchema, RECORD_WRITABLE_WARNING, type DatabaseUrls } from './platform/db-setup';
import { consoleLog } from './platform/pg/log';
import { describeStartFailure } from './platform/start-error';
import { seedIfEmpty } from './seed';
import { refreshStoredMailer, startNotifications } from './modules/notifications';
import { secretKeyFor } from './platform/secret-key';
import { startChainSealer } from './modules/audit/sealer';
import { DEMO_PASSWORD } from './seed/demo';
import { MonthlyReports } from './modules/reports/monthly';
import { startControl } from './modules/control';

// Start-up: config → database (embedded unless DATABASE_URL) → migrations → first-start seed → HTTP server.
let embedded: EmbeddedServer | undefined;
async function main() {
  const config = loadConfig();
  let urls: DatabaseUrls;
  if (!config.databaseUrl) {
    console.log(`Khởi động PostgreSQL nhúng (dữ liệu: ${path.join(config.dataDir, 'pg')}, cổng ${config.embeddedPgPort}, chỉ 127.0.0.1)…`);
    // Supervised: a PostgreSQL left by a killed motcua is stopped first, and one that dies under the app is restarted.
    embedded = await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort, { log: consoleLog(config.logLevel), restartOnCrash: true });
    urls = await embeddedDatabaseUrls(embedded.url('postgres'), config.dataDir);
  } else {
    urls = externalDatabaseUrls(config);
  }
  // Migrations and grants as the schema's owner; the app itself connects as the restricted role (db-roles.ts).
  const { applied, recordWritable } = await prepareSchema(urls);
  if (applied.length) console.log(`Đã áp dụng ${applied.length} migration: ${applied.join(', ')}`);
  if (recordWritable) console.warn(RECORD_WRITABLE_WARNING);
  const db = createPool(urls.appUrl, 20);
  const seeded = await seedIfEmpty(db, { demo: config.demo, adminPassword: config.adminPassword });
  if (seeded.catalog) console.log(`Đã nạp danh mục: ${seeded.catalog} thủ tục hành chính.`);

  const clock = config.clockStart ? startingClock(config.clockStart) : systemClock;
  if (config.clockStart) console.log(`Đồng hồ của ứng dụng bắt đầu lúc ${config.clockStart.toISOString()} (MOTCUA_CLOCK_START, chỉ dùng cho dữ liệu mẫu).`);
  const app = await buildApp({ db, clock, config, databaseProblem: embedded?.problem });
  // E-mail to applicants from the outbox (or, without SMTP, rows marked skipped); stopped first on shutdown.
  // Without MOTCUA_SMTP_URL, the e-mail server the administrator stored on the console (Cấu hình máy chủ e-mail).
  if (!config.smtpUrl) await refreshStoredMailer(db, secretKeyFor(config)).catch((e: Error) => app.log.warn(`Không đọc được cấu hình máy chủ e-mail đã lưu: ${e.message}`));
  const notifications = startNotifications(db, config, app.log);
  // Links the audit log's and the dossier histories' new rows into their hash chain (src/modules/audit/sealer.ts).
  const sealer = startChainSealer(db, app.log);
  // The monthly report on each center's last working day (safe with several instances, see modules/reports/monthly.ts).
  const monthly = new MonthlyReports({ db, clock, calendars: app.deps.calendars, config, log: app.log, printer: app.deps.printer });
  monthly.start();
  // Automatic urges, daily digests and the staff e-mails (safe with several instances, see modules/control/scheduler.ts).
  const control = startControl({ db, clock: systemClock, calendars: app.deps.calendars, config, log: app.log });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\nNhận ${signal}: đang dừng…`);
    // The outbox worker first: it finishes the e-mail in hand while the database is still there.
    await notifications.stop().catch(() => undefined);
    await sealer.stop().catch(() => undefined);
    await monthly.stop().catch(() => undefined);
    await control.stop().catch(() => undefined);
    await app.close().catch(() => undefined);
    await db.end().catch(() => undefined);
    if (embedded) await embedded.stop().catch(() => undefined);
    console.log('Đã dừng.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  console.log(`\nmotcua đang chạy: http://127.0.0.1:${port}  (API: /api/v1, tài liệu API: /api/docs)`);
  if (config.demo) {
    const { rows } = await db.query<{ username: string; roles: string[]; center: string | null }>(
      `SELECT u.username, u.roles, c.short_name AS center FROM users u LEFT JOIN centers c ON c.id = u.center_id ORDER BY u.created_at, u.username`);
    console.log(`\nTài khoản demo (mật khẩu: ${DEMO_PASSWORD}):`);
    for (const r of rows) console.log(`  ${r.username.padEnd(14)} ${r.roles.join(', ').padEnd(20)} ${r.center ?? '(toàn tỉnh)'}`);
  }
}

main().catch(async (err) => {
  console.error(`Không khởi động được motcua: ${describeStartFailure(err)}`);
  await embedded?.stop().catch(() => undefined);
  process.exit(1);
});
