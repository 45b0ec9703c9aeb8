import { bridgeSplit, linksBetweenGroups, majoritySplit, ringLinks, thirdSplit } from '../nemesis/shapes.js';
import type { SimRandom } from '../sim/rng.js';

/**
 * The fault kinds `faultline test --nemesis` takes.
 *
 * @example
 * EXTERNAL_FAULTS.includes('pause'); // true
 */
export const EXTERNAL_FAULTS = ['partition', 'kill', 'pause'] as const;
export type ExternalFault = (typeof EXTERNAL_FAULTS)[number];

/** One fault on real processes: links cut (the simulator's partition shapes), or nodes killed or paused. */
export type PlannedFault =
  | { kind: 'partition'; shape: string; links: [string, string][] }
  | { kind: 'kill' | 'pause'; nodes: string[] };

/** A fault and when it starts and heals, in ms from the run's start. */
export interface FaultWindow {
  fault: PlannedFault;
  startMs: number;
  endMs: number;
}

/**
 * The fault schedule, fixed by the seed: every interval a fault of a random
 * kind starts, and it heals at the next interval; then a quiet interval, and so
 * on until the time limit (when everything heals anyway).
 *
 * @example
 * planFaults(new SimRandom(1), ['n1', 'n2', 'n3'], ['partition'], 2000, 10_000);
 * // [{ fault: { kind: 'partition', shape: 'majority', links: [...] }, startMs: 2000, endMs: 4000 }, ...]
 */
export function planFaults(rng: SimRandom, nodes: readonly string[], kinds: readonly ExternalFault[], intervalMs: number, timeLimitMs: number): FaultWindow[] {
  const windows: FaultWindow[] = [];
  if (kinds.length === 0 || nodes.length === 0) return windows;
  for (let startMs = intervalMs; startMs < timeLimitMs; startMs += 2 * intervalMs) {
    const kind = kinds[rng.int(0, kinds.length - 1)]!;
    windows.push({ fault: planFault(rng, nodes, kind), startMs, endMs: Math.min(startMs + intervalMs, timeLimitMs) });
  }
  return windows;
}

function planFault(rng: SimRandom, nodes: readonly string[], kind: ExternalFault): PlannedFault {
  const shuffled = shuffle(rng, nodes);
  if (kind === 'partition') {
    const shapes: { shape: string; links: () => [string, string][] }[] = [
      { shape: 'majority', links: () => linksBetweenGroups(majoritySplit(shuffled)) as [string, string][] },
      { shape: 'third', links: () => linksBetweenGroups(thirdSplit(shuffled)) as [string, string][] },
      { shape: 'isolate-one', links: () => linksBetweenGroups([shuffled.slice(0, 1), shuffled.slice(1)]) as [string, string][] },
      ...(nodes.length >= 3 ? [{ shape: 'bridge', links: () => bridgeLinks(shuffled) }, { shape: 'majorities-ring', links: () => ringLinks(shuffled) as [string, string][] }] : []),
    ];
    const picked = shapes[rng.int(0, shapes.length - 1)]!;
    return { kind, shape: picked.shape, links: picked.links() };
  }
  // A minority of the nodes (at least one): a majority stays up, as Jepsen's nemeses keep it.
  const count = rng.int(1, Math.max(1, Math.floor((nodes.length - 1) / 2)));
  return { kind, nodes: shuffled.slice(0, count).sort() };
}

function bridgeLinks(nodes: readonly string[]): [string, string][] {
  const { groups } = bridgeSplit(nodes);
  return linksBetweenGroups(groups) as [string, string][];
}

function shuffle<T>(rng: SimRandom, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/**
 * A fault in words, for the history and the log.
 *
 * @example
 * describeFault({ kind: 'kill', nodes: ['n2'] }); // 'kill n2'
 */
export function describeFault(fault: PlannedFault): string {
  if (fault.kind === 'partition') return `partition (${fault.shape}): ${fault.links.map(([from, to]) => `${from}-x->${to}`).join(' ')}`;
  return `${fault.kind} ${fault.nodes.join(', ')}`;
}
