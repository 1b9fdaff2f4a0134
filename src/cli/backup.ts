// `npm run backup -- <file>`: the whole installation (embedded database + uploaded files) in one archive,
// while motcua runs or while it is stopped. See src/platform/backup/backup.ts and README "Sao lưu và khôi phục".
import { loadConfig } from '../config';
import { backupInstallation } from '../platform/backup/backup';
import { consoleLog } from '../platform/pg/log';
import { describeStartFailure } from '../platform/start-error';

const file = process.argv.slice(2).find((a) => !a.startsWith('-'));
if (!file) {
  console.error('Cách dùng: npm run backup -- <tệp sao lưu>   (ví dụ: npm run backup -- /var/backups/motcua-$(date +%F).tar.gz)');
  process.exit(2);
}
const config = loadConfig();
if (config.databaseUrl) {
  console.error('Có DATABASE_URL: cơ sở dữ liệu nằm trên máy chủ PostgreSQL riêng, hãy sao lưu nó bằng công cụ của PostgreSQL (pg_dump hoặc pgBackRest) '
    + `và chép thư mục tệp tải lên ${config.dataDir}/files. Xem README, mục "Sao lưu và khôi phục".`);
  process.exit(2);
}
try {
  const s = await backupInstallation({ dataDir: config.dataDir, file, log: consoleLog(config.logLevel, 'sao lưu') });
  console.log(`Đã sao lưu ${config.dataDir} vào ${s.file}: ${(s.bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB, `
    + `${s.uploads} tệp tải lên, ${s.walSegments} đoạn WAL, ${s.online ? 'khi motcua đang chạy' : 'khi motcua đang dừng'}, trong ${s.seconds.toFixed(1).replace('.', ',')} s.`);
  process.exit(0);
} catch (err) {
  console.error(`Không sao lưu được: ${describeStartFailure(err)}`);
  process.exit(1);
}
