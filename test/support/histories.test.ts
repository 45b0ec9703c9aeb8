import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Op } from '../../src/history/op.js';
import { casRegisterModel } from '../../src/models/cas-register.js';
import { kvModel } from '../../src/models/kv.js';
import { registerModel } from '../../src/models/register.js';
import { setModel } from '../../src/models/set.js';
import type { Model } from '../../src/models/model.js';
import { bruteForceLinearizable } from './brute-force.js';
import { linearizableHistory, randomHistory, toOperations } from './histories.js';

const FACTORIES: Record<string, (init: unknown) => Model<any>> = {
  register: (init) => registerModel({ init }),
  'cas-register': (init) => casRegisterModel({ init }),
  kv: (init) => kvModel({ init }),
  set: (init) => setModel({ init }),
};

// Jepsen's rules: a process has at most one op open, and completes only what it invoked.
function expectWellFormed(history: Op[]): void {
  const open = new Map<Op['process'], Op>();
  history.forEach((op, i) => {
    expect(op.index).toBe(i);
    if (i > 0) expect(op.time).toBeGreaterThanOrEqual(history[i - 1]!.time);
    if (op.process === 'nemesis') return;
    const invoke = open.get(op.process);
    if (op.type === 'invoke') {
      expect(invoke).toBeUndefined();
      open.set(op.process, op);
    } else {
      expect(invoke?.f).toBe(op.f);
      open.delete(op.process);
    }
  });
}

describe('randomHistory', () => {
  it.each(['register', 'cas-register', 'set'] as const)('%s: well formed, small, and often valid as often invalid', (name) => {
    const verdicts = { valid: 0, invalid: 0 };
    fc.assert(
      fc.property(randomHistory(name, { maxOps: 6, processes: 3 }), (history) => {
        expectWellFormed(history);
        expect(history.filter((op) => op.type === 'invoke').length).toBeLessThanOrEqual(6);
        verdicts[bruteForceLinearizable(toOperations(history), FACTORIES[name]!(null)) ? 'valid' : 'invalid']++;
      }),
      { numRuns: 400 },
    );
    expect(verdicts.valid).toBeGreaterThan(60);
    expect(verdicts.invalid).toBeGreaterThan(60);
  });

  it('retires a process after an info, as Jepsen does', () => {
    fc.assert(
      fc.property(randomHistory('register'), (history) => {
        const retired = new Set<Op['process']>();
        for (const op of history) {
          expect(retired.has(op.process)).toBe(false);
          if (op.type === 'info' && op.process !== 'nemesis') retired.add(op.process);
        }
      }),
    );
  });
});

describe('linearizableHistory', () => {
  it.each(['register', 'cas-register', 'kv', 'set'] as const)('%s: well formed and valid for the brute force', (name) => {
    fc.assert(
      fc.property(linearizableHistory(name, { maxOps: 7, processes: 3 }), ({ history, init }) => {
        expectWellFormed(history);
        expect(bruteForceLinearizable(toOperations(history), FACTORIES[name]!(init))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('produces every kind of completion, and open invokes', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(linearizableHistory('cas-register', { maxOps: 40 }), ({ history }) => {
        for (const op of history) seen.add(op.type);
        const invokes = history.filter((op) => op.type === 'invoke').length;
        if (invokes > history.length - invokes) seen.add('open');
      }),
      { numRuns: 200 },
    );
    expect([...seen].sort()).toEqual(['fail', 'info', 'invoke', 'ok', 'open']);
  });
});
