import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { MODELS } from '../../src/models/index.js';
import { CHECKER_NAMES } from '../../src/checker/checker.js';
import { STORE_VERBS } from '../../src/store/definition.js';
import { WORKLOADS, workloadNames, workloadSpanMs, type WorkloadSpec } from '../../workloads/index.js';

/** A seeded uniform generator, for reproducible workloads. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const specArb = (workload: string) =>
  fc.record({
    workload: fc.constant(workload),
    ops: fc.integer({ min: 0, max: 120 }),
    clients: fc.integer({ min: 1, max: 6 }),
    keys: fc.integer({ min: 1, max: 5 }),
    values: fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }),
    readFraction: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
    spacingMs: fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined }),
  }).map((spec) => Object.fromEntries(Object.entries(spec).filter(([, v]) => v !== undefined)) as unknown as WorkloadSpec);

describe('every workload', () => {
  test.each(workloadNames())('%s: same spec and seed give the same ops; the shape follows the spec', (name) => {
    const workload = WORKLOADS[name]!;
    fc.assert(fc.property(specArb(name), fc.integer(), (spec, seed) => {
      const ops = workload.generate(spec, seeded(seed));
      expect(workload.generate(spec, seeded(seed))).toEqual(ops);
      expect(ops).toHaveLength(spec.ops);
      ops.forEach((op, i) => {
        expect(op.process).toBe(i % spec.clients);
        expect(typeof op.key).toBe('string');
      });
      for (let client = 0; client < spec.clients; client++) {
        const starts = ops.filter((op) => op.process === client).map((op) => op.atMs!);
        expect(starts).toEqual([...starts].sort((a, b) => a - b));
      }
    }), { numRuns: 50 });
  });

  test.each(workloadNames())('%s: carries a known model and its checkers, and maps its fs to store verbs', (name) => {
    const workload = WORKLOADS[name]!;
    const model = workload.model;
    expect(MODELS[model.name]).toBeDefined();
    expect(workload.checkers.length).toBeGreaterThan(0);
    for (const checker of workload.checkers) expect(CHECKER_NAMES).toContain(checker.name);
    const ops = workload.generate({ workload: name, ops: 200, clients: 3, keys: 3 }, seeded(1));
    for (const op of ops) {
      expect(model.fs).toContain(op.f);
      expect(STORE_VERBS).toContain(workload.verbs[op.f] ?? op.f);
    }
  });
});

describe('values point at their writes', () => {
  test.each(['register', 'cas-register', 'kv', 'set'])('%s: every value written is written once', (name) => {
    fc.assert(fc.property(specArb(name), fc.integer(), (spec, seed) => {
      const written = WORKLOADS[name]!.generate(spec, seeded(seed)).flatMap((op) => {
        if (op.f === 'write' || op.f === 'add') return [op.value];
        if (op.f === 'cas') return [(op.value as unknown[])[1]];
        return [];
      });
      expect(new Set(written).size).toBe(written.length);
    }), { numRuns: 50 });
  });

  test('a cas expects a value written earlier to the same key', () => {
    fc.assert(fc.property(specArb('kv'), fc.integer(), (spec, seed) => {
      const writtenByKey = new Map<unknown, unknown[]>();
      for (const op of WORKLOADS.kv!.generate(spec, seeded(seed))) {
        const earlier = writtenByKey.get(op.key) ?? [];
        if (op.f === 'cas') expect(earlier).toContain((op.value as unknown[])[0]);
        if (op.f === 'write') earlier.push(op.value);
        if (op.f === 'cas') earlier.push((op.value as unknown[])[1]);
        writtenByKey.set(op.key, earlier);
      }
    }), { numRuns: 50 });
  });

  test('the register workloads use one key; kv spreads over the keys it is given', () => {
    const spec = { ops: 200, clients: 4, keys: 4 };
    for (const name of ['register', 'cas-register', 'set', 'counter']) {
      const keys = new Set(WORKLOADS[name]!.generate({ workload: name, ...spec }, seeded(2)).map((op) => op.key));
      expect([...keys]).toEqual(['k0']);
    }
    const kvKeys = new Set(WORKLOADS.kv!.generate({ workload: 'kv', ...spec }, seeded(2)).map((op) => op.key));
    expect([...kvKeys].sort()).toEqual(['k0', 'k1', 'k2', 'k3']);
  });

  test('counter increments stay within 1..values', () => {
    const ops = WORKLOADS.counter!.generate({ workload: 'counter', ops: 300, clients: 3, keys: 1, values: 3 }, seeded(4));
    const increments = ops.filter((op) => op.f === 'add').map((op) => op.value as number);
    expect(new Set(increments)).toEqual(new Set([1, 2, 3]));
  });

  test('readFraction sets the share of reads', () => {
    const reads = (fraction: number) => WORKLOADS.register!
      .generate({ workload: 'register', ops: 1000, clients: 4, keys: 1, readFraction: fraction }, seeded(5))
      .filter((op) => op.f === 'read').length;
    expect(reads(0)).toBe(0);
    expect(reads(1)).toBe(1000);
    expect(reads(0.5)).toBeGreaterThan(400);
    expect(reads(0.5)).toBeLessThan(600);
  });

  test('the nondeterministic workload writes only NOW() and RAND()', () => {
    const ops = WORKLOADS.nondeterministic!.generate({ workload: 'nondeterministic', ops: 100, clients: 2, keys: 1 }, seeded(6));
    const values = new Set(ops.filter((op) => op.f === 'write').map((op) => op.value));
    expect(values).toEqual(new Set(['NOW()', 'RAND()']));
    expect(WORKLOADS.nondeterministic!.checkers.map((checker) => checker.name)).toEqual(['convergence']);
  });

  test('the span is ops per client times the mean spacing', () => {
    expect(workloadSpanMs({ workload: 'register', ops: 200, clients: 4, keys: 1, spacingMs: 10 })).toBe(500);
    const ops = WORKLOADS.register!.generate({ workload: 'register', ops: 400, clients: 4, keys: 1, spacingMs: 10 }, seeded(7));
    const lastStartMs = Math.max(...ops.map((op) => op.atMs!));
    expect(lastStartMs).toBeGreaterThan(700);
    expect(lastStartMs).toBeLessThan(1300);
  });
});
