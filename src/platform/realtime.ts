import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import type { Queryable } from './db';

/**
 * Realtime fan-out through PostgreSQL LISTEN/NOTIFY.
 *
 * Publishers call `notify(tx, channel, payload)` inside the transaction that makes the change: PostgreSQL delivers
 * the notification on commit and drops it on rollback, so nobody hears of a change that did not happen. Each app
 * instance keeps one dedicated connection that LISTENs on the channels its subscribers asked for and hands every
 * notification to them; instances sharing a database therefore see each other's changes.
 *
 * If the listening connection drops, the hub reconnects with a growing delay, LISTENs again and calls every
 * subscriber's `onResync`: notifications sent while it was away are lost, so subscribers reload a snapshot.
 */

export const MAX_PAYLOAD_BYTES = 7900; // PostgreSQL refuses payloads of 8000 bytes or more

export type Listener = (payload: unknown) => void;
interface Subscription {
  onEvent: Listener;
  onResync?: () => void;
}

export interface RealtimeHubOptions {
  /** Connection settings of the dedicated LISTEN connection (e.g. a pool's `options`). */
  connection: pg.ClientConfig;
  log?: (msg: string, err?: unknown) => void;
  /** First reconnect delay in ms (doubles up to `maxRetryMs`). */
  retryMs?: number;
  maxRetryMs?: number;
}

const CHANNEL_RE = /^[a-z_][a-z0-9_]{0,62}$/;

function checkChannel(channel: string): void {
  if (!CHANNEL_RE.test(channel)) throw new Error(`invalid channel name: ${channel}`);
}

/** Sends `payload` (JSON) on `channel` when the surrounding transaction commits. */
export async function notify(q: Queryable, channel: string, payload: unknown): Promise<void> {
  checkChannel(channel);
  const text = JSON.stringify(payload);
  if (Buffer.byteLength(text, 'utf8') > MAX_PAYLOAD_BYTES) throw new Error(`notification on ${channel} too large (${Buffer.byteLength(text, 'utf8')} bytes)`);
  await q.query('SELECT pg_notify($1, $2)', [channel, text]);
}

export class RealtimeHub {
  private client: pg.Client | null = null;
  private readonly subs = new Map<string, Set<Subscription>>();
  private closed = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryDelay: number;
  private connecting: Promise<void> | null = null;
  private listened = new Set<string>();
  /** Set when subscribers may have missed notifications (a drop, a failed connection attempt). */
  private missed = false;
  /** Number of (re)connections made; tests and health checks read it. */
  connections = 0;

  constructor(private readonly opts: RealtimeHubOptions) {
    this.retryDelay = opts.retryMs ?? 250;
  }

  get connected(): boolean {
    return this.client !== null;
  }

  /** Connects and LISTENs; resolves once notifications can arrive. Called again after a drop. */
  start(): Promise<void> {
    if (this.closed) return Promise.reject(new Error('realtime hub closed'));
    if (this.client) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ ...this.opts.connection, keepAlive: true });
    client.on('notification', (msg) => this.dispatch(msg.channel, msg.payload));
    const lost = (err?: unknown) => {
      if (this.client !== client) return;
      this.client = null;
      this.missed = true;
      client.removeAllListeners('notification');
      client.end().catch(() => undefined);
      if (!this.closed) {
        this.opts.log?.('realtime: listening connection lost, reconnecting', err);
        this.scheduleReconnect();
      }
    };
    client.on('error', lost);
    client.on('end', () => lost());
    await client.connect();
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.listened = new Set();
    for (const channel of [...this.subs.keys()]) await this.ensureListen(channel);
    this.connections++;
    this.retryDelay = this.opts.retryMs ?? 250;
    if (this.missed) {
      this.missed = false;
      this.resync();
    }
  }

  private scheduleReconnect(): void {
    this.missed = true;
    if (this.retryTimer || this.closed) return;
    const delay = this.retryDelay;
    this.retryDelay = Math.min(this.retryDelay * 2, this.opts.maxRetryMs ?? 5000);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.start().catch((err) => {
        this.opts.log?.('realtime: reconnect failed', err);
        this.scheduleReconnect();
      });
    }, delay);
    this.retryTimer.unref();
  }

  private async ensureListen(channel: string): Promise<void> {
    const c = this.client;
    if (!c || this.listened.has(channel)) return;
    this.listened.add(channel);
    // A failure here means the connection is going away: the reconnect LISTENs again.
    await c.query(`LISTEN ${channel}`).catch(() => this.listened.delete(channel));
  }

  private dispatch(channel: string, text: string | undefined): void {
    const set = this.subs.get(channel);
    if (!set || text === undefined) return;
    let payload: unknown;
    try {
      payload = JSON.parse(text);
    } catch {
      return;
    }
    for (const s of set) {
      try {
        s.onEvent(payload);
      } catch (err) {
        this.opts.log?.('realtime: subscriber failed', err);
      }
    }
  }

  private resync(): void {
    for (const set of this.subs.values()) {
      for (const s of set) {
        try {
          s.onResync?.();
        } catch (err) {
          this.opts.log?.('realtime: resync failed', err);
        }
      }
    }
  }

  /**
   * Subscribes to a channel; resolves once the channel is being listened to (when connected), so an event
   * committed after this returns reaches `onEvent`. Returns the function that unsubscribes.
   */
  async subscribe(channel: string, onEvent: Listener, onResync?: () => void): Promise<() => void> {
    checkChannel(channel);
    if (this.closed) throw new Error('realtime hub closed');
    let set = this.subs.get(channel);
    const sub: Subscription = { onEvent, onResync };
    if (!set) {
      set = new Set();
      this.subs.set(channel, set);
    }
    set.add(sub);
    if (!this.client) await this.start().catch(() => this.scheduleReconnect());
    await this.ensureListen(channel);
    return () => {
      const s = this.subs.get(channel);
      if (!s) return;
      s.delete(sub);
      if (s.size === 0) {
        this.subs.delete(channel);
        if (this.listened.delete(channel)) this.client?.query(`UNLISTEN ${channel}`).catch(() => undefined);
      }
    };
  }

  subscriberCount(channel: string): number {
    return this.subs.get(channel)?.size ?? 0;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.subs.clear();
    await this.connecting?.catch(() => undefined);
    const c = this.client;
    this.client = null;
    if (c) await c.end().catch(() => undefined);
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    realtime: RealtimeHub;
  }
}

/**
 * Decorates the app with `app.realtime`: the given hub, or one of its own on the pool's connection settings,
 * connected on first subscription and closed with the app.
 */
export async function realtimePlugin(app: FastifyInstance, opts: { hub?: RealtimeHub; connection: pg.ClientConfig }): Promise<void> {
  const hub = opts.hub ?? new RealtimeHub({ connection: opts.connection, log: (msg, err) => app.log.warn({ err }, msg) });
  app.decorate('realtime', hub);
  if (!opts.hub) app.addHook('onClose', async () => hub.close());
}
// Not encapsulated: the decoration is visible to every route of the app.
(realtimePlugin as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;
