import { describe, expect, it } from 'vitest';
import { DeliveryQueue } from '../../src/external/delivery-queue.js';
import { SimRandom } from '../../src/sim/rng.js';

describe('the delivery queue', () => {
  it('delivers by due time, ties in push order, whatever order they were pushed in', async () => {
    const start = performance.now();
    const now = (): number => performance.now() - start;
    const got: number[] = [];
    let resolve!: () => void;
    const done = new Promise<void>((r) => (resolve = r));
    const queue = new DeliveryQueue<number>((item) => {
      got.push(item);
      if (got.length === 200) resolve();
    }, now);
    const rng = new SimRandom(5);
    const due = Array.from({ length: 200 }, () => Math.floor(rng.next() * 20));
    due.forEach((ms, item) => queue.push(ms, item));
    await done;
    const expected = due.map((ms, item) => ({ ms, item })).sort((a, b) => a.ms - b.ms || a.item - b.item).map((entry) => entry.item);
    expect(got).toEqual(expected);
    expect(queue.size).toBe(0);
  });

  it('clear drops what waits: nothing is delivered after it', async () => {
    const got: number[] = [];
    const queue = new DeliveryQueue<number>((item) => got.push(item), () => 0);
    queue.push(5, 1);
    queue.push(0, 2);
    queue.clear();
    await new Promise((r) => setTimeout(r, 20));
    expect(got).toEqual([]);
  });
});
