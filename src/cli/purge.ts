// `npm run purge`: removes the personal data of dossiers past the retention period (MOTCUA_RETENTION_YEARS).
// A dry run by default (it only counts); `npm run purge -- --apply` does it. Runs as the schema owner.
import path from 'node:path';
import { loadConfig } from '../config';
import { createPool } from '../platform/db';
import { DiskFileStore } from '../platform/storage';
import { purgePersonalData } from '../modules/retention/purge';
import { openForCommand } from './database';

const n = (x: number) => x.toLocaleString('vi-VN');
const day = (d: Date) => d.toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' });

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--apply' && a !== '--dry-run');
  if (unknown.length || (args.includes('--apply') && args.includes('--dry-run'))) {
    console.error('Cách dùng: npm run purge [-- --dry-run | --apply]   (mặc định: chạy thử, chỉ đếm)');
    return 2;
  }
  const apply = args.includes('--apply');
  const config = loadConfig();
  if (config.retentionYears === 0) {
    console.log('MOTCUA_RETENTION_YEARS = 0: dữ liệu cá nhân được lưu vô thời hạn, không có gì để xóa.');
    return 0;
  }
  const target = await openForCommand(config, 'owner');
  const db = createPool(target.url, 2);
  try {
    const store = new DiskFileStore(path.join(config.dataDir, 'files'));
    const r = await purgePersonalData(db, store, { now: new Date(), retentionYears: config.retentionYears, apply });
    const c = r.counts;
    console.log(`Thời hạn lưu trữ dữ liệu cá nhân: ${config.retentionYears} năm sau khi hồ sơ kết thúc (trả kết quả, từ chối hoặc rút).`);
    console.log(`Hồ sơ kết thúc trước ${day(r.cutoffs.dossiers!)}; biên lai thu phí lập trước ${day(r.cutoffs.receipts!)} (chứng từ kế toán).`);
    console.log(`${apply ? 'Đã xóa' : 'Sẽ xóa'} dữ liệu cá nhân của ${n(c.dossiers)} hồ sơ: ${n(c.events)} ghi chú/lý do trong lịch sử, ${n(c.files)} tệp số hóa ` +
      `(${n(Math.round(c.fileBytes / 1024))} KB), ${n(c.applicants)} người nộp, ${n(c.messages)} tin đã gửi cho người nộp (e-mail, SMS, Zalo), ${n(c.services)} dịch vụ bưu chính/SMS, ` +
      `${n(c.receipts)} biên lai, số điện thoại của ${n(c.tickets)} phiếu xếp hàng, thông tin liên hệ của ${n(c.feedback)} phản ánh, kiến nghị đã kết thúc.`);
    console.log(apply
      ? 'Số liệu thống kê và nhật ký được giữ nguyên; `npm run audit:verify` vẫn xác minh được chuỗi nhật ký.'
      : 'Đây là chạy thử: chưa thay đổi gì. Chạy `npm run purge -- --apply` để thực hiện.');
    return 0;
  } finally {
    await db.end();
    await target.close();
  }
}

main().then((code) => process.exit(code), (err) => {
  console.error('Không xóa được dữ liệu:', (err as Error).message);
  process.exit(2);
});
