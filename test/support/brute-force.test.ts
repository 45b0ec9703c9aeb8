import { describe, expect, it } from 'vitest';
import type { Op, OpType } from '../../src/history/op.js';
import { casRegisterModel } from '../../src/models/cas-register.js';
import { kvModel } from '../../src/models/kv.js';
import { registerModel } from '../../src/models/register.js';
import { unorderedQueueModel } from '../../src/models/unordered-queue.js';
import type { Model } from '../../src/models/model.js';
import { bruteForceLinearizable } from './brute-force.js';
import { toOperations } from './operations.js';

/**
 * A history from compact lines `[process, type, f, value, key?]`, indexed in order.
 * Example: [0, 'invoke', 'write', 1], [0, 'ok', 'write', 1].
 */
function h(...lines: Array<[number, OpType, string, unknown, string?]>): Op[] {
  return lines.map(([process, type, f, value, key], index) => ({
    index,
    time: index,
    process,
    type,
    f,
    value,
    ...(key === undefined ? {} : { key }),
  }));
}

const linearizable = (history: Op[], model: Model<any> = registerModel({ init: 0 })) =>
  bruteForceLinearizable(toOperations(history), model);

describe('bruteForceLinearizable', () => {
  it('accepts the empty history and sequential histories that follow the model', () => {
    expect(linearizable([])).toBe(true);
    expect(linearizable(h([0, 'invoke', 'write', 1], [0, 'ok', 'write', 1], [0, 'invoke', 'read', null], [0, 'ok', 'read', 1]))).toBe(true);
  });

  it('rejects a read of a value nobody wrote', () => {
    expect(linearizable(h([0, 'invoke', 'read', null], [0, 'ok', 'read', 5]))).toBe(false);
  });

  it('respects real-time order: a read after a completed write cannot see the old value', () => {
    const stale = h([0, 'invoke', 'write', 1], [0, 'ok', 'write', 1], [1, 'invoke', 'read', null], [1, 'ok', 'read', 0]);
    expect(linearizable(stale)).toBe(false);
    // Overlapping, the read may go first.
    const overlapping = h([0, 'invoke', 'write', 1], [1, 'invoke', 'read', null], [0, 'ok', 'write', 1], [1, 'ok', 'read', 0]);
    expect(linearizable(overlapping)).toBe(true);
  });

  it('orders concurrent ops freely but consistently', () => {
    // Two reads after a concurrent write must not see new then old.
    const flicker = h(
      [0, 'invoke', 'write', 1],
      [1, 'invoke', 'read', null],
      [1, 'ok', 'read', 1],
      [2, 'invoke', 'read', null],
      [2, 'ok', 'read', 0],
      [0, 'ok', 'write', 1],
    );
    expect(linearizable(flicker)).toBe(false);
  });

  it('lets an indeterminate write take effect late, or never', () => {
    const late = h([0, 'invoke', 'write', 1], [0, 'info', 'write', 1], [1, 'invoke', 'read', null], [1, 'ok', 'read', 0], [1, 'invoke', 'read', null], [1, 'ok', 'read', 1]);
    expect(linearizable(late)).toBe(true);
    const never = h([0, 'invoke', 'write', 1], [0, 'info', 'write', 1], [1, 'invoke', 'read', null], [1, 'ok', 'read', 0]);
    expect(linearizable(never)).toBe(true);
    const undone = h([0, 'invoke', 'write', 1], [0, 'info', 'write', 1], [1, 'invoke', 'read', null], [1, 'ok', 'read', 1], [1, 'invoke', 'read', null], [1, 'ok', 'read', 0]);
    expect(linearizable(undone)).toBe(false);
  });

  it('treats an invoke still open at the end as indeterminate', () => {
    expect(linearizable(h([0, 'invoke', 'write', 1], [1, 'invoke', 'read', null], [1, 'ok', 'read', 1]))).toBe(true);
  });

  it('never lets a failed op take effect', () => {
    expect(linearizable(h([0, 'invoke', 'write', 1], [0, 'fail', 'write', 1], [1, 'invoke', 'read', null], [1, 'ok', 'read', 1]))).toBe(false);
  });

  it('cannot place an indeterminate op before its invocation', () => {
    const early = h([1, 'invoke', 'read', null], [1, 'ok', 'read', 1], [0, 'invoke', 'write', 1], [0, 'info', 'write', 1]);
    expect(linearizable(early)).toBe(false);
  });

  it('explores every successor of a nondeterministic step', () => {
    // A die that may land on either face: only the second successor explains the read.
    const die: Model<number> = {
      ...registerModel(),
      name: 'die',
      init: () => 0,
      step: (state, input, output) =>
        input.f === 'roll' ? [1, 2] : !output.known || output.value === state ? [state] : [],
      hash: (state) => state,
    };
    const history = h([0, 'invoke', 'roll', null], [0, 'ok', 'roll', null], [0, 'invoke', 'read', null], [0, 'ok', 'read', 2]);
    expect(linearizable(history, die)).toBe(true);
    expect(linearizable(history.map((op) => (op.index === 3 ? { ...op, value: 3 } : op)), die)).toBe(false);
  });

  it('lets an indeterminate dequeue take any queued value', () => {
    const model = unorderedQueueModel();
    const history = h(
      [0, 'invoke', 'enqueue', 1],
      [0, 'ok', 'enqueue', 1],
      [0, 'invoke', 'enqueue', 2],
      [0, 'ok', 'enqueue', 2],
      [1, 'invoke', 'dequeue', null],
      [1, 'info', 'dequeue', null],
      [2, 'invoke', 'dequeue', null],
      [2, 'ok', 'dequeue', 1],
      [2, 'invoke', 'dequeue', null],
      [2, 'ok', 'dequeue', null],
    );
    expect(linearizable(history, model)).toBe(true);
    // 1 was queued once: it cannot come out twice.
    expect(linearizable(history.map((op) => (op.index === 9 ? { ...op, value: 1 } : op)), model)).toBe(false);
  });

  it('checks cas against the value at its linearization point', () => {
    const model = casRegisterModel({ init: 0 });
    const swap = h([0, 'invoke', 'cas', [0, 1]], [0, 'ok', 'cas', [0, 1]], [1, 'invoke', 'read', null], [1, 'ok', 'read', 1]);
    expect(linearizable(swap, model)).toBe(true);
    const noMatch = h([0, 'invoke', 'cas', [5, 1]], [0, 'ok', 'cas', [5, 1]]);
    expect(linearizable(noMatch, model)).toBe(false);
  });

  it('checks a partitioned model key by key', () => {
    const model = kvModel({ init: '' });
    const history = h(
      [0, 'invoke', 'append', 'a', 'x'],
      [0, 'ok', 'append', 'a', 'x'],
      [1, 'invoke', 'get', null, 'y'],
      [1, 'ok', 'get', '', 'y'],
      [1, 'invoke', 'get', null, 'x'],
      [1, 'ok', 'get', 'a', 'x'],
    );
    expect(linearizable(history, model)).toBe(true);
    expect(linearizable(history.map((op) => (op.index === 3 ? { ...op, value: 'a' } : op)), model)).toBe(false);
  });
});
