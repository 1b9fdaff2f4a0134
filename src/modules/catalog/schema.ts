import { z } from 'zod';
import { named } from '../../http/openapi';

// The procedure as the API shows it and as an administrator edits, imports and exports it.
export const TimeUnit = z.enum(['working_days', 'working_hours', 'same_day']);

export const FeeSchema = z.object({
  name: z.string().trim().min(1, 'Tên khoản phí không được trống').max(300),
  amount: z.number().int('Số tiền phải là số nguyên (đồng)').min(0, 'Số tiền không được âm').max(1_000_000_000_000).nullable(),
  unit: z.enum(['per_dossier', 'per_page', 'per_copy']),
  cap: z.number().int().min(0).nullable().default(null),
  note: z.string().max(1000).optional(),
});

export const DocumentSchema = z.object({
  name: z.string().trim().min(1, 'Tên giấy tờ không được trống').max(1000),
  original: z.number().int().min(0).max(50),
  copy: z.number().int().min(0).max(50),
  mandatory: z.boolean(),
});

export const WorkflowStepSchema = z.object({
  order: z.number().int().min(1),
  name: z.string().trim().min(1).max(300),
  role: z.enum(['reception', 'specialist', 'department_head', 'inter_agency']),
  unit: z.string().max(300),
  budget: z.object({ unit: z.enum(['working_days', 'working_hours']), value: z.number().positive().max(10_000) }),
});

export const ProcessingTimeSchema = z.object({
  unit: TimeUnit,
  value: z.number().int('Thời hạn phải là số nguyên').positive('Thời hạn phải lớn hơn 0').max(1000),
  note: z.string().max(1000).optional(),
  calendarDays: z.boolean().optional(),
  cutoff: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Giờ chốt phải có dạng HH:MM').optional(),
});

export const ProcedureInput = z.object({
  code: z.string().trim().min(1, 'Mã thủ tục không được trống').max(50).regex(/^[A-Za-z0-9.\-_]+$/, 'Mã thủ tục chỉ gồm chữ, số, dấu chấm, gạch'),
  name: z.string().trim().min(3, 'Tên thủ tục quá ngắn').max(1000),
  field: z.string().trim().min(1).max(10),
  agency: z.string().max(500).default(''),
  decidingAuthority: z.string().max(500).default(''),
  processingTime: ProcessingTimeSchema,
  fees: z.array(FeeSchema).max(50).default([]),
  requiredDocuments: z.array(DocumentSchema).max(100).default([]),
  result: z.string().max(1000).default(''),
  legalBasis: z.array(z.string().max(1000)).max(100).default([]),
  interAgency: z.array(z.string().max(500)).max(20).default([]),
  onlineLevel: z.number().int().min(1).max(4),
  workflow: z.array(WorkflowStepSchema).max(30).optional(),
  source: z.string().max(2000).default(''),
  estimatedFields: z.array(z.string().max(100)).max(50).default([]),
  confidence: z.string().max(20).nullable().optional(),
  notes: z.string().max(4000).nullable().optional(),
  active: z.boolean().default(true),
});
export type ProcedureInput = z.infer<typeof ProcedureInput>;

export const ProcedureSummary = named('ProcedureSummary', z.object({
  code: z.string(),
  name: z.string(),
  field: z.string(),
  fieldName: z.string(),
  agency: z.string(),
  processingTime: ProcessingTimeSchema,
  fees: z.array(FeeSchema),
  onlineLevel: z.number(),
  online: z.enum(['full', 'partial']).nullable().describe('Nộp hồ sơ trực tuyến: full = toàn trình (mức 4), partial = một phần (mức 3), null = không; theo mức độ trực tuyến do quản trị cập nhật'),
  active: z.boolean(),
}));
export type ProcedureSummary = z.infer<typeof ProcedureSummary>;

export const ProcedureDetail = named('Procedure', ProcedureSummary.extend({
  decidingAuthority: z.string(),
  requiredDocuments: z.array(DocumentSchema),
  result: z.string(),
  legalBasis: z.array(z.string()),
  interAgency: z.array(z.string()),
  workflow: z.array(WorkflowStepSchema),
  source: z.string(),
  estimatedFields: z.array(z.string()),
  confidence: z.string().nullable(),
  notes: z.string().nullable(),
  updatedAt: z.string(),
}));
export type ProcedureDetail = z.infer<typeof ProcedureDetail>;
