/**
 * Groups concurrent requests that contend for the same resource into one unit of work.
 *
 * Why: a gap-free daily sequence can only hand out the next number inside the transaction that stores the
 * dossier, so the counter row stays locked until that transaction's commit reaches the disk. One registration per
 * commit therefore caps a center at the disk's flush rate, and 50 clerks queue behind each other. The batcher
 * lets the first request of a key run alone; requests for the same key that arrive while it runs wait and then go
 * together in ONE statement and ONE commit (application-level group commit). Numbers stay gap-free because the
 * counter moves by exactly the number of rows inserted, in the same statement.
 *
 * If a batch fails, each of its items is retried alone, so one bad request cannot fail its neighbours.
 */
export type FlushFn<I, O> = (key: string, items: I[]) => Promise<O[]>;

interface Waiting<I, O> {
  item: I;
  resolve: (o: O) => void;
  reject: (e: unknown) => void;
}

export class KeyedBatcher<I, O> {
  private readonly pending = new Map<string, Waiting<I, O>[]>();
  private readonly running = new Set<string>();

  constructor(
    private readonly flush: FlushFn<I, O>,
    private readonly maxBatch = 100,
  ) {}

  submit(key: string, item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      const queue = this.pending.get(key) ?? [];
      queue.push({ item, resolve, reject });
      this.pending.set(key, queue);
      if (!this.running.has(key)) void this.drain(key);
    });
  }

  private async drain(key: string): Promise<void> {
    this.running.add(key);
    try {
      for (;;) {
        const queue = this.pending.get(key);
        if (!queue || queue.length === 0) break;
        const batch = queue.splice(0, this.maxBatch);
        if (queue.length === 0) this.pending.delete(key);
        await this.run(key, batch);
      }
    } finally {
      this.running.delete(key);
    }
  }

  private async run(key: string, batch: Waiting<I, O>[]): Promise<void> {
    try {
      const out = await this.flush(key, batch.map((w) => w.item));
      if (out.length !== batch.length) throw new Error(`batch of ${batch.length} returned ${out.length} results`);
      batch.forEach((w, i) => w.resolve(out[i]));
    } catch (e) {
      if (batch.length === 1) {
        batch[0].reject(e);
        return;
      }
      // Isolate the culprit: each item again on its own, in order (numbers keep the arrival order).
      for (const w of batch) await this.run(key, [w]);
    }
  }
}
