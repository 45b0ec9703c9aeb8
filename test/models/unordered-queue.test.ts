import { describe, expect, it } from 'vitest';
import { unorderedQueueModel } from '../../src/models/unordered-queue.js';
import { ok, UNKNOWN } from '../support/outputs.js';

const enqueue = (value: unknown) => ({ f: 'enqueue', value });
const dequeue = { f: 'dequeue', value: null };

describe('unorderedQueueModel', () => {
  const m = unorderedQueueModel();
  const fill = (...values: unknown[]) =>
    values.reduce<readonly unknown[]>((bag, v) => m.step(bag, enqueue(v), ok(v))[0]!, m.init());

  it('dequeues any queued value, once per copy queued', () => {
    const bag = fill(2, 1, 2);
    expect(m.step(bag, dequeue, ok(2))).toEqual([[1, 2]]);
    expect(m.step(bag, dequeue, ok(1))).toEqual([[2, 2]]);
    expect(m.step(bag, dequeue, ok(3))).toEqual([]);
    const [once] = m.step(fill(1), dequeue, ok(1));
    expect(m.step(once!, dequeue, ok(1))).toEqual([]);
  });

  it('dequeues nil from an empty queue only', () => {
    expect(m.step([], dequeue, ok(null))).toEqual([[]]);
    expect(m.step(fill(1), dequeue, ok(null))).toEqual([]);
  });

  it('branches once per distinct value on an indeterminate dequeue', () => {
    expect(m.step(fill(2, 1, 2, 3), dequeue, UNKNOWN)).toEqual([[2, 2, 3], [1, 2, 3], [1, 2, 2]]);
    expect(m.step([], dequeue, UNKNOWN)).toEqual([[]]);
  });

  it('hashes the same content the same whatever the order it came in', () => {
    expect(m.hash(fill(1, 2, 2))).toBe(m.hash(fill(2, 1, 2)));
    expect(m.hash(fill(1, 2))).not.toBe(m.hash(fill(1, 2, 2)));
  });

  it('describes and validates', () => {
    expect(m.describe(dequeue, UNKNOWN)).toBe('dequeue -> ?');
    expect(m.describeState!(fill(2, 1))).toBe('#queue[1 2]');
    expect(unorderedQueueModel({ init: [2, 1] }).init()).toEqual([1, 2]);
    expect(m.validate({ f: 'peek', value: null }, undefined)?.field).toBe('f');
  });
});
