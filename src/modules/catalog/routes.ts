import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { named } from '../../http/openapi';
import { perm, PUBLIC } from '../../http/access';
import { withTx } from '../../platform/db';
import { audit } from '../../platform/audit';
import { badRequest } from '../../platform/errors';
import { actorCan } from '../auth/actor';
import { catalogToXlsx, xlsxToCatalog } from './excel';
import { importCatalog } from './import';
import { allProcedures, getProcedure, listFields, listProcedures, upsertProcedure } from './repo';
import { ProcedureDetail, ProcedureInput, ProcedureSummary } from './schema';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const ListQuery = z.object({
  q: z.string().max(200).optional(),
  field: z.string().max(10).optional(),
  limit: z.coerce.number().int().min(1, 'limit tối thiểu 1').max(100, 'limit tối đa 100').default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
  includeInactive: z.enum(['true', 'false', '1', '0']).optional(),
});

const ImportResult = named('CatalogImportResult', z.object({ created: z.number(), updated: z.number(), errors: z.array(z.object({ code: z.string(), message: z.string() })) }));

export const catalogRoutes: FastifyPluginAsyncZod = async (app) => {
  // Excel uploads arrive as the raw workbook; its content is checked (ZIP signature) before parsing.
  app.addContentTypeParser(XLSX, { parseAs: 'buffer', bodyLimit: 10 * 1024 * 1024 }, (_req, body, done) => done(null, body));

  app.get('/fields', {
    config: { access: PUBLIC },
    schema: { tags: ['catalog'], summary: 'Danh sách lĩnh vực', response: { 200: z.object({ items: z.array(z.object({ code: z.string(), no: z.number(), name: z.string(), departmentHint: z.string(), procedureCount: z.number() })) }) } },
  }, async () => ({ items: await listFields(app.deps.db) }));

  app.get('/procedures', {
    config: { access: PUBLIC },
    schema: {
      tags: ['catalog'],
      summary: 'Tra cứu thủ tục hành chính (tìm không dấu, lọc theo lĩnh vực, phân trang)',
      querystring: ListQuery,
      response: { 200: z.object({ items: z.array(ProcedureSummary), total: z.number() }) },
    },
  }, async (req) => {
    // Withdrawn procedures stay listed for those who maintain the catalog, so they can be re-enabled.
    const includeInactive = (req.query.includeInactive === 'true' || req.query.includeInactive === '1') && !!req.actor && actorCan(req.actor, 'catalog.manage');
    return listProcedures(app.deps.db, { ...req.query, includeInactive });
  });

  app.get('/procedures/:code', {
    config: { access: PUBLIC },
    schema: { tags: ['catalog'], summary: 'Chi tiết thủ tục', params: z.object({ code: z.string().max(50) }), response: { 200: ProcedureDetail } },
  }, async (req) => getProcedure(app.deps.db, req.params.code));

  app.post('/procedures', {
    config: { access: perm('catalog.manage') },
    schema: { tags: ['catalog'], summary: 'Thêm thủ tục', body: ProcedureInput, response: { 201: ProcedureDetail } },
  }, async (req, reply) => {
    const { db, clock } = app.deps;
    await withTx(db, async (tx) => {
      await upsertProcedure(tx, req.body, 'create');
      await audit(tx, { actorId: req.actor!.id, action: 'catalog.procedure.create', entity: 'procedure', entityId: req.body.code, data: { name: req.body.name } }, clock.now());
    });
    return reply.code(201).send(await getProcedure(db, req.body.code));
  });

  app.put('/procedures/:code', {
    config: { access: perm('catalog.manage') },
    schema: { tags: ['catalog'], summary: 'Sửa thủ tục', params: z.object({ code: z.string().max(50) }), body: ProcedureInput, response: { 200: ProcedureDetail } },
  }, async (req) => {
    const { db, clock } = app.deps;
    if (req.body.code !== req.params.code) throw badRequest('CATALOG_CODE_IMMUTABLE', 'Không được đổi mã thủ tục.');
    await withTx(db, async (tx) => {
      await upsertProcedure(tx, req.body, 'update');
      await audit(tx, { actorId: req.actor!.id, action: 'catalog.procedure.update', entity: 'procedure', entityId: req.body.code, data: { name: req.body.name } }, clock.now());
    });
    return getProcedure(db, req.params.code);
  });

  app.get('/catalog/export.json', {
    config: { access: perm('catalog.manage') },
    schema: { tags: ['catalog'], summary: 'Xuất danh mục thủ tục (JSON)' },
  }, async (_req, reply) => {
    const procedures = await allProcedures(app.deps.db);
    reply.header('content-disposition', 'attachment; filename="danh-muc-thu-tuc.json"');
    return { exportedAt: app.deps.clock.now().toISOString(), procedures };
  });

  app.get('/catalog/export.xlsx', {
    config: { access: perm('catalog.manage') },
    schema: { tags: ['catalog'], summary: 'Xuất danh mục thủ tục (Excel)' },
  }, async (_req, reply) => {
    const buf = await catalogToXlsx(await allProcedures(app.deps.db));
    return reply.type(XLSX).header('content-disposition', 'attachment; filename="danh-muc-thu-tuc.xlsx"').send(buf);
  });

  app.post('/catalog/import', {
    config: { access: perm('catalog.manage') },
    schema: {
      tags: ['catalog'],
      summary: 'Nhập danh mục thủ tục (JSON { procedures: [...] } hoặc tệp Excel theo mẫu xuất)',
      response: { 200: ImportResult },
    },
  }, async (req) => {
    const { db, clock } = app.deps;
    let items: unknown[];
    if (Buffer.isBuffer(req.body)) {
      // XLSX is a ZIP container: "PK\x03\x04".
      if (req.body.subarray(0, 4).toString('binary') !== 'PK\x03\x04') throw badRequest('CATALOG_XLSX_NOT_ZIP', 'Tệp tải lên không phải tệp Excel (.xlsx).');
      items = await xlsxToCatalog(req.body);
    } else {
      const body = req.body as { procedures?: unknown } | null;
      if (!body || !Array.isArray(body.procedures)) throw badRequest('CATALOG_IMPORT_SHAPE', 'Nội dung nhập phải có dạng { "procedures": [...] }.');
      items = body.procedures;
    }
    const result = await importCatalog(db, items);
    await audit(db, { actorId: req.actor!.id, action: 'catalog.import', entity: 'catalog', data: { created: result.created, updated: result.updated } }, clock.now());
    return result;
  });
};
