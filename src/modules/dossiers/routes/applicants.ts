import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { named } from '../../../http/openapi';
import { perm } from '../../../http/access';
import { one } from '../../../platform/db';
import { scopedCenter } from '../../auth/actor';
import type { ApplicantSnapshot } from '../repo';
import { auditRead } from '../../audit/reads';

const Organization = named('OrganizationLookup', z.object({
  taxCode: z.string(),
  orgName: z.string(),
  /** The representative who came last time. */
  fullName: z.string(),
  idNumber: z.string().nullable(),
  phone: z.string(),
  email: z.string(),
  address: z.string(),
  /** The dossier the data comes from. */
  lastDossier: z.object({ code: z.string(), registeredAt: z.string() }),
}));

/**
 * Reception: an organization's earlier data by tax code, as the person's is by citizen ID — taken from its latest
 * dossier at the caller's own center (a clerk never reads what another center recorded).
 */
export const applicantRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/applicants/organizations/:taxCode', {
    config: { access: perm('dossiers.register') },
    schema: {
      tags: ['dossiers'],
      summary: 'Tra cứu tổ chức đã nộp hồ sơ tại Trung tâm theo mã số thuế (điền sẵn thông tin khi tiếp nhận)',
      params: z.object({ taxCode: z.string().regex(/^\d{10}(-\d{3})?$/, 'Mã số thuế phải gồm 10 hoặc 13 chữ số') }),
      response: { 200: z.object({ organization: Organization.nullable() }) },
    },
  }, async (req) => {
    const centerId = scopedCenter(req.actor!);
    const row = await one<{ code: string; registered_at: Date; applicant: ApplicantSnapshot }>(app.deps.db, `
      SELECT d.code, d.registered_at, d.applicant FROM dossiers d
       WHERE d.applicant_id IN (SELECT id FROM applicants WHERE kind = 'organization' AND tax_code = $1 AND ($2::uuid IS NULL OR center_id = $2))
         AND ($2::uuid IS NULL OR d.center_id = $2)
       ORDER BY d.registered_at DESC, d.code DESC LIMIT 1`, [req.params.taxCode, centerId]);
    // The representative's ID number and phone come back: a read of personal data (the tax code is not recorded).
    await auditRead(req, { action: 'applicant.organization.lookup', entity: 'dossier', entityId: row?.code ?? null, data: { found: !!row } });
    if (!row) return { organization: null };
    const a = row.applicant;
    return {
      organization: {
        taxCode: req.params.taxCode,
        orgName: a.orgName ?? '',
        fullName: a.fullName,
        idNumber: a.idNumber ?? null,
        phone: a.phone ?? '',
        email: a.email ?? '',
        address: a.address ?? '',
        lastDossier: { code: row.code, registeredAt: row.registered_at.toISOString() },
      },
    };
  });
};
