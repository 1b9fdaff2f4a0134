// `npm run signing:import -- <username> <file.p12> [title]`: configures a signer's key for signing results (issue
// 13 item 6) outside demo mode — the PKCS#12 file from the signer's certification authority. The passphrase is read
// from MOTCUA_P12_PASSPHRASE (never from the command line, which other users may see). The file and its passphrase
// are stored sealed with the server key (MOTCUA_SECRET_KEY or the data directory's key file); delete the file after.
import fs from 'node:fs';
import { loadConfig } from '../config';
import { createPool, one } from '../platform/db';
import { secretKeyFor } from '../platform/secret-key';
import { headTitle } from '../modules/signing/domain/title';
import { storeSigningKey } from '../modules/signing/keys';
import { openForCommand } from './database';

async function main(): Promise<number> {
  const [username, file, title] = process.argv.slice(2);
  const passphrase = process.env.MOTCUA_P12_PASSPHRASE;
  if (!username || !file || passphrase === undefined) {
    console.error('Cách dùng: MOTCUA_P12_PASSPHRASE=… npm run signing:import -- <tên đăng nhập> <tệp .p12> ["chức danh"]');
    return 2;
  }
  const config = loadConfig();
  const target = await openForCommand(config, 'app');
  const db = createPool(target.url, 2);
  try {
    const user = await one<{ id: string; department: string | null }>(db,
      'SELECT u.id, d.name AS department FROM users u LEFT JOIN departments d ON d.id = u.department_id WHERE u.username = $1', [username]);
    if (!user) {
      console.error(`Không có tài khoản ${username}.`);
      return 2;
    }
    const r = await storeSigningKey(db, secretKeyFor(config), user.id, fs.readFileSync(file), passphrase, title ?? headTitle(user.department), new Date());
    console.log(`Đã lưu khóa ký số cho ${username}: chứng thư "${r.subject}", hết hạn ${r.notAfter.toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })}.`);
    return 0;
  } finally {
    await db.end();
    await target.close();
  }
}

main().then((code) => process.exit(code), (err) => {
  console.error('Không lưu được khóa ký số:', (err as Error).message);
  process.exit(2);
});
