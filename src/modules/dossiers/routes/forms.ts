import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { anyPerm } from '../../../http/access';
import { many, one, type Queryable } from '../../../platform/db';
import { AppError, badRequest } from '../../../platform/errors';
import { isRole, ROLE_NAMES } from '../../auth/permissions';
import type { Actor } from '../../auth/actor';
import { isProvinceWide } from '../../auth/actor';
import { findCenter } from '../../centers/repo';
import type { FormContext, FormDossier, Handoff, TrackingRow } from '../forms';
import { statusText } from '../forms/text';
import { trackingBookXlsx } from '../forms/tracking-book';
import { auditRead } from '../../audit/reads';
import { assertCanView, timingOf } from '../presenter';
import { legalDueAt } from '../../reports/domain';
import { statusLink, statusPage } from '../domain/public-lookup';
import { eventsOf, findDossier, type DossierRow, type EventRow } from '../repo';
import { returnWindow } from '../../calendar/domain';
import { ticketIssuedFor } from '../../queue/commands/dossier-ticket';
import { isoDay } from '../../../http/inputs';
import { evaluationLink, evaluationToken } from '../../evaluations/routes';

type Form = 'slip' | 'receipt' | 'supplement' | 'refusal' | 'apology' | 'control' | 'evaluation' | 'rejection';
const FORMS: readonly Form[] = ['slip', 'receipt', 'supplement', 'refusal', 'apology', 'control', 'evaluation', 'rejection'];

/** "Trung tâm Hành chính công thị xã Hương Thủy" → parent "UBND THỊ XÃ HƯƠNG THỦY", place "Hương Thủy". */
export function centerForForms(c: { name: string; short_name: string; code: string; address: string; phone: string }): FormContext['center'] {
  const area = c.name.replace(/^Trung tâm (Hành chính công|Phục vụ hành chính công)\s*/i, '').trim() || c.name;
  const place = area.replace(/^(thị xã|thành phố|huyện|quận|phường|xã|thị trấn|tỉnh)\s+/i, '');
  return { name: c.name, shortName: c.short_name, code: c.code, address: c.address, phone: c.phone, parentAgency: `UBND ${area.toLocaleUpperCase('vi')}`, place };
}

async function formContext(db: Queryable, centerId: string, actor: Actor, now: Date): Promise<FormContext> {
  const c = await one<{ name: string; short_name: string; code: string; address: string; phone: string }>(db, 'SELECT name, short_name, code, address, phone FROM centers WHERE id = $1', [centerId]);
  const role = actor.roles.find(isRole);
  return { center: centerForForms(c!), staff: { fullName: actor.fullName, title: role ? ROLE_NAMES[role].vi : 'Cán bộ' }, printedAt: now };
}

// The QR code on a slip opens the public status page: at MOTCUA_PUBLIC_URL when set (the address citizens reach,
// which a counter PC behind a proxy may not use), else at the address the request came to. The QR code carries the
// dossier's token, so a scan shows the status at once; the printed address does not (the page asks for 4 digits).
const publicBase = (req: FastifyRequest) => req.server.deps.config.publicUrl ?? `${req.protocol}://${req.host}`;

async function formDossier(db: Queryable, d: DossierRow, base: string, form: Form): Promise<FormDossier> {
  const p = await one<{ field_name: string; result: string }>(db, 'SELECT f.name AS field_name, p.result FROM procedures p JOIN fields f ON f.code = p.field_code WHERE p.code = $1', [d.procedure_code]);
  return {
    postmarkedAt: d.postmarked_at,
    // The dossier slip tells the applicant which queue number to wait for.
    queueTicket: form === 'slip' ? await ticketIssuedFor(db, d.code) : null,
    code: d.code, dailyNumber: d.daily_number,
    procedure: { code: d.procedure_code, name: d.procedure_name, fieldName: p!.field_name, timeLimit: { unit: d.time_limit.unit, value: d.time_limit.value }, result: p!.result },
    applicant: d.applicant, channel: d.channel, registeredAt: d.registered_at, receivedAt: d.received_at, dueAt: d.due_at, originalDueAt: d.original_due_at, settledAt: d.settled_at,
    checklist: d.checklist, department: d.department_name, statusUrl: statusLink(base, d.code, d.public_token), statusPage: statusPage(base, d.code),
  };
}

const lastEvent = (events: EventRow[], actions: string[]) => [...events].reverse().find((e) => actions.includes(e.action));
const notYet = (what: string) => new AppError(409, 'DOSSIER_FORM_NOT_APPLICABLE', `Chưa thể in ${what} cho hồ sơ ở trạng thái hiện tại.`);

/** The last hand-off: the result to the applicant or the person they authorised (who, with ID and paper). */
function handOver(e: EventRow): Handoff {
  const c = (e.data as { collectedBy?: { kind: string; fullName?: string; idNumber?: string; authorization?: string }; method?: string; trackingNumber?: string });
  const by = c.collectedBy;
  const unit = c.method === 'post' ? `Người nộp (qua bưu chính${c.trackingNumber ? `, mã vận đơn ${c.trackingNumber}` : ''})`
    : by?.kind === 'authorized' ? `Người được ủy quyền (CCCD ${by.idNumber}; ${by.authorization})` : 'Người nộp hồ sơ';
  return {
    step: 'Trả kết quả giải quyết hồ sơ',
    giver: { name: e.actor_name ?? '', unit: 'Bộ phận Tiếp nhận và Trả kết quả' },
    receiver: { name: by?.fullName ?? '', unit },
    at: e.at, due: null, outcome: null,
  };
}

function handoffs(d: DossierRow, events: EventRow[]): Handoff[] {
  const returned = events.find((e) => e.action === 'return');
  return [...events.filter((e) => ['transfer', 'complete-step', 'send-back', 'resolve', 'reject'].includes(e.action)).map((e) => {
    const data = e.data as { fromStep?: number; fromUnit?: string; toUnit?: string; stepDueAt?: string; outcome?: Handoff['outcome'] };
    const fromStep = data.fromStep ?? (e.step_index ?? 0);
    const settle = e.action === 'resolve' || e.action === 'reject';
    return {
      step: d.workflow[fromStep]?.name ?? e.action,
      giver: { name: e.actor_name ?? '', unit: data.fromUnit ?? d.workflow[fromStep]?.unit ?? '' },
      receiver: { name: '', unit: settle ? 'Bộ phận Tiếp nhận và Trả kết quả' : data.toUnit ?? '' },
      at: e.at,
      due: settle ? d.due_at : data.stepDueAt ? new Date(data.stepDueAt) : null,
      outcome: data.outcome ?? null,
      note: e.reason ?? undefined,
    };
  }), ...(returned ? [handOver(returned)] : [])];
}

import { assertSlipPrintable } from '../../fees/gate';

export const formRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/dossiers/:code/forms/:file', {
    config: { access: anyPerm('dossiers.view_center', 'dossiers.view_department') },
    schema: {
      tags: ['dossiers'],
      summary: 'In phiếu của hồ sơ (PDF A4): slip, receipt, supplement, refusal, apology (hẹn lại hoặc xin lỗi vì trả chậm), control, evaluation (phiếu đánh giá), rejection (thông báo không đủ điều kiện)',
      params: z.object({ code: z.string().min(5).max(60), file: z.string().regex(new RegExp(`^(${FORMS.join('|')})\\.pdf$`), `Phiếu phải là ${FORMS.join(', ')} (.pdf)`) }),
    },
  }, async (req, reply) => {
    const { db, clock } = app.deps;
    const form = req.params.file.replace(/\.pdf$/, '') as Form;
    const d = await findDossier(db, req.params.code);
    assertCanView(req.actor!, d);
    if (d.purged_at) throw new AppError(409, 'DOSSIER_PURGED', 'Hồ sơ đã hết thời hạn lưu trữ dữ liệu cá nhân: không còn thông tin người nộp để in phiếu.');
    const now = clock.now();
    const [ctx, fd, events] = await Promise.all([formContext(db, d.center_id, req.actor!, now), formDossier(db, d, publicBase(req), form), eventsOf(db, d.id)]);
    // Rendered in the PDF worker pool (src/printing), off the event loop.
    const print = app.deps.printer.render;
    let pdf: Buffer;
    switch (form) {
      case 'slip':
        pdf = await print('dossierSlip', fd, ctx);
        break;
      case 'receipt':
        if (!d.received_at) throw notYet('giấy tiếp nhận và hẹn trả kết quả');
        // Reception → fees due at reception → receipt → the slip (issue 13 item 1): 409 naming what is owed.
        await assertSlipPrintable(db, d.code);
        // The appointment in the center's public hours of the due day (the due date stays the legal deadline).
        pdf = await print('receiptSlip', fd, { ...ctx, returnWindow: d.due_at ? returnWindow(await app.deps.calendars.forRow(d), d.due_at) : null });
        break;
      case 'supplement': {
        const e = lastEvent(events, ['request-supplement', 'request-supplement-by-department']);
        if (!e) throw notYet('phiếu yêu cầu bổ sung');
        const data = e.data as { missing?: string[]; requestNumber?: number; apology?: string };
        pdf = await print('supplementRequest', fd, { ...ctx, missing: data.missing ?? [], reason: e.reason ?? '', requestNumber: data.requestNumber ?? 1, ...(data.apology ? { apology: data.apology } : {}) });
        break;
      }
      case 'refusal': {
        const e = lastEvent(events, ['refuse']);
        if (!e) throw notYet('phiếu từ chối tiếp nhận');
        pdf = await print('refusal', fd, { ...ctx, reasons: e.reason ?? '' });
        break;
      }
      case 'apology': {
        const calendar = await app.deps.calendars.forRow(d);
        const timing = timingOf(calendar, d, now);
        const responsibleUnit = d.department_name ?? '';
        if (d.settled_at && d.due_at && timing === 'late') {
          // The result is there but late (after the due date, or late by repeated supplement requests).
          const lateByDate = d.settled_at > legalDueAt({ dueAt: d.due_at, originalDueAt: d.original_due_at });
          const reason = lateByDate ? (d.late_notice?.reason ?? d.extension_reason ?? '') : 'Hồ sơ phải yêu cầu bổ sung, hoàn thiện nhiều lần';
          pdf = await print('apology', fd, { ...ctx, reason, newDueAt: null, settledAt: d.settled_at, lateBySupplement: !lateByDate, responsibleUnit });
        } else if (d.extended_at && d.due_at) {
          pdf = await print('apology', { ...fd, dueAt: d.original_due_at }, { ...ctx, reason: d.extension_reason ?? d.late_notice?.reason ?? '', newDueAt: d.due_at, responsibleUnit });
        } else if (!d.settled_at && timing === 'overdue') {
          // Not ready at the appointment and not extended yet: the department's proposed date if it warned in time,
          // else a blank the clerk fills in by hand.
          const proposed = d.late_notice ? new Date(d.late_notice.proposedDueAt) : null;
          pdf = await print('apology', fd, { ...ctx, reason: d.late_notice?.reason ?? '', newDueAt: proposed, responsibleUnit });
        } else {
          throw notYet('phiếu xin lỗi (hồ sơ không trễ hạn và chưa được gia hạn)');
        }
        break;
      }
      case 'evaluation': {
        if (!d.settled_at || d.result?.rejected) throw notYet('phiếu đánh giá mức độ hài lòng (hồ sơ chưa có kết quả)');
        const calendar = await app.deps.calendars.forRow(d);
        const timing = timingOf(calendar, d, now);
        const evaluationUrl = evaluationLink(publicBase(req), await evaluationToken(db, d, now));
        pdf = await print('evaluation', fd, { ...ctx, evaluationUrl, timing: timing === 'early' || timing === 'on_time' || timing === 'late' ? timing : null });
        break;
      }
      case 'rejection': {
        const rejected = d.status === 'rejected' || (d.status === 'returned' && d.result?.rejected === true);
        if (!rejected || !d.settled_at) throw notYet('thông báo hồ sơ không đủ điều kiện giải quyết (hồ sơ không bị từ chối giải quyết)');
        const reason = (d.result?.reason as string | undefined) ?? lastEvent(events, ['reject'])?.reason ?? '';
        pdf = await print('rejection', fd, { ...ctx, reasons: reason, decidedAt: d.settled_at });
        break;
      }
      case 'control':
        if (!d.received_at) throw notYet('phiếu kiểm soát quá trình giải quyết');
        pdf = await print('controlSlip', fd, { ...ctx, handoffs: handoffs(d, events) });
        break;
    }
    await auditRead(req, { action: 'dossier.form.print', entity: 'dossier', entityId: d.code, centerId: d.center_id, data: { form } });
    return reply.type('application/pdf').header('content-disposition', `inline; filename="${form}-${d.code}.pdf"`).send(pdf);
  });

  app.get('/dossiers/tracking-book/:file', {
    config: { access: anyPerm('dossiers.view_center') },
    schema: {
      tags: ['dossiers'], summary: 'Sổ theo dõi hồ sơ theo khoảng ngày tiếp nhận (PDF khổ ngang hoặc Excel)',
      params: z.object({ file: z.enum(['book.pdf', 'book.xlsx'], { error: 'Tệp phải là book.pdf hoặc book.xlsx' }) }),
      querystring: z.object({ from: isoDay(), to: isoDay(), center: z.string().max(60).optional() }),
    },
  }, async (req, reply) => {
    const { db, clock } = app.deps;
    const actor = req.actor!;
    const { from, to } = req.query;
    if (to < from) throw badRequest('BOOK_BAD_RANGE', 'Ngày kết thúc phải sau ngày bắt đầu.');
    if ((Date.parse(to) - Date.parse(from)) / 86_400_000 > 366) throw badRequest('BOOK_RANGE_TOO_LONG', 'Mỗi lần in sổ tối đa một năm.');
    const centerId = isProvinceWide(actor) ? (req.query.center ? (await findCenter(db, req.query.center)).id : null) : actor.centerId;
    if (!centerId) throw badRequest('BOOK_CENTER_REQUIRED', 'Chọn Trung tâm cần in sổ.');
    const rows = await many<DossierRow & { transferred_at: Date | null }>(db, `SELECT d.*, p.name AS procedure_name,
        (SELECT min(e.at) FROM dossier_events e WHERE e.dossier_id = d.id AND e.action = 'transfer') AS transferred_at
      FROM dossiers d JOIN procedures p ON p.code = d.procedure_code
      WHERE d.center_id = $1 AND d.received_at >= ($2::date)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'
        AND d.received_at < (($3::date) + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'
      ORDER BY d.received_at, d.code LIMIT 20000`, [centerId, from, to]);
    const book: TrackingRow[] = rows.map((r) => ({
      code: r.code, procedureName: r.procedure_name,
      applicantName: r.applicant.orgName ? `${r.applicant.orgName} (${r.applicant.fullName})` : r.applicant.fullName,
      applicantContact: [r.applicant.address, r.applicant.phone].filter(Boolean).join(' – '),
      receivedAt: r.received_at, dueAt: r.due_at, transferredAt: r.transferred_at, settledAt: r.settled_at, returnedAt: r.returned_at,
      status: statusText(r.status), note: r.back_entry ? 'Nhập bù sau sự cố' : undefined,
    }));
    const ctx = { ...(await formContext(db, centerId, actor, clock.now())), from, to };
    await auditRead(req, { action: 'dossier.tracking_book.export', entity: 'center', entityId: centerId, centerId,
      data: { format: req.params.file === 'book.xlsx' ? 'xlsx' : 'pdf', from, to, rows: book.length } });
    if (req.params.file === 'book.xlsx') {
      return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="so-theo-doi-${from}-${to}.xlsx"`).send(await trackingBookXlsx(book, ctx));
    }
    return reply.type('application/pdf').header('content-disposition', `inline; filename="so-theo-doi-${from}-${to}.pdf"`).send(await app.deps.printer.render('trackingBook', book, ctx));
  });
};
