// Evaluation results for a period (issue 14 item 4): how many dossiers were rated and the mean score (0–2 points per
// question, "not used" left out) by center, field, department and officer, in the caller's report scope.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { anyPerm } from '../../http/access';
import { isoDay } from '../../http/inputs';
import { many } from '../../platform/db';
import { badRequest } from '../../platform/errors';
import { reportScope } from '../reports/scope';
import { QUESTIONS } from './domain/questions';
import { derivedFor } from './derived-repo';
import { summarizeDerived } from './domain/derived';

const Group = z.object({ key: z.string().nullable(), name: z.string().nullable(), count: z.number(), average: z.number().nullable() });

/** Per group: the rated dossiers and the mean of every answered question's points. */
const GROUPS = {
  center: ['d.center_id::text', 'c.name'],
  field: ['d.field_code', 'f.name'],
  department: ['d.department_id::text', 'dep.name'],
  officer: ['d.assignee_id::text', 'u.full_name'],
} as const;

export const evaluationReportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  app.get('/reports/evaluations', {
    config: { access: anyPerm('reports.view', 'reports.department') },
    schema: {
      tags: ['reports'],
      summary: 'Kết quả đánh giá mức độ hài lòng trong kỳ: theo Trung tâm, lĩnh vực, phòng chuyên môn và cán bộ',
      querystring: z.object({ from: isoDay(), to: isoDay(), center: z.string().max(60).optional() }),
      response: {
        200: z.object({
          from: z.string(), to: z.string(), total: z.number(),
          questions: z.array(z.object({ id: z.string(), text: z.string(), answered: z.number(), average: z.number().nullable() })),
          byCenter: z.array(Group), byField: z.array(Group), byDepartment: z.array(Group), byOfficer: z.array(Group),
          byChannel: z.array(z.object({ channel: z.enum(['link', 'kiosk', 'paper']), count: z.number() })),
          derived: z.object({
            dossiers: z.number(), early: z.number(), onTime: z.number(), late: z.number(), open: z.number(),
            averageWorkingHours: z.number().nullable(), averageContacts: z.number().nullable(), averageSupplementRequests: z.number().nullable(),
            perUnit: z.array(z.object({ unit: z.string(), dossiers: z.number(), averageWorkingHours: z.number() })),
          }),
        }),
      },
    },
  }, async (req) => {
    const { from, to } = req.query;
    if (from > to) throw badRequest('PERIOD_INVALID', 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.');
    const scope = await reportScope(db, req.actor!, req.query.center ?? null);
    // The period in Vietnam time, both days included.
    const params = [scope.centerIds, scope.departmentId, `${from}T00:00:00+07:00`, `${to}T00:00:00+07:00`];
    const base = `FROM evaluations e JOIN dossiers d ON d.id = e.dossier_id
      CROSS JOIN LATERAL jsonb_each_text(e.answers) a(question, value)
      LEFT JOIN centers c ON c.id = d.center_id LEFT JOIN fields f ON f.code = d.field_code
      LEFT JOIN departments dep ON dep.id = d.department_id LEFT JOIN users u ON u.id = d.assignee_id
      WHERE e.submitted_at IS NOT NULL AND d.center_id = ANY($1::uuid[]) AND ($2::uuid IS NULL OR d.department_id = $2)
        AND e.submitted_at >= $3::timestamptz AND e.submitted_at < $4::timestamptz + interval '1 day'`;
    const group = (key: string, name: string) =>
      many<{ key: string | null; name: string | null; count: number; average: number | null }>(db,
        `SELECT ${key} AS key, ${name} AS name, count(DISTINCT e.id)::int AS count,
                round(avg(a.value::numeric) FILTER (WHERE a.value::int >= 0), 2)::float AS average
         ${base} GROUP BY 1, 2 ORDER BY 2 NULLS LAST`, params);
    const [perQuestion, byCenter, byField, byDepartment, byOfficer] = await Promise.all([
      many<{ question: string; answered: number; average: number | null; total: number }>(db,
        `SELECT a.question, count(*) FILTER (WHERE a.value::int >= 0)::int AS answered,
                round(avg(a.value::numeric) FILTER (WHERE a.value::int >= 0), 2)::float AS average,
                count(DISTINCT e.id)::int AS total
         ${base} GROUP BY 1`, params),
      group(...GROUPS.center), group(...GROUPS.field), group(...GROUPS.department), group(...GROUPS.officer),
    ]);
    const total = byCenter.reduce((s, g) => s + g.count, 0);
    const evaluated = await many<{ dossier_id: string; channel: 'link' | 'kiosk' | 'paper' }>(db,
      `SELECT e.dossier_id, e.channel FROM evaluations e JOIN dossiers d ON d.id = e.dossier_id
       WHERE e.submitted_at IS NOT NULL AND d.center_id = ANY($1::uuid[]) AND ($2::uuid IS NULL OR d.department_id = $2)
         AND e.submitted_at >= $3::timestamptz AND e.submitted_at < $4::timestamptz + interval '1 day'`, params);
    const derived = await derivedFor(db, app.deps.calendars, evaluated.map((e) => e.dossier_id), app.deps.clock.now());
    const byChannel = (['kiosk', 'link', 'paper'] as const).map((channel) => ({ channel, count: evaluated.filter((e) => e.channel === channel).length }));
    return {
      from, to, total,
      questions: QUESTIONS.map((q) => {
        const r = perQuestion.find((x) => x.question === q.id);
        return { id: q.id, text: q.text, answered: r?.answered ?? 0, average: r?.average ?? null };
      }),
      byCenter, byField, byDepartment, byOfficer, byChannel,
      derived: summarizeDerived([...derived.values()]),
    };
  });
};
