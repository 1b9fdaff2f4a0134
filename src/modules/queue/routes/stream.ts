import type { ServerResponse } from 'node:http';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PUBLIC } from '../../../http/access';
import { vnDayString } from '../../calendar/domain';
import { findCenter } from '../../centers/repo';
import { boardSnapshot } from '../board';
import { isQueueEvent, QUEUE_CHANNEL } from '../events';
import { named } from '../../../http/openapi';
import { BoardOut, CenterParam } from '../schema';

export const HEARTBEAT_MS = 15_000;

/** The data of a `call` event (CallEvent without its channel fields), as the board receives it. */
const CallEventData = named('QueueCallEvent', z.object({
  counterId: z.string(), counterNumber: z.number(), ticketId: z.string(), number: z.number(), displayNumber: z.string(),
  fieldCode: z.string().nullable(), recall: z.boolean(), text: z.string().describe('"Mời số 2015 đến quầy số 5"'), at: z.string(),
}));
// Documentation only (the stream is written by hand below): the `data` of the events a client reads.
const StreamEvents = z.object({ snapshot: BoardOut, call: CallEventData })
  .describe('Dữ liệu (`data`) của từng loại sự kiện; `ticket` và `counter` chỉ báo bảng cần đọc lại');
const MAX_BUFFERED = 1024 * 1024; // a client this far behind is dropped; it reconnects and gets a snapshot

/**
 * The board's live feed (Server-Sent Events): a `snapshot` first, then `call`, `ticket` and `counter` events
 * of the center as they are committed by any app instance (PostgreSQL LISTEN/NOTIFY through `app.realtime`),
 * a fresh `snapshot` after the listening connection was re-established, and a comment every 15 s.
 */
export const boardStreamRoutes: FastifyPluginAsyncZod = async (app) => {
  const open = new Set<ServerResponse>();
  // Fastify waits for in-flight responses when closing: end the streams first.
  app.addHook('preClose', async () => {
    for (const res of open) res.end();
  });

  app.get('/queue/board/stream', {
    config: { access: PUBLIC },
    schema: {
      tags: ['queue'],
      summary: 'Luồng sự kiện bảng hiển thị (text/event-stream): snapshot, call, ticket, counter',
      description: 'Server-Sent Events. `event: snapshot` (như GET /queue/board), `event: call` `{ counterNumber, number, displayNumber, fieldCode, text, recall, at }` '
        + 'cho mỗi lần gọi/gọi lại, `event: ticket` và `event: counter` khi số chờ hoặc trạng thái quầy thay đổi; dòng chú thích giữ kết nối mỗi 15 giây.',
      querystring: z.object({ center: CenterParam }),
      response: { 200: { description: 'Server-Sent Events', content: { 'text/event-stream': { schema: StreamEvents } } } },
    },
  }, async (req, reply) => {
    const { db, clock } = app.deps;
    const center = await findCenter(db, req.query.center); // errors before the hijack leave as problem+json
    const res = reply.raw;
    reply.hijack();
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'x-content-type-options': 'nosniff',
    });
    let closed = false;
    let unsubscribe: (() => void) | null = null;
    const heartbeat = setInterval(() => write(': heartbeat\n\n'), HEARTBEAT_MS);
    const cleanup = () => {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      unsubscribe?.();
      open.delete(res);
    };
    res.on('close', cleanup);
    res.on('error', cleanup);
    open.add(res);
    function write(chunk: string) {
      if (closed) return;
      if (res.writableLength > MAX_BUFFERED) {
        res.destroy();
        return;
      }
      res.write(chunk);
    }
    const send = (event: string, data: unknown) => write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    const snapshot = async () => {
      try {
        const now = clock.now();
        send('snapshot', await boardSnapshot(db, center, now, vnDayString(now)));
      } catch (err) {
        req.log.warn({ err }, 'board snapshot failed');
      }
    };

    // Subscribe before reading the snapshot, so nothing committed in between is missed.
    const unsub = await app.realtime.subscribe(QUEUE_CHANNEL, (payload) => {
      if (!isQueueEvent(payload) || payload.centerId !== center.id) return;
      const { type, centerId: _c, ...data } = payload;
      send(type, data);
    }, () => void snapshot());
    if (closed) unsub();
    else unsubscribe = unsub;
    write('retry: 3000\n\n');
    await snapshot();
  });
};
