import { describe, expect, it } from 'vitest';
import { fifoQueueModel } from '../../src/models/fifo-queue.js';
import { ok, UNKNOWN } from '../support/outputs.js';

const enqueue = (value: unknown) => ({ f: 'enqueue', value });
const dequeue = { f: 'dequeue', value: null };

describe('fifoQueueModel', () => {
  const m = fifoQueueModel();

  it('enqueues at the tail and dequeues the head only', () => {
    const [one] = m.step(m.init(), enqueue(1), ok(1));
    const [two] = m.step(one!, enqueue(2), ok(2));
    expect(two).toEqual([1, 2]);
    expect(m.step(two!, dequeue, ok(1))).toEqual([[2]]);
    expect(m.step(two!, dequeue, ok(2))).toEqual([]);
  });

  it('dequeues nil from an empty queue, and nothing else', () => {
    expect(m.step([], dequeue, ok(null))).toEqual([[]]);
    expect(m.step([], dequeue, ok(1))).toEqual([]);
    expect(m.step([1], dequeue, ok(null))).toEqual([]);
  });

  it('takes the head on an indeterminate dequeue', () => {
    expect(m.step([1, 2], dequeue, UNKNOWN)).toEqual([[2]]);
    expect(m.step([], dequeue, UNKNOWN)).toEqual([[]]);
  });

  it('hashes by content and order', () => {
    expect(m.hash([1, 2])).not.toBe(m.hash([2, 1]));
    expect(m.hash([1, 2])).toBe(m.hash([1, 2]));
    expect(m.hash(['1'])).not.toBe(m.hash([1]));
  });

  it('starts from initial contents, describes and validates', () => {
    expect(fifoQueueModel({ init: [3, 4] }).init()).toEqual([3, 4]);
    expect(m.describe(enqueue(1), UNKNOWN)).toBe('enqueue 1 ?');
    expect(m.describe(dequeue, ok(1))).toBe('dequeue -> 1');
    expect(m.validate({ f: 'push', value: 1 }, undefined)?.field).toBe('f');
    expect(m.describeState!([1, 'a'])).toBe('[1 "a"]');
  });
});
