/**
 * When faults were in force, read from the nemesis ops of a history. Two
 * spellings are understood: the fault catalogue's `start-<family>` /
 * `stop-<family>` (paired by `value.fault`) and Jepsen's `start` / `stop`.
 */
import type { Op } from '../../history/op.js';

/**
 * One fault's time in force. `endNs` is Infinity for a fault never healed.
 */
export interface FaultInterval {
  /** The nemesis op that started it (its f). */
  name: string;
  startNs: number;
  endNs: number;
  /** The starting op's value. */
  detail: unknown;
}

/**
 * The faults of a history, in the order they started.
 *
 * @example
 * faultIntervals([
 *   { index: 0, time: 1e8, process: 'nemesis', type: 'info', f: 'start-partition', value: { fault: 0 } },
 *   { index: 9, time: 4e8, process: 'nemesis', type: 'info', f: 'stop-partition', value: { fault: 0 } },
 * ]); // [{ name: 'start-partition', startNs: 1e8, endNs: 4e8, detail: { fault: 0 } }]
 */
export function faultIntervals(history: readonly Op[]): FaultInterval[] {
  const faults: FaultInterval[] = [];
  const open = new Map<string, FaultInterval>();
  const close = (key: string, atNs: number) => {
    const fault = open.get(key);
    if (fault === undefined) return;
    fault.endNs = atNs;
    open.delete(key);
  };
  for (const op of history) {
    if (op.process !== 'nemesis') continue;
    const step = nemesisStep(op);
    for (const key of step.closes) close(key, op.time);
    if (step.opens === undefined || open.has(step.opens)) continue;
    const fault: FaultInterval = { name: op.f, startNs: op.time, endNs: Infinity, detail: op.value };
    faults.push(fault);
    open.set(step.opens, fault);
  }
  return faults;
}

interface NemesisStep {
  opens?: string;
  closes: string[];
}

/** What one nemesis op does to the set of open faults (keys name a fault). */
function nemesisStep(op: Op): NemesisStep {
  if (op.f === 'start') return { opens: 'jepsen', closes: [] };
  if (op.f === 'stop') return { closes: ['jepsen'] };
  const faultId = (op.value as { fault?: unknown } | null)?.fault;
  const suffix = faultId === undefined ? '' : `#${String(faultId)}`;
  if (op.f.startsWith('start-')) return { opens: `${op.f.slice(6)}${suffix}`, closes: [] };
  if (op.f.startsWith('stop-')) return { closes: [`${op.f.slice(5)}${suffix}`] };
  return { closes: [] };
}

/**
 * The history's last nemesis op (the final heal, in a run that heals at the
 * end), or undefined when there is none.
 *
 * @example
 * lastNemesisOp(history)?.f; // 'stop-partition'
 */
export function lastNemesisOp(history: readonly Op[]): Op | undefined {
  for (let i = history.length - 1; i >= 0; i--) if (history[i]!.process === 'nemesis') return history[i];
  return undefined;
}
