// `npm run restore -- <file> [--force]`: a backup from `npm run backup` into the data directory (MOTCUA_DATA_DIR),
// which must be empty unless --force. See src/platform/backup/restore.ts and README "Sao lưu và khôi phục".
import { loadConfig } from '../config';
import { restoreInstallation } from '../platform/backup/restore';
import { consoleLog } from '../platform/pg/log';
import { describeStartFailure } from '../platform/start-error';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('-'));
const unknown = args.filter((a) => a.startsWith('-') && a !== '--force');
if (!file || unknown.length) {
  console.error('Cách dùng: npm run restore -- <tệp sao lưu> [--force]   (vào thư mục MOTCUA_DATA_DIR, mặc định ./data; --force: xóa dữ liệu đang có ở đó)');
  process.exit(2);
}
const config = loadConfig();
if (config.databaseUrl) {
  console.error('Có DATABASE_URL: bản sao lưu của motcua chỉ khôi phục PostgreSQL nhúng. Với máy chủ PostgreSQL riêng, dùng pg_restore hoặc pgBackRest (README, mục "Sao lưu và khôi phục"); bỏ DATABASE_URL để khôi phục vào thư mục dữ liệu.');
  process.exit(2);
}
try {
  const s = await restoreInstallation({ file, dataDir: config.dataDir, force: args.includes('--force'), log: consoleLog(config.logLevel, 'khôi phục') });
  // dd/mm/yyyy hh:mm:ss in Vietnam's time (UTC+7 all year).
  const at = new Date(Date.parse(s.createdAt) + 7 * 3600_000).toISOString();
  console.log(`Đã khôi phục bản sao lưu lúc ${at.slice(8, 10)}/${at.slice(5, 7)}/${at.slice(0, 4)} ${at.slice(11, 19)} vào ${s.dataDir}: `
    + `${s.dossiers} hồ sơ, ${s.uploads} tệp tải lên (đã kiểm tra SHA-256), cụm PostgreSQL ở ${s.clusterDir}, trong ${s.seconds.toFixed(1).replace('.', ',')} s. Chạy "npm start" để dùng.`);
  process.exit(0);
} catch (err) {
  console.error(`Không khôi phục được: ${describeStartFailure(err)}`);
  process.exit(1);
}
