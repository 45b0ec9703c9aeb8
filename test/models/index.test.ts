import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Input } from '../../src/history/operation.js';
import { MODELS, modelNames } from '../../src/models/index.js';
import type { Model } from '../../src/models/model.js';
import { UNKNOWN } from '../support/outputs.js';

const NAMES = ['register', 'cas-register', 'kv', 'multi-register', 'set', 'counter', 'mutex', 'fifo-queue', 'unordered-queue'];

// JSON values without -0 (which deep equality tells from 0 but a history cannot).
const value = fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown);
const small = fc.oneof(fc.constantFrom(null, 0, 1, '1', 'a'), value);

// Inputs each model changes its state with; unknown outputs reach every state they can.
const MUTATIONS: Record<string, fc.Arbitrary<Input>> = {
  register: small.map((v) => ({ f: 'write', value: v })),
  'cas-register': small.map((v) => ({ f: 'write', value: v })),
  kv: fc.oneof(
    small.map((v) => ({ f: 'put', key: 'k', value: v })),
    fc.string({ maxLength: 2 }).map((v) => ({ f: 'append', key: 'k', value: v })),
  ),
  'multi-register': fc
    .array(fc.tuple(fc.constantFrom('x', 'y', '1'), small), { maxLength: 3 })
    .map((writes) => ({ f: 'txn', value: writes.map(([k, v]) => ['write', k, v]) })),
  set: small.map((v) => ({ f: 'add', value: v })),
  counter: fc.integer({ min: -3, max: 3 }).map((v) => ({ f: 'add', value: v })),
  mutex: fc.constantFrom({ f: 'acquire', value: null }, { f: 'release', value: null }),
  'fifo-queue': fc.oneof(small.map((v) => ({ f: 'enqueue', value: v })), fc.constant({ f: 'dequeue', value: null })),
  'unordered-queue': fc.oneof(small.map((v) => ({ f: 'enqueue', value: v })), fc.constant({ f: 'dequeue', value: null })),
};

function reachable(model: Model<any>, inputs: Input[], choices: number[]): unknown[] {
  const states: unknown[] = [model.init()];
  let state: unknown = model.init();
  inputs.forEach((input, i) => {
    const successors = model.step(state, input, UNKNOWN);
    if (successors.length === 0) return;
    state = successors[choices[i]! % successors.length];
    states.push(state);
  });
  return states;
}

describe('MODELS', () => {
  it('registers every model under its own name', () => {
    expect(modelNames()).toEqual(NAMES);
    for (const name of NAMES) {
      const model = MODELS[name]!();
      expect(model.name).toBe(name);
      expect(model.fs.length).toBeGreaterThan(0);
    }
  });

  it('finds nothing under the names of Object methods', () => {
    expect(MODELS['toString']).toBeUndefined();
    expect(MODELS['__proto__']).toBeUndefined();
  });

  it.each(NAMES)('%s: equal states hash equal and different states hash apart', (name) => {
    const model = MODELS[name]!({ init: name === 'kv' ? '' : undefined });
    const runs = fc.tuple(fc.array(MUTATIONS[name]!, { maxLength: 12 }), fc.array(fc.nat(), { minLength: 12, maxLength: 12 }));
    fc.assert(
      fc.property(runs, runs, ([inputsA, choicesA], [inputsB, choicesB]) => {
        const states = [...reachable(model, inputsA, choicesA), ...reachable(model, inputsB, choicesB)];
        for (const a of states) {
          for (const b of states) {
            expect(model.hash(a) === model.hash(b)).toBe(isDeepStrictEqual(a, b));
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it.each(NAMES)('%s: describes every f it knows, and validates none of them as unknown', (name) => {
    const model = MODELS[name]!();
    for (const f of model.fs) {
      const input = { f, key: 'k', value: null };
      expect(model.describe(input, UNKNOWN)).toMatch(new RegExp(`^${f}`));
      expect(model.validate(input, undefined)?.field).not.toBe('f');
    }
    expect(model.validate({ f: 'no-such-f', key: 'k', value: null }, undefined)?.field).toBe('f');
  });
});
