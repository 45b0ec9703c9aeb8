import fc from 'fast-check';
import type { Op, OpType, Process } from '../../src/history/op.js';

/** The models the random-history generators know how to speak to. */
export type RandomHistoryModel = 'register' | 'cas-register' | 'set' | 'kv';

/** Options for {@link randomHistory}. */
export interface RandomHistoryOptions {
  /** At most this many client invocations (default 8). */
  maxOps?: number;
  /** Concurrent client processes (default 3). */
  processes?: number;
  /** Sprinkle nemesis info ops in, as Jepsen histories have them (default true). */
  withNemesis?: boolean;
  /**
   * Register and kv only: every write writes a value of its own (100 + its position;
   * kv does puts and gets, on keys "k" and "j"), and reads return the initial value,
   * any value written so far, or one never written (default false).
   */
  uniqueWrites?: boolean;
}

/** Raw randomness for one scheduling step; {@link randomHistory} gives it meaning. */
interface Tick {
  lane: number;
  pick: number;
  value: number;
  outcome: number;
}

// Values come from a tiny domain so that reads often match (valid) and often do not.
const DOMAIN = [0, 1, 2] as const;

/**
 * Random small concurrent histories, valid and invalid alike: processes invoke and
 * complete ops in random interleavings; completions are ok (60%), fail (20%) or info
 * (20%, after which the process retires and a fresh one, id + processes, takes its
 * place, as in Jepsen); some invokes are still open at the end. Read results are drawn
 * at random from a tiny domain. Shrinks towards fewer, simpler ops.
 *
 * @example
 * fc.assert(fc.property(randomHistory('register'), (history) => { ... }));
 */
export function randomHistory(model: RandomHistoryModel, constraints: RandomHistoryOptions = {}): fc.Arbitrary<Op[]> {
  const maxOps = constraints.maxOps ?? 8;
  const processes = constraints.processes ?? 3;
  const tick = fc.record({
    lane: fc.nat({ max: processes - 1 }),
    pick: fc.nat({ max: 99 }),
    value: fc.nat({ max: 99 }),
    outcome: fc.nat({ max: 99 }),
  });
  // size 'max': lengths spread over the whole range, not fast-check's small default.
  const ticks = fc.array(tick, { maxLength: maxOps * 2 + 2, size: 'max' });
  const closing = fc.array(tick, { minLength: processes, maxLength: processes });
  return fc
    .tuple(ticks, closing)
    .map(([main, last]) => interpret(model, main, last, maxOps, processes, constraints.withNemesis ?? true, constraints.uniqueWrites ?? false));
}

function interpret(
  model: RandomHistoryModel,
  ticks: Tick[],
  closing: Tick[],
  maxOps: number,
  processes: number,
  withNemesis: boolean,
  uniqueWrites: boolean,
): Op[] {
  const history: Op[] = [];
  const ids: number[] = Array.from({ length: processes }, (_, lane) => lane);
  const open: Array<Op | undefined> = ids.map(() => undefined);
  let invoked = 0;
  const written: number[] = [];
  const push = (process: Process, type: OpType, f: string, value: unknown, key = 'k'): Op => {
    const op: Op = { index: history.length, time: history.length * 1000, process, type, f, value };
    // kv ops all touch one key, so that appends and puts meet (two keys with unique writes).
    if (model === 'kv' && process !== 'nemesis') op.key = key;
    history.push(op);
    return op;
  };
  for (const t of ticks) {
    if (withNemesis && t.pick >= 96) {
      push('nemesis', 'info', t.value % 2 === 0 ? 'start-partition' : 'stop-partition', null);
      continue;
    }
    const invoke = open[t.lane];
    if (invoke === undefined) {
      if (invoked === maxOps) continue;
      const [f, value, key] = uniqueWrites ? uniqueInvocation(model, t, invoked, written) : [...invocation(model, t), 'k'];
      open[t.lane] = push(ids[t.lane]!, 'invoke', f, value, key);
      invoked++;
      continue;
    }
    complete(invoke, t);
  }
  // Most ops still open get completed; a few stay open to the end, as crashed clients leave them.
  closing.forEach((t, lane) => {
    const invoke = open[lane];
    if (invoke !== undefined && t.pick >= 15) complete(invoke, { ...t, lane });
  });
  return history;

  function complete(invoke: Op, t: Tick): void {
    const type: OpType = t.outcome < 60 ? 'ok' : t.outcome < 80 ? 'fail' : 'info';
    const value = type !== 'ok' ? invoke.value : uniqueWrites ? uniqueResult(invoke, t, written, 100 + invoked) : result(model, invoke, t);
    push(invoke.process, type, invoke.f, value, invoke.key as string | undefined);
    open[t.lane] = undefined;
    if (type === 'info') ids[t.lane]! += processes;
  }
}

// kv values are short strings, so that appended texts are often read back.
const TEXTS = ['a', 'b'] as const;
const KV_READS = ['', 'a', 'b', 'ab', 'ba', 'aa', 'bb', 'aab', 'abb', 'bab'] as const;

function invocation(model: RandomHistoryModel, t: Tick): [string, unknown] {
  const v = DOMAIN[t.value % DOMAIN.length]!;
  if (model === 'kv') {
    const text = TEXTS[t.value % TEXTS.length]!;
    return t.pick < 25 ? ['put', text] : t.pick < 60 ? ['append', text] : ['get', null];
  }
  if (model === 'set') return t.pick < 50 ? ['add', v] : ['read', null];
  if (model === 'cas-register' && t.pick < 30) {
    const expected = t.value % 4 === 3 ? null : DOMAIN[(t.value >> 2) % DOMAIN.length]!;
    return ['cas', [expected, v]];
  }
  return t.pick < 60 ? ['write', v] : ['read', null];
}

function result(model: RandomHistoryModel, invoke: Op, t: Tick): unknown {
  if (model === 'kv') return invoke.f === 'get' ? KV_READS[t.value % KV_READS.length] : invoke.value;
  if (invoke.f !== 'read') return invoke.value;
  if (model === 'set') {
    // A random subset of the domain, in a random rotation: sets compare without order.
    const members = DOMAIN.filter((_, i) => (t.value >> i) & 1);
    const turn = t.outcome % (members.length || 1);
    return [...members.slice(turn), ...members.slice(0, turn)];
  }
  const pick = t.value % (DOMAIN.length + 1);
  return pick === DOMAIN.length ? null : DOMAIN[pick];
}

// A write of a value of its own; kv ops on two keys, so that partitions meet.
function uniqueInvocation(model: RandomHistoryModel, t: Tick, invoked: number, written: number[]): [string, unknown, string] {
  const key = t.outcome % 2 === 0 ? 'k' : 'j';
  if (t.pick >= 50) return [model === 'kv' ? 'get' : 'read', null, key];
  written.push(100 + invoked);
  return [model === 'kv' ? 'put' : 'write', 100 + invoked, key];
}

// A read returns the initial value (null or 0), a value written so far, 99 (never
// written), or the value the next invocation writes if it is a write (not yet begun).
function uniqueResult(invoke: Op, t: Tick, written: readonly number[], next: number): unknown {
  if (invoke.f !== 'read' && invoke.f !== 'get') return invoke.value;
  const choices = [null, 0, 99, next, ...written];
  return choices[t.value % choices.length];
}
