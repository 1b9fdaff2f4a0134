import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldLabel, installVietnameseErrors } from './zod-vi';

installVietnameseErrors();

const first = (schema: z.ZodType, input: unknown) => schema.safeParse(input).error!.issues[0].message;

// Every kind of zod issue the API's schemas can raise, with the Vietnamese a client reads.
const CASES: [string, z.ZodType, unknown, string][] = [
  ['missing field', z.object({ username: z.string() }), {}, '«Tên đăng nhập»: bắt buộc, chưa có giá trị'],
  ['wrong type (string)', z.object({ password: z.string() }), { password: 5 }, '«Mật khẩu»: phải là một chuỗi ký tự'],
  ['wrong type (number)', z.object({ amount: z.number() }), { amount: '5' }, '«Số tiền»: phải là một số'],
  ['not an integer', z.object({ limit: z.coerce.number().int() }), { limit: '1.5' }, '«Số dòng tối đa»: phải là một số nguyên'],
  ['wrong type (boolean)', z.object({ active: z.boolean() }), { active: 'yes' }, '«Đang hoạt động»: phải là true hoặc false'],
  ['wrong type (array)', z.object({ roles: z.array(z.string()) }), { roles: 'admin' }, '«Vai trò»: phải là một danh sách'],
  ['wrong type (object)', z.object({ applicant: z.object({}) }), { applicant: [] }, '«Người nộp»: phải là một đối tượng JSON'],
  ['empty text', z.object({ reason: z.string().min(1) }), { reason: '' }, '«Lý do»: không được để trống'],
  ['text too short', z.object({ fullName: z.string().min(2) }), { fullName: 'A' }, '«Họ và tên»: phải có ít nhất 2 ký tự'],
  ['text too long', z.object({ note: z.string().max(2000) }), { note: 'x'.repeat(2001) }, '«Ghi chú»: không được quá 2.000 ký tự'],
  ['number too small', z.object({ offset: z.number().min(0) }), { offset: -1 }, '«Vị trí bắt đầu»: không được nhỏ hơn 0'],
  ['number too big', z.object({ year: z.number().max(2100) }), { year: 2101 }, '«Năm»: không được lớn hơn 2.100'],
  ['positive', z.object({ amount: z.number().positive() }), { amount: 0 }, '«Số tiền»: phải lớn hơn 0'],
  ['too many items', z.object({ missing: z.array(z.string()).max(2) }), { missing: ['a', 'b', 'c'] }, '«Giấy tờ còn thiếu»: không được quá 2 phần tử'],
  ['enum', z.object({ channel: z.enum(['direct', 'post']) }), { channel: 'fax' }, '«Kênh nộp»: phải là một trong các giá trị: direct, post'],
  ['literal', z.object({ kind: z.literal('sms') }), { kind: 'mail' }, '«Loại»: phải là sms'],
  ['uuid', z.object({ userId: z.string().uuid() }), { userId: 'x' }, '«Người dùng»: phải là mã định danh UUID'],
  ['e-mail', z.object({ email: z.string().email() }), { email: 'x' }, '«E-mail»: phải là địa chỉ e-mail'],
  ['pattern without its own message', z.object({ code: z.string().regex(/^\d+$/) }), { code: 'x' }, '«Mã»: không đúng định dạng'],
  ['multiple of', z.object({ amount: z.number().multipleOf(1000) }), { amount: 1500 }, '«Số tiền»: phải là bội số của 1.000'],
  ['unknown key (strict)', z.object({ applicant: z.object({}).strict() }), { applicant: { x: 1 } }, '«Người nộp»: có trường không được phép: x'],
  ['union', z.object({ phone: z.union([z.string().regex(/^0\d{9}$/), z.literal('')]) }), { phone: 5 }, '«Số điện thoại»: không đúng dạng nào được chấp nhận'],
  ['nested path: the innermost named field', z.object({ checklist: z.array(z.object({ index: z.number() })) }), { checklist: [{}] }, '«Số thứ tự»: bắt buộc, chưa có giá trị'],
  ['a field without a label', z.object({ xyz: z.string() }), {}, 'Trường «xyz»: bắt buộc, chưa có giá trị'],
  ['the whole body', z.object({}), 'text', 'Dữ liệu phải là một đối tượng JSON'],
  ["a schema's own message wins", z.object({ phone: z.string().regex(/^0\d{9}$/, 'Số điện thoại không hợp lệ') }), { phone: 'x' }, 'Số điện thoại không hợp lệ'],
];

describe('zod issues in Vietnamese', () => {
  it.each(CASES)('%s', (_name, schema, input, message) => {
    expect(first(schema, input)).toBe(message);
  });

  it('a label is used for the field names of every request of the API', () => {
    expect(fieldLabel('idNumber')).toBe('«Số định danh cá nhân (CCCD)»');
    expect(fieldLabel('__proto__')).toBe('Trường «__proto__»');
  });
});
