import { z } from 'zod';
import { isoDay } from '../../http/inputs';
import { named } from '../../http/openapi';

// Input shapes of the dossier API, shared by the routes and the commands.
export const ApplicantInput = z.object({
  kind: z.enum(['person', 'organization']).default('person'),
  fullName: z.string().trim().min(2, 'Họ tên người nộp quá ngắn').max(200),
  idNumber: z.string().trim().regex(/^\d{12}$/, 'Số định danh cá nhân (CCCD) phải gồm 12 chữ số').optional().nullable(),
  dateOfBirth: isoDay('Ngày sinh phải có dạng YYYY-MM-DD').optional().nullable(),
  phone: z.string().trim().regex(/^(\+84|0)\d{9,10}$/, 'Số điện thoại không hợp lệ').or(z.literal('')).default(''),
  email: z.string().trim().email('E-mail không hợp lệ').or(z.literal('')).default(''),
  address: z.string().trim().max(500).default(''),
  orgName: z.string().trim().min(2).max(300).optional().nullable(),
  taxCode: z.string().trim().regex(/^\d{10}(-\d{3})?$/, 'Mã số thuế phải gồm 10 hoặc 13 chữ số').optional().nullable(),
}).superRefine((a, ctx) => {
  if (a.kind === 'person' && !a.idNumber) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: 'Cần số định danh cá nhân (CCCD) của người nộp' });
  if (a.kind === 'organization' && !a.orgName) ctx.addIssue({ code: 'custom', path: ['orgName'], message: 'Cần tên tổ chức' });
});
export type ApplicantInput = z.infer<typeof ApplicantInput>;

export const ChecklistInput = z.array(z.object({
  index: z.number().int().min(0),
  presented: z.boolean(),
  original: z.number().int().min(0).max(50).optional(),
  copy: z.number().int().min(0).max(50).optional(),
})).max(100);

export const RegisterInput = named('DossierRegistration', z.object({
  procedure: z.string().trim().min(1, 'Chọn thủ tục').max(50),
  applicant: ApplicantInput,
  channel: z.enum(['direct', 'post', 'online'], { error: 'Kênh nộp phải là direct, post hoặc online' }).default('direct'),
  checklist: ChecklistInput.optional(),
  note: z.string().max(2000).optional(),
  center: z.string().max(60).optional(),
  /**
   * Receive at once (reception clerk): registered and received in one step, as if `receive` followed — every
   * mandatory document must be ticked (or, without a checklist, counts as presented). Implied by backEntry.
   */
  receive: z.boolean().optional().describe('Tiếp nhận ngay khi đăng ký (cán bộ tiếp nhận): đủ giấy tờ bắt buộc thì hồ sơ ở trạng thái received, có hạn trả kết quả'),
  /** Sent by post: the postmark of arrival; the due date is counted from it (not in the future, at most 30 days back). */
  postmarkedAt: z.string().max(40).optional()
    .describe('Dấu ngày đến của bưu điện (chỉ với channel "post"): ngày YYYY-MM-DD hoặc thời điểm ISO 8601; thời hạn giải quyết tính từ ngày này'),
  /** A dossier received on paper during an outage, entered afterwards with its real receipt time. */
  backEntry: z.object({
    receivedAt: z.string().max(40),
    reason: z.string().trim().min(10, 'Lý do nhập bù tối thiểu 10 ký tự').max(1000),
  }).optional(),
}));
export type RegisterInput = z.infer<typeof RegisterInput>;

const Instant = z.string().max(40);
export const ActionInput = named('DossierAction', z.object({
  note: z.string().max(2000).optional(),
  reason: z.string().trim().max(2000).optional(),
  version: z.number().int().positive().optional(),
  checklist: ChecklistInput.optional(),
  missing: z.array(z.string().trim().min(1).max(500)).max(50).optional(),
  apology: z.string().trim().max(2000).optional(),
  newDueAt: Instant.optional(),
  proposedDueAt: Instant.optional(),
  method: z.enum(['counter', 'post', 'online']).optional(),
  trackingNumber: z.string().trim().max(60).optional(),
  /** Who took the result at the counter: the applicant, or a person they authorised (Quy chế: ID and authorisation paper). */
  collectedBy: z.object({
    kind: z.enum(['applicant', 'authorized']),
    fullName: z.string().trim().min(2).max(120).optional(),
    idNumber: z.string().trim().regex(/^(\d{9}|\d{12})$/, 'Số CCCD/CMND gồm 12 (hoặc 9) chữ số').optional(),
    authorization: z.string().trim().min(3).max(200).optional().describe('Giấy ủy quyền: số, ngày, nơi chứng thực'),
  }).optional(),
  resultFileId: z.string().uuid().optional(),
  resultSummary: z.string().trim().max(2000).optional(),
}).default({}));
export type ActionInput = z.infer<typeof ActionInput>;
