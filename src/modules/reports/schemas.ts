import { z } from 'zod';
import { named } from '../../http/openapi';
import { periodProblem } from './domain';

export const FiguresOut = named('ReportFigures', z.object({
  received: z.object({ total: z.number(), online: z.number(), direct: z.number(), carriedOver: z.number() }),
  settled: z.object({ total: z.number(), early: z.number(), onTime: z.number(), late: z.number(), withdrawn: z.number(), rejected: z.number() }),
  inProgress: z.object({ total: z.number(), withinTime: z.number(), overdue: z.number() }),
  refused: z.number(),
  onTimeRate: z.number().nullable(),
}));

const Ref = z.object({ id: z.string(), name: z.string() });
const CenterOut = z.object({ id: z.string(), code: z.string(), name: z.string() });
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD');

export const SettlementQuery = z.object({
  from: Day,
  to: Day,
  groupBy: z.enum(['field', 'department'], { error: 'groupBy phải là field hoặc department' }).default('field'),
  center: z.string().max(60).optional(),
}).superRefine((q, ctx) => {
  const p = periodProblem(q);
  if (p) ctx.addIssue({ code: 'custom', message: p, path: ['to'] });
});

export const SettlementOut = named('SettlementReport', z.object({
  from: z.string(), to: z.string(), asOf: z.string(), groupBy: z.enum(['field', 'department']),
  center: CenterOut.nullable(), department: Ref.nullable(),
  rows: z.array(FiguresOut.extend({ key: z.string(), name: z.string() })),
  total: FiguresOut,
}));

const Share = z.object({ key: z.string(), name: z.string(), settled: z.number(), early: z.number(), onTime: z.number(), late: z.number(), onTimeRate: z.number().nullable() });
const PeriodOut = z.object({ from: z.string(), to: z.string() });

export const DashboardOut = named('Dashboard', z.object({
  center: CenterOut.nullable(),
  department: Ref.nullable(),
  generatedAt: z.string(),
  today: z.object({ period: PeriodOut, figures: FiguresOut }),
  month: z.object({ period: PeriodOut, figures: FiguresOut }),
  overdue: z.number().describe('Hồ sơ đang giải quyết đã quá hạn (theo thời hạn luật định, không tính thời gian tạm dừng)'),
  atRisk: z.number().describe('Hồ sơ sắp đến hạn: còn không quá một ngày làm việc'),
  untouched: z.number().describe('Hồ sơ phòng chuyên môn chưa cập nhật quá nửa ngày làm việc (Quy chế 12.2)'),
  control: z.array(z.object({
    key: z.string().describe('Mã phòng; "-": hồ sơ còn ở Trung tâm, chưa chuyển phòng'), department: Ref.nullable(), name: z.string(),
    overdue: z.number(), atRisk: z.number(), untouched: z.number(),
  })).describe('Theo từng phòng: quá hạn, sắp đến hạn, chậm cập nhật (các dòng cộng lại bằng tổng)'),
  queue: z.object({ waiting: z.number(), averageWaitMinutes: z.number().nullable(), served: z.number() }).nullable(),
  byField: z.array(Share),
  byDepartment: z.array(Share),
  mostOverdue: z.array(z.object({
    code: z.string(), centerId: z.string(), procedure: z.object({ code: z.string(), name: z.string() }), field: z.string(), department: Ref.nullable(),
    step: z.object({ index: z.number(), name: z.string(), role: z.string() }).nullable(), holder: z.string(), assignee: z.string().nullable(),
    dueAt: z.string(), legalDueAt: z.string(), paused: z.boolean(), overdueWorkingDays: z.number(),
  })),
  feedbackOverdue: z.number().describe('Phản ánh, kiến nghị quá hạn bước đang xử lý (phòng chuyên môn: phản ánh được giao cho phòng)'),
}));

export const CenterQuery = z.object({ center: z.string().max(60).optional() });
