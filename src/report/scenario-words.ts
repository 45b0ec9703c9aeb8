import type { Scenario } from '../run/scenario.js';
import { FAULT_TARGETING, type Fault } from '../nemesis/fault.js';
import { createStore, defaultStoreConfig, type StoreConfig } from '../store/config.js';
import { MODES } from '../store/modes.js';

/**
 * A scenario in words, one line per part: the store (mode, nodes, and only the
 * settings that differ from the mode's defaults, which are documented), the workload,
 * then each fault in time order.
 *
 * @example
 * describeScenario(scenario).join('\n');
 * // store: single-leader, nodes n1 n2 n3 (preset sl-async); unlike the defaults: singleLeader.acks=async
 * // workload: register, 8 ops by 2 clients on 1 key; seed 17
 * // faults, in time order:
 * //   at 120 ms for 400 ms: partition-leader on the current leader (n1 if none is known)
 */
export function describeScenario(scenario: Scenario): string[] {
  const lines = [describeStore(scenario.store, scenario.preset), describeWorkload(scenario)];
  if (scenario.faults.length === 0) {
    lines.push('faults: none');
  } else {
    lines.push('faults, in time order:');
    for (const fault of faultsInTimeOrder(scenario.faults)) lines.push(`  ${describeFault(fault)}`);
  }
  return lines;
}

/**
 * The store's mode, node ids and non-default settings as one line.
 *
 * @example
 * describeStore(defaultStoreConfig('leaderless')); // 'store: leaderless, nodes n1 n2 n3; default settings'
 */
export function describeStore(store: StoreConfig, preset?: string): string {
  const from = preset === undefined ? '' : ` (preset ${preset})`;
  // A store of the user's own: its definition is not at hand here, so its settings are listed as they are.
  if (!Object.hasOwn(MODES, store.mode)) return `store: ${store.mode}${from}; settings: ${settingsDiff(store, { mode: store.mode }).join(', ') || 'none given'}`;
  const nodes = nodeIdsOf(store);
  const changed = settingsDiff(store, defaultStoreConfig(store.mode));
  const settings = changed.length === 0 ? 'default settings' : `unlike the defaults: ${changed.join(', ')}`;
  return `store: ${store.mode}, ${nodes.length > 0 ? `nodes ${nodes.join(' ')}` : 'no nodes'}${from}; ${settings}`;
}

/**
 * One fault as a line: when, for how long, what, on which nodes, with which numbers.
 *
 * @example
 * describeFault({ kind: 'crash-one', atMs: 100, durationMs: 50, targets: ['n2'] });
 * // 'at 100 ms for 50 ms: crash-one on n2'
 */
export function describeFault(fault: Fault): string {
  const targets = targetWords(fault);
  const params = Object.entries(fault.params ?? {}).map(([name, value]) => `${name}=${value}`);
  return `at ${ms(fault.atMs)} for ${ms(fault.durationMs)}: ${fault.kind}${targets}${params.length > 0 ? ` (${params.join(', ')})` : ''}`;
}

/**
 * Faults sorted by start time (ties keep their order), as a schedule reads.
 *
 * @example
 * faultsInTimeOrder(scenario.faults)[0]!.atMs;
 */
export function faultsInTimeOrder(faults: readonly Fault[]): Fault[] {
  return faults.map((fault, i) => ({ fault, i })).sort((a, b) => a.fault.atMs - b.fault.atMs || a.i - b.i).map(({ fault }) => fault);
}

/** Leader kinds find their node when they start; whole-cluster kinds only take their targets as an order. */
function targetWords(fault: Fault): string {
  const named = fault.targets && fault.targets.length > 0 ? fault.targets.join(' ') : undefined;
  switch (FAULT_TARGETING[fault.kind]) {
    case 'leader':
      return ` on the current leader${named === undefined ? '' : ` (${named} if none is known)`}`;
    case 'all':
      return named === undefined ? '' : ` (taking nodes in the order ${named})`;
    default:
      return named === undefined ? '' : ` on ${named}`;
  }
}

function describeWorkload(scenario: Scenario): string {
  const w = scenario.workload;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const extras = [
    w.readFraction === undefined ? undefined : `read fraction ${w.readFraction}`,
    w.values === undefined ? undefined : `${w.values} values`,
    w.spacingMs === undefined ? undefined : `an op every ~${ms(w.spacingMs)} per client`,
    scenario.settleMs === undefined ? undefined : `settle ${ms(scenario.settleMs)}`,
  ].filter((part) => part !== undefined);
  const ops = scenario.ops === undefined ? plural(w.ops, 'op') : `${plural(scenario.ops.length, 'listed op')}`;
  return `workload: ${w.workload}, ${ops} by ${plural(w.clients, 'client')} on ${plural(w.keys, 'key')}` +
    `${extras.length > 0 ? `, ${extras.join(', ')}` : ''}; seed ${scenario.seed}`;
}

function nodeIdsOf(store: StoreConfig): string[] {
  try {
    return [...createStore(store).nodeIds];
  } catch {
    return [];
  }
}

/** `path=value` for every leaf setting that differs from the defaults (paths as in config files). */
function settingsDiff(actual: unknown, defaults: unknown, path = ''): string[] {
  if (isPlainObject(actual) && isPlainObject(defaults)) {
    return Object.keys(actual).flatMap((key) => settingsDiff(actual[key], defaults[key], path === '' ? key : `${path}.${key}`));
  }
  return JSON.stringify(actual) === JSON.stringify(defaults) ? [] : [`${path}=${typeof actual === 'string' ? actual : JSON.stringify(actual)}`];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function ms(value: number): string {
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ms`;
}
