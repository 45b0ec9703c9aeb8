import fc from 'fast-check';
import type { Input } from '../../src/history/operation.js';
import {
  buildConstructed,
  type ConstructedHistory,
  type ConstructedModel,
  type Plan,
  type Planned,
} from './run-at-instants.js';

export type { ConstructedHistory, ConstructedModel };

/** Options for {@link linearizableHistory}. */
export interface ConstructedOptions {
  /** At most this many operations (default 200). */
  maxOps?: number;
  /** Concurrent client lanes (default 5). */
  processes?: number;
  /**
   * Percent of completions that are `info` (default 20): half of them with their
   * effect applied, half without. Another 10% are `fail`.
   */
  infoPercent?: number;
  /**
   * Every write writes a value no other op writes (register: 10 + its position; kv:
   * puts only, no appends), as the checker's unique-values case wants (default false).
   */
  uniqueWrites?: boolean;
}

/**
 * Histories that are linearizable by construction: each process runs ops one after the
 * other in random intervals; each op takes effect at a random instant strictly inside
 * its interval; the ops are run at those instants against a direct implementation of
 * the object, which gives the ok results. Some completions become `fail` (no effect),
 * some `info` with the effect applied or not, and a process's last info may have no
 * completion at all. A cas whose expected value is not there at its instant fails.
 *
 * @example
 * fc.assert(fc.property(linearizableHistory('kv'), ({ history, init }) => { ... }));
 */
export function linearizableHistory(model: ConstructedModel, constraints: ConstructedOptions = {}): fc.Arbitrary<ConstructedHistory> {
  const processes = constraints.processes ?? 5;
  const plan = fc.record({
    lane: fc.nat({ max: processes - 1 }),
    gap: fc.nat({ max: 6 }),
    duration: fc.integer({ min: 1, max: 30 }),
    at: fc.nat({ max: 1000 }),
    pick: fc.nat({ max: 99 }),
    value: fc.nat({ max: 99 }),
    fate: fc.nat({ max: 99 }),
  });
  return fc
    .array(plan, { maxLength: constraints.maxOps ?? 200, size: 'max' })
    .map((plans) => buildConstructed(model, schedule(model, plans, constraints.uniqueWrites ?? false), processes, constraints.infoPercent ?? 20));
}

// Lays each lane's ops out one after another and picks each op's instant inside its interval.
function schedule(model: ConstructedModel, plans: Plan[], uniqueWrites: boolean): Planned[] {
  const freeAt = new Map<number, number>();
  const planned = plans.map((p, n) => {
    const call = (freeAt.get(p.lane) ?? 0) + p.gap;
    const ret = call + p.duration;
    freeAt.set(p.lane, ret);
    // Half-integer instants never coincide with an event time, so real-time order is clear.
    const instant = call + (p.at % p.duration) + 0.5;
    return { ...p, n, call, ret, instant, input: uniqueWrites ? uniqueInputFor(model, p, n) : inputFor(model, p, n), last: false };
  });
  const lastOfLane = new Map(planned.map((op) => [op.lane, op]));
  for (const op of lastOfLane.values()) op.last = true;
  return planned;
}

function inputFor(model: ConstructedModel, p: Plan, n: number): Input {
  const v = p.value % 5;
  switch (model) {
    case 'set':
      return p.pick < 55 ? { f: 'add', value: p.value % 10 } : { f: 'read', value: null };
    case 'kv': {
      const key = String(p.value % 3);
      if (p.pick < 40) return { f: 'get', key, value: null };
      return p.pick < 60 ? { f: 'put', key, value: `p${n} ` } : { f: 'append', key, value: `x ${n} y` };
    }
    case 'cas-register':
      if (p.pick < 34) return { f: 'cas', value: [v, (p.value >> 3) % 5] };
      return p.pick < 67 ? { f: 'write', value: v } : { f: 'read', value: null };
    case 'register':
      return p.pick < 50 ? { f: 'write', value: v } : { f: 'read', value: null };
  }
}

// Writes of values no other op writes: a register's are 10 + n (never the initial null),
// a kv's are puts of "p<n> " (never the initial "").
function uniqueInputFor(model: ConstructedModel, p: Plan, n: number): Input {
  const input = inputFor(model, p, n);
  if (model === 'register' && input.f === 'write') return { f: 'write', value: 10 + n };
  if (model === 'kv' && input.f === 'append') return { f: 'put', key: input.key!, value: `p${n} ` };
  return input;
}
