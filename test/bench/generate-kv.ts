import type { Op } from '../../src/history/op.js';

/** Options for {@link generateKvHistory}. */
export interface KvHistoryOptions {
  ops: number;
  keys: number;
  processes: number;
  /** Fraction of completions that are indeterminate (info). */
  infoRate: number;
  seed: number;
}

/**
 * A linearizable-by-construction kv history as faultline's own workloads write
 * them: values unique per key, each op taking effect at one instant inside its
 * interval, some completions lost (info) whether or not the op took effect.
 *
 * @example
 * const history = generateKvHistory({ ops: 1000, keys: 10, processes: 5, infoRate: 0.05, seed: 1 });
 */
export function generateKvHistory(c: KvHistoryOptions): Op[] {
  let rng = c.seed >>> 0 || 1;
  const random = (): number => {
    // xorshift32: a fixed, seedable sequence so benchmark inputs are the same every run.
    rng ^= rng << 13;
    rng ^= rng >>> 17;
    rng ^= rng << 5;
    return (rng >>> 0) / 4294967296;
  };
  const values = new Array<string | null>(c.keys).fill(null);
  const writeCounts = new Array<number>(c.keys).fill(0);
  type Outcome = 'ok' | 'info-applied' | 'info-lost';
  type Pending = { f: 'get' | 'put'; key: number; value: string | null; applied: boolean; process: number; outcome: Outcome };
  const pending = new Map<number, Pending>();
  const processOf = Array.from({ length: c.processes }, (_, i) => i);
  const history: Op[] = [];
  let invoked = 0;
  const push = (op: Omit<Op, 'index' | 'time'>): void => {
    history.push({ index: history.length, time: history.length, ...op });
  };

  while (invoked < c.ops || pending.size > 0) {
    const slot = Math.floor(random() * c.processes);
    const current = pending.get(slot);
    if (current === undefined) {
      if (invoked >= c.ops) continue;
      const key = Math.floor(random() * c.keys);
      const isWrite = random() < 0.5;
      const value = isWrite ? `v${++writeCounts[key]!}` : '';
      const process = processOf[slot]!;
      const roll = random();
      const outcome: Outcome = roll >= c.infoRate ? 'ok' : roll < c.infoRate / 2 ? 'info-lost' : 'info-applied';
      pending.set(slot, { f: isWrite ? 'put' : 'get', key, value, applied: false, process, outcome });
      push({ process, type: 'invoke', f: isWrite ? 'put' : 'get', key: `k${key}`, value: isWrite ? value : null });
      invoked++;
    } else if (!current.applied && current.outcome !== 'info-lost') {
      if (current.f === 'put') values[current.key] = current.value;
      else current.value = values[current.key]!;
      current.applied = true;
    } else {
      const info = current.outcome !== 'ok';
      push({
        process: current.process,
        type: info ? 'info' : 'ok',
        f: current.f,
        key: `k${current.key}`,
        value: info ? null : current.value,
      });
      pending.delete(slot);
      if (info) processOf[slot] = processOf[slot]! + c.processes;
    }
  }
  return history;
}
