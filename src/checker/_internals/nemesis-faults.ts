/**
 * When faults were in force, read from the nemesis ops of a history. Three
 * spellings are understood: the fault catalogue's `start-<family>` /
 * `stop-<family>` (paired by `value.fault`), Jepsen's `start` / `stop`, and a
 * scenario's direct fault actions (`partition`, `crash`, ...) undone by their
 * heal actions (`heal`, `restart`, ...) or by the final `healAll`.
 */
import type { Op } from '../../history/op.js';

/**
 * One fault's time in force. `endNs` is Infinity for a fault never healed.
 *
 * @example
 * const fault: FaultInterval = { name: 'start-pause', startNs: 1e8, endNs: 3e8, detail: { nodes: ['n1'] } };
 */
export interface FaultInterval {
  /** The nemesis op that started it (its f). */
  name: string;
  startNs: number;
  endNs: number;
  /** The starting op's value. */
  detail: unknown;
}

/** Heal actions of scenario faults, and the fault actions each one undoes. */
const UNDOES: Record<string, readonly string[]> = {
  heal: ['partition', 'partitionGroups', 'blockLink'],
  unblockLink: ['blockLink'],
  restart: ['crash'],
  resume: ['pause'],
  resetClock: ['setClockOffset', 'bumpClock', 'setClockDrift'],
  freeDisk: ['fillDisk'],
  healDiscovery: ['failDiscovery'],
};
const PARTITIONS = new Set(['partition', 'partitionGroups', 'blockLink']);
/** Settings that end their own fault when set back to zero. */
const ZEROABLE = new Set(['slow', 'setLoss', 'setDuplication', 'setReorder', 'addLatency']);
/** Faults that end by themselves after a duration given in their args. */
const SELF_ENDING: Record<string, (args: readonly unknown[]) => number | undefined> = {
  pause: (args) => (typeof args[1] === 'number' ? args[1] : undefined),
  failDiscovery: (args) => (typeof args[0] === 'number' ? args[0] : undefined),
};
const MS_NS = 1e6;

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
    fault.endNs = Math.min(fault.endNs, atNs);
    open.delete(key);
  };
  for (const op of history) {
    if (op.process !== 'nemesis') continue;
    const step = nemesisStep(op);
    if (step.closeAll) for (const key of [...open.keys()]) close(key, op.time);
    for (const key of step.closes) close(key, op.time);
    if (step.opens === undefined || open.has(step.opens)) continue;
    const fault: FaultInterval = { name: op.f, startNs: op.time, endNs: step.lastsNs === undefined ? Infinity : op.time + step.lastsNs, detail: op.value };
    faults.push(fault);
    open.set(step.opens, fault);
  }
  return faults;
}

interface NemesisStep {
  opens?: string;
  closes: string[];
  closeAll?: boolean;
  lastsNs?: number;
}

/** What one nemesis op does to the set of open faults (keys name a fault and its target). */
function nemesisStep(op: Op): NemesisStep {
  const args = Array.isArray(op.value) ? (op.value as unknown[]) : [];
  const faultId = (op.value as { fault?: unknown } | null)?.fault;
  const suffix = faultId === undefined ? '' : `#${String(faultId)}`;
  if (op.f === 'healAll') return { closes: [], closeAll: true };
  if (op.f === 'start' || op.f === 'stop') return op.f === 'start' ? { opens: 'jepsen', closes: [] } : { closes: ['jepsen'] };
  if (op.f.startsWith('start-')) return { opens: `${op.f.slice(6)}${suffix}`, closes: [] };
  if (op.f.startsWith('stop-')) return { closes: [`${op.f.slice(5)}${suffix}`] };
  const target = args.length > 0 && typeof args[0] === 'string' ? `:${args[0]}` : '';
  // Cuts are one fault until a heal, whatever links they name.
  const keyOf = (action: string) => (PARTITIONS.has(action) ? action : `${action}${target}`);
  const undone = UNDOES[op.f];
  if (undone !== undefined) return { closes: undone.map(keyOf) };
  if (ZEROABLE.has(op.f) && args[args.length - 1] === 0) return { closes: [keyOf(op.f)] };
  const lastsMs = SELF_ENDING[op.f]?.(args);
  return { opens: keyOf(op.f), closes: [], ...(lastsMs === undefined ? {} : { lastsNs: lastsMs * MS_NS }) };
}

/**
 * The history's last nemesis op (the final heal, in a run that heals at the
 * end), or undefined when there is none.
 *
 * @example
 * lastNemesisOp(history)?.f; // 'healAll'
 */
export function lastNemesisOp(history: readonly Op[]): Op | undefined {
  for (let i = history.length - 1; i >= 0; i--) if (history[i]!.process === 'nemesis') return history[i];
  return undefined;
}
