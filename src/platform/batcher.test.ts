import { describe, expect, it } from 'vitest';
import { KeyedBatcher } from './batcher';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('KeyedBatcher', () => {
  it('runs the first request alone and groups those that arrive meanwhile, per key, in arrival order', async () => {
    const calls: [string, number[]][] = [];
    const b = new KeyedBatcher<number, string>(async (key, items) => {
      calls.push([key, items]);
      await tick();
      return items.map((i) => `${key}:${i}`);
    });
    const results = await Promise.all([b.submit('a', 1), b.submit('a', 2), b.submit('a', 3), b.submit('b', 9), b.submit('a', 4)]);
    expect(results).toEqual(['a:1', 'a:2', 'a:3', 'b:9', 'a:4']);
    expect(calls).toEqual([['a', [1]], ['b', [9]], ['a', [2, 3, 4]]]);
  });

  it('never runs two batches of the same key at once', async () => {
    let running = 0;
    let maxRunning = 0;
    const b = new KeyedBatcher<number, number>(async (_k, items) => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      await tick();
      running--;
      return items;
    }, 3);
    const all = await Promise.all(Array.from({ length: 20 }, (_, i) => b.submit('k', i)));
    expect(all).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(maxRunning).toBe(1);
  });

  it('caps the batch size', async () => {
    const sizes: number[] = [];
    const b = new KeyedBatcher<number, number>(async (_k, items) => {
      sizes.push(items.length);
      await tick();
      return items;
    }, 4);
    await Promise.all(Array.from({ length: 11 }, (_, i) => b.submit('k', i)));
    expect(sizes).toEqual([1, 4, 4, 2]);
  });

  it('isolates a failing item: its neighbours in the batch still succeed', async () => {
    const b = new KeyedBatcher<number, number>(async (_k, items) => {
      await tick();
      if (items.includes(13)) throw new Error('bad 13');
      return items.map((i) => i * 10);
    });
    const settled = await Promise.allSettled([b.submit('k', 1), b.submit('k', 2), b.submit('k', 13), b.submit('k', 4)]);
    expect(settled.map((s) => (s.status === 'fulfilled' ? s.value : (s.reason as Error).message))).toEqual([10, 20, 'bad 13', 40]);
  });

  it('rejects every item when the flush answers with the wrong number of results', async () => {
    const b = new KeyedBatcher<number, number>(async () => []);
    await expect(b.submit('k', 1)).rejects.toThrow('returned 0 results');
  });

  it('keeps working after a failure', async () => {
    let fail = true;
    const b = new KeyedBatcher<number, number>(async (_k, items) => {
      if (fail) {
        fail = false;
        throw new Error('down');
      }
      return items;
    });
    await expect(b.submit('k', 1)).rejects.toThrow('down');
    await expect(b.submit('k', 2)).resolves.toBe(2);
  });
});
