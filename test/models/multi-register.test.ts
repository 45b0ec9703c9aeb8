import { describe, expect, it } from 'vitest';
import { multiRegisterModel } from '../../src/models/multi-register.js';
import { ok, UNKNOWN } from '../support/outputs.js';

const txn = (...steps: unknown[][]) => ({ f: 'txn', value: steps });

describe('multiRegisterModel', () => {
  const m = multiRegisterModel({ init: { x: 0, y: 0 } });

  it('reads the initial values, and nil for keys it was not given', () => {
    const asked = txn(['read', 'x', null], ['read', 'z', null]);
    expect(m.step(m.init(), asked, ok([['read', 'x', 0], ['read', 'z', null]]))).toHaveLength(1);
    expect(m.step(m.init(), asked, ok([['read', 'x', 1], ['read', 'z', null]]))).toEqual([]);
    expect(m.step(m.init(), asked, ok([['read', 'x', 0], ['read', 'z', 0]]))).toEqual([]);
  });

  it('lets a read see the earlier writes of its own txn', () => {
    const asked = txn(['write', 'x', 1], ['read', 'x', null], ['r', 'y', null]);
    const [after] = m.step(m.init(), asked, ok([['write', 'x', 1], ['read', 'x', 1], ['r', 'y', 0]]));
    expect(after).toBeDefined();
    expect(m.describeState!(after!)).toBe('{x 1}');
    expect(m.step(m.init(), asked, ok([['write', 'x', 1], ['read', 'x', 0], ['r', 'y', 0]]))).toEqual([]);
  });

  it('applies the writes of an indeterminate txn and accepts any reads', () => {
    const [after] = m.step(m.init(), txn(['read', 'x', null], ['w', 'y', 5]), UNKNOWN);
    const read = m.step(after!, txn(['read', 'y', null]), ok([['read', 'y', 5]]));
    expect(read).toHaveLength(1);
  });

  it('gives one state one hash, however it was reached', () => {
    const [a] = m.step(m.init(), txn(['write', 'x', 1], ['write', 'y', 2]), UNKNOWN);
    const [b] = m.step(m.init(), txn(['write', 'y', 2], ['write', 'x', 7], ['write', 'x', 1]), UNKNOWN);
    expect(m.hash(a!)).toBe(m.hash(b!));
    // Writing a register back to its initial value is the initial state again.
    const [c] = m.step(a!, txn(['write', 'x', 0], ['write', 'y', 0]), UNKNOWN);
    expect(m.hash(c!)).toBe(m.hash(m.init()));
    expect(m.hash(a!)).not.toBe(m.hash(c!));
  });

  it('takes one initial value for every register when init is not an object', () => {
    const zeros = multiRegisterModel({ init: 0 });
    expect(zeros.step(zeros.init(), txn(['read', 'q', null]), ok([['read', 'q', 0]]))).toHaveLength(1);
    const nils = multiRegisterModel();
    expect(nils.step(nils.init(), txn(['read', 'q', null]), ok([['read', 'q', null]]))).toHaveLength(1);
  });

  it('knows read-only txns', () => {
    expect(m.readOnly!(txn(['read', 'x', null], ['r', 'y', null]))).toBe(true);
    expect(m.readOnly!(txn(['read', 'x', null], ['write', 'y', 1]))).toBe(false);
  });

  it('validates the txn shape', () => {
    expect(m.validate(txn(['read', 'x', null]), undefined)).toBeNull();
    expect(m.validate({ f: 'txn', value: 3 }, undefined)?.message).toBe('txn expects a list of [f key value], got 3');
    expect(m.validate(txn(['read', 'x']), undefined)?.message).toBe('txn step 0 must be [f key value], got ["read" "x"]');
    expect(m.validate(txn(['append', 'x', 1]), undefined)?.message).toBe(
      'txn step 0 has f "append"; expected read, r, write or w',
    );
    expect(m.validate(txn(['read', 'x', null]), ok([['read', 'x', 1], ['read', 'y', 2]]))?.message).toBe(
      'txn result has 2 steps but the txn has 1',
    );
    expect(m.validate({ f: 'read', value: null }, undefined)?.field).toBe('f');
  });

  it('describes a txn', () => {
    const asked = txn(['read', 'x', null], ['write', 'y', 2]);
    expect(m.describe(asked, ok([['read', 'x', 1], ['write', 'y', 2]]))).toBe('txn read x -> 1, write y 2');
    expect(m.describe(asked, UNKNOWN)).toBe('txn read x -> ?, write y 2 ?');
  });
});
