import { z } from 'zod';
import { isoDay } from '../../http/inputs';
import { named } from '../../http/openapi';
import { PublicSessionOut } from '../calendar/schemas';

// Request and response shapes of the queue API (the response schema is the serializer: nothing else leaves).

export const CenterParam = z.string({ error: 'Thiếu Trung tâm (center)' }).trim().min(1, 'Thiếu Trung tâm (center)').max(60);
export const IdParams = z.object({ id: z.string().uuid('Mã không hợp lệ') });
export const FieldCode = z.string({ error: 'Thiếu lĩnh vực (field)' }).trim().min(2, 'Mã lĩnh vực không hợp lệ').max(8, 'Mã lĩnh vực không hợp lệ')
  .regex(/^[A-Za-z0-9]+$/, 'Mã lĩnh vực không hợp lệ');

export const IssueBody = named('QueueIssue', z.object({
  center: CenterParam,
  field: FieldCode,
  priority: z.string().trim().max(40).optional(),
  phone: z.string().trim().regex(/^(0|\+84)[0-9]{9,10}$/, 'Số điện thoại không hợp lệ (ví dụ 0912345678)').optional(),
}));

export const IssueOut = named('QueueIssued', z.object({
  id: z.string(),
  number: z.number(),
  displayNumber: z.string(),
  field: z.string(),
  fieldName: z.string(),
  priority: z.string().nullable(),
  counters: z.array(z.number()),
  ahead: z.number(),
  estimatedWaitMinutes: z.number(),
  issuedAt: z.string(),
  centerId: z.string(),
  centerName: z.string(),
  followUrl: z.string(),
}));

const CounterRef = z.object({ id: z.string(), number: z.number(), name: z.string() });
export const TicketOut = named('QueueTicket', z.object({
  id: z.string(),
  number: z.number(),
  displayNumber: z.string(),
  queue: z.string(),
  field: z.string().nullable(),
  fieldName: z.string(),
  group: z.string().nullable(),
  priority: z.string().nullable(),
  status: z.enum(['waiting', 'called', 'serving', 'done', 'no_show']),
  issuedAt: z.string(),
  calledAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  recallCount: z.number(),
  transferCount: z.number(),
  counter: CounterRef.nullable(),
}));

export const FollowOut = named('QueueFollow', TicketOut.extend({
  ahead: z.number(),
  estimatedWaitMinutes: z.number(),
  counters: z.array(z.number()),
  centerName: z.string(),
}));

export const Staff = z.object({ id: z.string(), fullName: z.string() }).nullable();
export const CounterOut = named('QueueCounter', z.object({
  id: z.string(),
  number: z.number(),
  name: z.string(),
  fields: z.array(z.string()),
  status: z.enum(['open', 'paused', 'closed']),
  staff: Staff,
  current: TicketOut.nullable(),
}));

const Call = named('QueueCall', z.object({ counterNumber: z.number(), number: z.number(), displayNumber: z.string(), fieldCode: z.string().nullable(), calledAt: z.string() }));
export const BoardOut = named('QueueBoard', z.object({
  center: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  day: z.string(),
  generatedAt: z.string(),
  counters: z.array(CounterOut),
  latestCall: Call.nullable(),
  waiting: z.array(z.object({ code: z.string(), name: z.string(), count: z.number() })),
  recentCalls: z.array(Call),
  readyForCollection: z.array(z.string()),
  today: z.object({
    ticketsIssued: z.number(), ticketsServed: z.number(), ticketsWaiting: z.number(), noShows: z.number(),
    dossiersReceived: z.number(), dossiersReturned: z.number(), dossiersSettled: z.number(), dossiersSettledOnTime: z.number(),
    onTimeRate: z.number().nullable(),
  }),
}));

const Day = isoDay();
export const StatsQuery = z.object({
  center: z.string().trim().max(60).optional(),
  from: Day.optional(),
  to: Day.optional(),
  groupBy: z.enum(['day', 'week', 'month', 'field', 'counter', 'staff'], { error: 'groupBy phải là day, week, month, field, counter hoặc staff' }).default('day'),
});
const StatsRow = named('QueueStatsRow', z.object({
  key: z.string(), label: z.string(), tickets: z.number(), served: z.number(), noShows: z.number(),
  avgWaitMinutes: z.number().nullable(), p90WaitMinutes: z.number().nullable(), avgServiceMinutes: z.number().nullable(), p90ServiceMinutes: z.number().nullable(),
}));
export const StatsOut = named('QueueStats', z.object({
  center: z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable(),
  from: z.string(), to: z.string(), groupBy: StatsQuery.shape.groupBy.removeDefault(), items: z.array(StatsRow), total: StatsRow,
}));

export const KioskOut = named('QueueKiosk', z.object({
  center: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  queues: z.array(z.object({
    code: z.string(), name: z.string(), kind: z.enum(['field', 'group']), fields: z.array(z.string()), counters: z.array(z.number()), waiting: z.number(), available: z.boolean(),
  })),
  priorities: z.array(z.object({ code: z.string(), name: z.string() })),
  open: z.boolean().describe('Đang trong giờ tiếp công dân: kiosk cấp số'),
  closesAt: z.string().nullable().describe('Hết giờ tiếp công dân của buổi hiện tại'),
  next: PublicSessionOut.nullable().describe('Buổi tiếp công dân tiếp theo'),
  notifyByPhone: z.boolean().describe('Máy lấy số hỏi số điện thoại để nhắn "sắp đến lượt": chỉ khi Trung tâm có kênh SMS (hoặc Zalo) và bật thông báo này'),
}));

export const SettingsBody = z.object({
  center: CenterParam,
  priorityStreakLimit: z.number().int().min(0, 'Tối thiểu 0 (0: tắt quy tắc)').max(100),
  recallLimit: z.number().int().min(0).max(20, 'Tối đa 20 lần gọi lại'),
  defaultServiceMinutes: z.number().int().min(1, 'Tối thiểu 1 phút').max(240, 'Tối đa 240 phút'),
  priorities: z.array(z.object({ code: z.string().regex(/^[a-z][a-z0-9_]{1,30}$/, 'Mã đối tượng ưu tiên không hợp lệ'), name: z.string().trim().min(2).max(100) })).max(20).optional(),
  numbering: z.array(z.object({ field: FieldCode, prefix: z.string().regex(/^[A-Z0-9-]{0,4}$/, 'Tiền tố tối đa 4 ký tự in hoa, số hoặc gạch').default(''), rangeStart: z.number().int().min(0).max(1_000_000) })).max(50).optional(),
  groups: z.array(z.object({
    code: z.string().regex(/^G[A-Z0-9]{1,5}$/, 'Mã nhóm dịch vụ bắt đầu bằng G (ví dụ G1)'), name: z.string().trim().min(2).max(200),
    fields: z.array(FieldCode).min(1, 'Nhóm phải gồm ít nhất một lĩnh vực').max(20),
    prefix: z.string().regex(/^[A-Z0-9-]{0,4}$/, 'Tiền tố tối đa 4 ký tự in hoa, số hoặc gạch').default(''), rangeStart: z.number().int().min(0).max(1_000_000),
  })).max(20).optional(),
});
export const SettingsOut = SettingsBody.omit({ center: true }).required().extend({ center: z.object({ id: z.string(), code: z.string(), name: z.string() }) });
