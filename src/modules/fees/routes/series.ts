// Receipt series and books of a center: list them (collectors see which series they issue from), open a new
// series or a new book (center leaders with fees.manage, or the system administrator naming the center).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { named } from '../../../http/openapi';
import { anyPerm } from '../../../http/access';
import { feeCenter } from '../center-scope';
import { IdParam } from '../schemas';
import { listSeries, openBook, openSeries } from '../series';

const CenterParam = z.string().max(60).optional();
const BookSize = z.number({ error: 'Số biên lai mỗi quyển phải là số' })
  .int('Số biên lai mỗi quyển phải là số nguyên')
  .min(10, 'Mỗi quyển có ít nhất 10 biên lai')
  .max(10_000, 'Mỗi quyển có nhiều nhất 10.000 biên lai');
const Note = z.string().trim().max(300, 'Ghi chú tối đa 300 ký tự').default('');
// Printed before the number as "HT-25/0000012": capitals and digits in groups joined by "-".
const Symbol = z.string().trim().toUpperCase()
  .min(2, 'Ký hiệu có từ 2 đến 20 ký tự').max(20, 'Ký hiệu có từ 2 đến 20 ký tự')
  .regex(/^[A-Z0-9]+(-[A-Z0-9]+)*$/, 'Ký hiệu chỉ gồm chữ cái không dấu và chữ số, có thể nối bằng dấu "-" (ví dụ HT-25)');

// "Mẫu số" (ký hiệu mẫu biên lai) printed above the Ký hiệu, e.g. 01BLP1-001: form type, name, how it is printed, form no.
const FormNumber = z.string().trim().toUpperCase()
  .regex(/^[0-9]{2}[A-Z]{2,4}[0-9]-[0-9]{3}$/, 'Mẫu số biên lai có dạng như 01BLP1-001 (2 chữ số, 2–4 chữ cái, 1 chữ số, dấu "-", 3 chữ số)');

const SeriesOut = named('FeeReceiptSeries', z.object({
  id: z.string(), symbol: z.string(), formNumber: z.string(), year: z.number(), bookSize: z.number(), currentBook: z.number(), nextNumber: z.number(), issued: z.number(),
  active: z.boolean(), note: z.string(), openedAt: z.string(), openedBy: z.string().nullable(), closedAt: z.string().nullable(), closedBy: z.string().nullable(),
  books: z.array(z.object({ book: z.number(), from: z.number(), to: z.number(), receipts: z.number(), voided: z.number() })),
}));

const MANAGE = anyPerm('fees.manage', 'centers.manage');

export const seriesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/fees/receipt-series', {
    config: { access: anyPerm('fees.manage', 'centers.manage', 'fees.collect') },
    schema: {
      tags: ['fees'], summary: 'Các ký hiệu biên lai của Trung tâm, ký hiệu đang dùng trước, kèm các quyển số và số biên lai đã dùng',
      querystring: z.object({ center: CenterParam }),
      response: { 200: z.object({ center: z.object({ id: z.string(), code: z.string(), name: z.string() }), items: z.array(SeriesOut) }) },
    },
  }, async (req) => {
    const center = await feeCenter(app.deps.db, req.actor!, req.query.center);
    return { center, items: await listSeries(app.deps.db, center.id) };
  });

  app.post('/fees/receipt-series', {
    config: { access: MANAGE },
    schema: {
      tags: ['fees'], summary: 'Mở ký hiệu biên lai mới cho năm nay (đóng ký hiệu đang dùng); số biên lai của ký hiệu mới bắt đầu từ 1, quyển số 1',
      body: z.object({ symbol: Symbol, formNumber: FormNumber.default('01BLP1-001'), bookSize: BookSize.default(100), note: Note, center: CenterParam }),
      response: { 201: SeriesOut },
    },
  }, async (req, reply) => {
    const center = await feeCenter(app.deps.db, req.actor!, req.body.center);
    const s = await openSeries(app.deps.db, req.actor!, center.id, req.body, app.deps.clock.now());
    return reply.code(201).send(s);
  });

  app.post('/fees/receipt-series/:id/books', {
    config: { access: MANAGE },
    schema: {
      tags: ['fees'], summary: 'Mở quyển biên lai mới của ký hiệu đang dùng (kết thúc quyển hiện tại); số biên lai tiếp tục liên tục',
      params: IdParam, body: z.object({ bookSize: BookSize.optional(), note: Note, center: CenterParam }),
      response: { 201: SeriesOut },
    },
  }, async (req, reply) => {
    const center = await feeCenter(app.deps.db, req.actor!, req.body.center);
    const s = await openBook(app.deps.db, req.actor!, center.id, req.params.id, req.body, app.deps.clock.now());
    return reply.code(201).send(s);
  });
};
