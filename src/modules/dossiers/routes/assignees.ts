import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { named } from '../../../http/openapi';
import { perm } from '../../../http/access';
import { many } from '../../../platform/db';
import { forbidden } from '../../../platform/errors';
import { ROLE_NAMES, isRole } from '../../auth/permissions';
import { assertCanView } from '../presenter';
import { findDossier } from '../repo';

/** Department roles that take dossiers (the ones with `dossiers.process`). */
export const PROCESSING_ROLES = ['specialist', 'department_head'] as const;

const Assignee = named('DossierAssignee', z.object({
  id: z.string(),
  fullName: z.string(),
  username: z.string(),
  role: z.string(),
  roleName: z.string(),
  /** Open dossiers (in progress or paused) of the department this person holds now: the head balances the load. */
  openCount: z.number(),
  /** The dossier's current assignee. */
  current: z.boolean(),
}));

/**
 * Who the head of a department may assign a dossier to: the active members of the department holding it who can
 * process dossiers, with how many open dossiers each already holds.
 */
export const assigneeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/dossiers/:code/assignees', {
    config: { access: perm('dossiers.approve') },
    schema: {
      tags: ['dossiers'],
      summary: 'Danh sách cán bộ của phòng đang giữ hồ sơ có thể được phân công (dành cho lãnh đạo phòng)',
      params: z.object({ code: z.string().min(5).max(60) }),
      response: { 200: z.object({ items: z.array(Assignee) }) },
    },
  }, async (req) => {
    const actor = req.actor!;
    const d = await findDossier(app.deps.db, req.params.code);
    assertCanView(actor, d);
    if (!actor.departmentId || actor.departmentId !== d.department_id) throw forbidden('Hồ sơ không thuộc phòng của bạn.');
    const rows = await many<{ id: string; full_name: string; username: string; roles: string[]; open_count: number }>(app.deps.db, `
      WITH load AS (
        SELECT assignee_id, count(*)::int AS n FROM dossiers
         WHERE department_id = $1 AND status IN ('in_progress', 'paused') AND assignee_id IS NOT NULL GROUP BY assignee_id)
      SELECT u.id, u.full_name, u.username, u.roles, coalesce(load.n, 0) AS open_count
        FROM users u LEFT JOIN load ON load.assignee_id = u.id
       WHERE u.department_id = $1 AND u.center_id = $2 AND u.active AND u.roles && $3::text[]
       ORDER BY ('department_head' = ANY(u.roles)), u.full_name`, [d.department_id, d.center_id, PROCESSING_ROLES]);
    return {
      items: rows.map((u) => {
        const role = u.roles.includes('specialist') ? 'specialist' : 'department_head';
        return {
          id: u.id,
          fullName: u.full_name,
          username: u.username,
          role,
          roleName: isRole(role) ? ROLE_NAMES[role].vi : role,
          openCount: u.open_count,
          current: u.id === d.assignee_id,
        };
      }),
    };
  });
};
