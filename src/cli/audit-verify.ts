// `npm run audit:verify`: recomputes the hash chains of the record (audit_log, dossier_events) and exits 0 when every
// chain is whole, 1 naming the first broken row of each broken chain, 2 when it could not check.
import pg from 'pg';
import { loadConfig } from '../config';
import { verifyRecord } from '../modules/audit/verify';
import { openForCommand } from './database';

const n = (x: number) => x.toLocaleString('vi-VN');

async function main(): Promise<number> {
  const config = loadConfig();
  const target = await openForCommand(config, 'app');
  const client = new pg.Client({ connectionString: target.url });
  try {
    await client.connect();
    const { chains: reports, pending } = await verifyRecord(client);
    let broken = 0;
    for (const r of reports) {
      if (r.broken) {
        broken++;
        console.log(`HỎNG  chuỗi ${r.name} (${r.chainId || '—'}): ${r.broken}`);
      } else {
        const purged = r.redacted ? `, ${n(r.redacted)} dòng đã xóa nội dung cá nhân theo thời hạn lưu trữ` : '';
        console.log(`OK    chuỗi ${r.name} (${r.chainId}): ${n(r.rows)} dòng${purged}; đầu chuỗi #${r.head?.seq ?? 0} ${r.head?.hash ?? ''}`);
      }
    }
    if (broken) {
      console.log(`\nNhật ký KHÔNG nguyên vẹn: ${broken}/${reports.length} chuỗi bị hỏng.`);
      return 1;
    }
    const rows = reports.reduce((s, r) => s + r.rows, 0);
    if (pending) console.log(`${n(pending)} dòng vừa ghi (giao dịch chưa kết thúc) chưa được liên kết; lần kiểm tra sau sẽ xét.`);
    console.log(`\nNhật ký nguyên vẹn: ${n(rows)} dòng trong ${reports.length} chuỗi. Lưu lại các mã đầu chuỗi ở nơi khác để phát hiện việc ghi lại toàn bộ chuỗi.`);
    return 0;
  } finally {
    await client.end().catch(() => undefined);
    await target.close();
  }
}

main().then((code) => process.exit(code), (err) => {
  console.error('Không kiểm tra được nhật ký:', (err as Error).message);
  process.exit(2);
});
