import type { Queryable } from '../platform/db';
import { one } from '../platform/db';
import { hashPassword } from '../platform/password';

// The demo organisation: the province of Thừa Thiên Huế with two district-level centers, each with the 14
// fields of the founding document, a department per field and a counter per field (two for the Police).
// Center codes follow the national agency-code shape but are demo values.

export const DEMO_PASSWORD = 'motcua-demo';

const DEPARTMENTS: Record<string, (place: string) => string> = {
  YT: () => 'Phòng Y tế',
  TP: () => 'Phòng Tư pháp',
  GD: () => 'Phòng Giáo dục và Đào tạo',
  VH: () => 'Phòng Văn hóa và Thông tin',
  LD: () => 'Phòng Lao động - Thương binh và Xã hội',
  NV: () => 'Phòng Nội vụ',
  NN: () => 'Phòng Kinh tế',
  MT: () => 'Phòng Tài nguyên và Môi trường',
  XD: () => 'Phòng Quản lý đô thị',
  TC: () => 'Phòng Tài chính - Kế hoạch',
  DD: (p) => `Chi nhánh Văn phòng Đăng ký đất đai ${p}`,
  CA: (p) => `Công an ${p}`,
  TH: () => 'Chi cục Thuế khu vực',
  BH: (p) => `Bảo hiểm xã hội ${p}`,
};

const CENTERS = [
  { code: '000.00.15.H57', place: 'thị xã Hương Thủy', address: 'Số 02 Sóng Hồng, phường Phú Bài, thị xã Hương Thủy', phone: '0234 3861 xxx' },
  { code: '000.00.11.H57', place: 'thành phố Huế', address: 'Số 01 Lý Thường Kiệt, phường Vĩnh Ninh, thành phố Huế', phone: '0234 3822 xxx' },
];

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Phan', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Thị Thu', 'Minh', 'Thị Hồng', 'Quang', 'Thị Mai'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dung', 'Hà', 'Hải', 'Hạnh', 'Hiếu', 'Hoa', 'Hùng', 'Hương', 'Khánh', 'Lan', 'Long', 'Mai', 'Nam', 'Ngọc', 'Phúc', 'Quân', 'Tâm', 'Thảo', 'Trung', 'Tuấn', 'Vy'];
const personName = (i: number) => `${FAMILY[i % FAMILY.length]} ${MIDDLE[(i * 3) % MIDDLE.length]} ${GIVEN[(i * 7) % GIVEN.length]}`;

export interface DemoAccount {
  username: string;
  role: string;
  center: string | null;
}

export async function seedDemo(db: Queryable, fields: { code: string; no: number; name: string }[]): Promise<DemoAccount[]> {
  const province = await one<{ id: string }>(db, `INSERT INTO provinces (code, name) VALUES ('H57', 'Thừa Thiên Huế') RETURNING id`);
  const centerIds: string[] = [];
  for (const c of CENTERS) {
    const row = await one<{ id: string }>(db, `INSERT INTO centers (province_id, code, name, short_name, level, address, phone, email, settings, created_at)
      VALUES ($1,$2,$3,$4,'district',$5,$6,$7,$8, clock_timestamp()) RETURNING id`, [
      province!.id, c.code, `Trung tâm Hành chính công ${c.place}`, `TTHCC ${c.place}`, c.address, c.phone,
      `tthcc.${c.place.split(' ').pop()!.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd')}@thuathienhue.gov.vn`,
      JSON.stringify({ saturdayMorningOpen: true }),
    ]);
    centerIds.push(row!.id);
    const sorted = [...fields].sort((a, b) => a.no - b.no);
    let counter = 1;
    for (const f of sorted) {
      await db.query('INSERT INTO departments (center_id, code, name, field_codes) VALUES ($1,$2,$3,$4)', [row!.id, f.code, DEPARTMENTS[f.code]?.(c.place) ?? `Phòng ${f.name}`, [f.code]]);
      // The founding document staffs the Police with two people, so it gets two counters.
      for (let k = 0; k < (f.code === 'CA' ? 2 : 1); k++) {
        await db.query('INSERT INTO counters (center_id, number, name, field_codes) VALUES ($1,$2,$3,$4)', [row!.id, counter, `Quầy ${counter} – ${f.name.split(' (')[0]}`, [f.code]]);
        counter++;
      }
    }
  }

  const accounts: DemoAccount[] = [];
  let i = 0;
  const add = async (username: string, role: string, centerIdx: number | null, fieldCode?: string, counterNo?: number) => {
    const centerId = centerIdx === null ? null : centerIds[centerIdx];
    const dept = fieldCode && centerId ? await one<{ id: string }>(db, 'SELECT id FROM departments WHERE center_id = $1 AND code = $2', [centerId, fieldCode]) : undefined;
    const counter = counterNo && centerId ? await one<{ id: string }>(db, 'SELECT id FROM counters WHERE center_id = $1 AND number = $2', [centerId, counterNo]) : undefined;
    const needsDept = role === 'specialist' || role === 'department_head';
    await db.query(`INSERT INTO users (username, full_name, email, password_hash, roles, center_id, department_id, counter_id) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`, [
      username, personName(i++), `${username}@demo.motcua.vn`, await hashPassword(DEMO_PASSWORD), [role], centerId, needsDept ? dept?.id ?? null : null, counter?.id ?? null,
    ]);
    accounts.push({ username, role, center: centerIdx === null ? null : CENTERS[centerIdx].code });
  };
  await add('admin', 'admin', null);
  await add('tinh', 'province_supervisor', null);
  await add('giamdoc', 'director', 0);
  await add('phogiamdoc', 'deputy_director', 0);
  await add('giamsat', 'supervisor', 0);
  await add('thuphi', 'fee_collector', 0);
  const counterOf = new Map<string, number>();
  let n = 1;
  for (const f of [...fields].sort((a, b) => a.no - b.no)) {
    counterOf.set(f.code, n);
    n += f.code === 'CA' ? 2 : 1;
  }
  for (const f of [...fields].sort((a, b) => a.no - b.no)) {
    const lc = f.code.toLowerCase();
    await add(`tn.${lc}`, 'reception', 0, f.code, counterOf.get(f.code));
    await add(`cv.${lc}`, 'specialist', 0, f.code);
    await add(`ld.${lc}`, 'department_head', 0, f.code);
  }
  // A few accounts at the second center, so scoping between centers can be seen and tested.
  await add('giamdoc.hue', 'director', 1);
  await add('tn.tp.hue', 'reception', 1, 'TP', counterOf.get('TP'));
  await add('cv.tp.hue', 'specialist', 1, 'TP');
  return accounts;
}
