import { describe, expect, it } from 'vitest';
import { checkLinearizable } from '../../src/checker/linearizable/check.js';
import { HistoryError, pairOperations, type Op } from '../../src/history/index.js';
import { casRegisterModel, registerModel } from '../../src/models/index.js';

const op = (index: number, process: number, type: Op['type'], f: string, value: unknown, key?: string): Op => ({
  index, time: index, process, type, f, value, ...(key === undefined ? {} : { key }),
});

function thrown(run: () => unknown): HistoryError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(HistoryError);
    return error as HistoryError;
  }
  throw new Error('expected a HistoryError, nothing was thrown');
}

describe('check() validates what it is given', () => {
  it('rejects an ok with no invoke instead of dropping it', () => {
    const history = [op(0, 0, 'ok', 'write', 1), op(1, 1, 'invoke', 'read', null), op(2, 1, 'ok', 'read', 5)];
    const error = thrown(() => checkLinearizable(history, registerModel()));
    expect(error.message).toBe('history:1: process: ok for process 0, which has no open invoke');
  });

  it('rejects a badly shaped cas with a clear error, not a TypeError from the search', () => {
    const history = [op(0, 0, 'invoke', 'cas', 3), op(1, 0, 'ok', 'cas', 3)];
    const error = thrown(() => checkLinearizable(history, casRegisterModel({ init: 0 })));
    expect(error.message).toBe('history:1: value: cas expects [expected, new], got 3');
    const paired = pairOperations(history);
    expect(thrown(() => checkLinearizable(paired, casRegisterModel({ init: 0 }))).message).toBe(
      'history:1: value: cas expects [expected, new], got 3',
    );
  });

  it('rejects an f the model does not know, and ops on two keys for a keyless model', () => {
    expect(thrown(() => checkLinearizable([op(0, 0, 'invoke', 'dequeue', null)], registerModel())).field).toBe('f');
    const twoKeys = [op(0, 0, 'invoke', 'write', 1, 'a'), op(1, 0, 'ok', 'write', 1, 'a'), op(2, 1, 'invoke', 'read', null, 'b'), op(3, 1, 'ok', 'read', 1, 'b')];
    expect(thrown(() => checkLinearizable(twoKeys, registerModel())).message).toMatch(/^history:3: key: the register model has no keys/);
  });

  it('still judges a well-formed history, including a store result of the wrong shape', () => {
    const good = [op(0, 0, 'invoke', 'write', 1), op(1, 0, 'ok', 'write', 1), op(2, 1, 'invoke', 'read', null), op(3, 1, 'ok', 'read', 1)];
    expect(checkLinearizable(good, registerModel()).valid).toBe(true);
    const odd = [op(0, 0, 'invoke', 'cas', [0, 1]), op(1, 0, 'ok', 'cas', 'garbage'), op(2, 1, 'invoke', 'read', null), op(3, 1, 'ok', 'read', 2)];
    expect(checkLinearizable(odd, casRegisterModel({ init: 0 })).valid).toBe(false);
  });
});
