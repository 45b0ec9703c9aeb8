/**
 * Benchmark of the checkers beyond linearizability on one large history:
 * convergence and durability (goal: under 1 s each on 100,000 ops), and, for
 * reference, sessions, stale reads, counter and set. Run with `npm run bench -- checkers`
 * once wired into run.ts, or on its own: `node dist/test/bench/checkers-bench.js`.
 */
import { fileURLToPath } from 'node:url';
import { checkConvergence } from '../../src/checker/convergence.js';
import { checkCounter } from '../../src/checker/counter.js';
import { checkDurability } from '../../src/checker/durability.js';
import { checkSessions } from '../../src/checker/sessions.js';
import { checkSet } from '../../src/checker/set.js';
import { checkStaleReads } from '../../src/checker/stale-reads.js';
import type { Op } from '../../src/history/op.js';
import type { ReplicaState } from '../../src/store/definition.js';
import { median } from './stats.js';

/** One checker's timing. */
export interface CheckerTiming {
  checker: string;
  ops: number;
  valid: string;
  msMedian: number;
}

/**
 * Times each checker `repeats` times (after one warm-up run) on generated
 * histories of `ops` client operations, and reports the medians.
 *
 * @example
 * const rows = await benchCheckers({ ops: 100_000, keys: 10_000, replicas: 5, repeats: 5 });
 */
export async function benchCheckers(options: { ops: number; keys: number; replicas: number; repeats: number }): Promise<CheckerTiming[]> {
  const registers = registerHistory(options.ops, options.keys, options.replicas);
  const adds = addHistory(options.ops);
  const cases: Array<[string, () => { valid: unknown }]> = [
    ['convergence', () => checkConvergence(registers.states)],
    ['durability', () => checkDurability(registers.history, { finalStates: registers.states })],
    ['sessions', () => checkSessions(registers.history)],
    ['stale-reads', () => checkStaleReads(registers.history)],
    ['counter', () => checkCounter(adds.counter)],
    ['set', () => checkSet(adds.set)],
  ];
  const rows: CheckerTiming[] = [];
  for (const [checker, run] of cases) {
    let valid = String(run().valid);
    const times: number[] = [];
    for (let i = 0; i < options.repeats; i++) {
      const started = performance.now();
      valid = String(run().valid);
      times.push(performance.now() - started);
    }
    rows.push({ checker, ops: options.ops, valid, msMedian: median(times) });
  }
  return rows;
}

/** A tiny seeded generator (xorshift32), so every run times the same input. */
function seeded(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

/**
 * A correct register history: `processes` clients with overlapping ops, each
 * write taking effect inside its interval, unique values; then a final heal,
 * one final read per key, and the replicas' matching final states.
 */
function registerHistory(ops: number, keys: number, replicas: number): { history: Op[]; states: Record<string, ReplicaState> } {
  const random = seeded(7);
  const values = new Array<number | null>(keys).fill(null);
  const history: Op[] = [];
  const push = (op: Omit<Op, 'index' | 'time'>) => history.push({ index: history.length, time: history.length * 1000, ...op });
  const pending = new Map<number, { f: string; key: number; value: number | null; applied: boolean }>();
  let invoked = 0;
  while (invoked < ops || pending.size > 0) {
    const process = Math.floor(random() * 50);
    const current = pending.get(process);
    if (current === undefined) {
      if (invoked >= ops) continue;
      const key = Math.floor(random() * keys);
      const write = random() < 0.5;
      pending.set(process, { f: write ? 'write' : 'read', key, value: write ? invoked : null, applied: false });
      push({ process, type: 'invoke', f: write ? 'write' : 'read', key: `k${key}`, value: write ? invoked : null });
      invoked++;
    } else if (!current.applied) {
      if (current.f === 'write') values[current.key] = current.value;
      else current.value = values[current.key]!;
      current.applied = true;
    } else {
      push({ process, type: 'ok', f: current.f, key: `k${current.key}`, value: current.value });
      pending.delete(process);
    }
  }
  push({ process: 'nemesis', type: 'info', f: 'healAll', value: [] });
  const state: ReplicaState = {};
  values.forEach((value, key) => {
    push({ process: 0, type: 'invoke', f: 'read', key: `k${key}`, value: null });
    push({ process: 0, type: 'ok', f: 'read', key: `k${key}`, value });
    state[`k${key}`] = { values: [value], version: { c: value ?? 0, node: 'n1' } };
  });
  const states = Object.fromEntries(Array.from({ length: replicas }, (_, i) => [`n${i + 1}`, structuredClone(state)]));
  return { history, states };
}

/** Sequential counter and set histories: adds of 1..5 (unique elements for the set) and reads of the total. */
function addHistory(ops: number): { counter: Op[]; set: Op[] } {
  const random = seeded(11);
  const counter: Op[] = [];
  const set: Op[] = [];
  let total = 0;
  const elements: number[] = [];
  for (let i = 0; i < ops; i++) {
    const process = i % 20;
    const add = random() < 0.8 || i < 10;
    const delta = 1 + Math.floor(random() * 5);
    if (add) total += delta;
    counter.push({ index: 2 * i, time: 2 * i, process, type: 'invoke', f: add ? 'add' : 'read', value: add ? delta : null });
    counter.push({ index: 2 * i + 1, time: 2 * i + 1, process, type: 'ok', f: add ? 'add' : 'read', value: add ? delta : total });
    // Set reads list every element, so keep them rare: a read per 1,000 ops.
    const setRead = i % 1000 === 999;
    if (!setRead) elements.push(i);
    set.push({ index: 2 * i, time: 2 * i, process, type: 'invoke', f: setRead ? 'read' : 'add', value: setRead ? null : i });
    set.push({ index: 2 * i + 1, time: 2 * i + 1, process, type: 'ok', f: setRead ? 'read' : 'add', value: setRead ? [...elements] : i });
  }
  return { counter, set };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = await benchCheckers({ ops: 100_000, keys: 10_000, replicas: 5, repeats: 5 });
  for (const row of rows) console.log(`${row.checker.padEnd(12)} ${row.ops} ops  valid=${row.valid}  ${row.msMedian.toFixed(1)} ms (median of 5)`);
}
