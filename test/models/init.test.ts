import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.js';
import { MODELS } from '../../src/models/index.js';
import { ok } from '../support/outputs.js';

/** For each model: initial values it must reject, and what the message must say it expects. */
const WRONG: Record<string, { values: unknown[]; expects: RegExp }> = {
  counter: { values: ['10', [5], { a: 1 }, true], expects: /counter model: expected a number/ },
  mutex: { values: [1, 'locked', [true]], expects: /mutex model: expected true \(held\) or false \(free\)/ },
  set: { values: [5, 'abc', { a: 1 }], expects: /set model: expected a list of elements/ },
  'fifo-queue': { values: [5, { a: 1 }], expects: /fifo-queue model: expected a list of queued values/ },
  'unordered-queue': { values: [5, 'x'], expects: /unordered-queue model: expected a list of queued values/ },
  'multi-register': { values: [[5], [{ x: 1 }]], expects: /multi-register model: expected a map of register -> initial value/ },
};

describe('every model validates its initial value', () => {
  for (const [name, { values, expects }] of Object.entries(WRONG)) {
    it(`${name} rejects ${values.map((v) => JSON.stringify(v)).join(', ')} with the shape it expects`, () => {
      for (const init of values) {
        let thrown: unknown;
        try {
          MODELS[name]!({ init });
        } catch (error) {
          thrown = error;
        }
        expect(thrown, JSON.stringify(init)).toBeInstanceOf(ConfigError);
        expect((thrown as ConfigError).field).toBe('init');
        expect((thrown as Error).message).toMatch(expects);
      }
    });
  }

  it('accepts nil and values of the right shape', () => {
    for (const name of Object.keys(MODELS)) {
      expect(() => MODELS[name]!({ init: null }), name).not.toThrow();
      expect(() => MODELS[name]!({}), name).not.toThrow();
    }
    expect(MODELS.counter!({ init: 10 }).init()).toBe(10);
    expect(MODELS.mutex!({ init: true }).init()).toBe(true);
    expect(MODELS.set!({ init: [2, 1] }).init()).toEqual([1, 2]);
    expect(MODELS['fifo-queue']!({ init: [1, 2] }).init()).toEqual([1, 2]);
    expect(MODELS.register!({ init: [5] }).init()).toEqual([5]);
    expect(MODELS.kv!({ init: '' }).init()).toBe('');
  });

  it('multi-register with one scalar for every register says so in its initial state', () => {
    const m = MODELS['multi-register']!({ init: 5 });
    expect(m.describeState!(m.init())).toBe('{every register 5}');
    const [after] = m.step(m.init(), { f: 'txn', value: [['write', 'x', 1]] }, ok([['write', 'x', 1]]));
    expect(m.describeState!(after)).toBe('{x 1, every other register 5}');
    const explicit = MODELS['multi-register']!({ init: { x: 0 } });
    expect(explicit.describeState!(explicit.init())).toBe('{}');
  });
});
