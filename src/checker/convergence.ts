/**
 * Convergence: once faults are healed and the world has settled, every replica
 * of every key holds the same state — the same value, or the same siblings
 * under the same versions.
 */
import { canonicalKey } from '../models/canonical.js';
import type { ReplicaState, ReplicaValue } from '../store/definition.js';
import type { AntiEntropyUsage } from './_internals/anti-entropy-usage.js';
import { missingContext, type Checker, type Verdict } from './checker.js';
import { antiEntropyUsage, settleWindow } from './_internals/anti-entropy-usage.js';

export { antiEntropyUsage, settleWindow, type AntiEntropyUsage, type SettleWindow } from './_internals/anti-entropy-usage.js';

/**
 * Options of {@link checkConvergence}.
 *
 * @example
 * const options: ConvergenceOptions = { replicasOf: (key) => ring.preferenceList(key, 3), settleTimeMs: 1000 };
 */
export interface ConvergenceOptions {
  /**
   * The nodes meant to hold each key (a leaderless preference list). Default:
   * every node holds every key (full replication). Only nodes present in the
   * states (alive at the end) are compared.
   */
  replicasOf?: (key: string) => readonly string[];
  /** How long the world settled after the final heal, for the evidence. */
  settleTimeMs?: number;
  /** What anti-entropy spent over the run, for the evidence. */
  antiEntropy?: AntiEntropyUsage;
  /** Divergent keys listed in full in the evidence (all are counted). Default 20. */
  maxListed?: number;
}

/**
 * One key whose replicas disagree: what each replica holds (null: it lacks the key).
 */
export interface DivergentKey {
  key: string;
  /** What differs: the values, only the versions, or the key is missing on some replicas. */
  differs: 'values' | 'versions' | 'missing';
  /** Number of distinct states among the replicas. */
  states: number;
  replicas: Record<string, ReplicaValue | null>;
}

/**
 * The evidence of {@link checkConvergence}.
 *
 * @example
 * checkConvergence(states).detail!.divergentCount; // 0
 */
export interface ConvergenceDetail {
  keys: number;
  replicas: string[];
  divergentCount: number;
  divergent: DivergentKey[];
  settleTimeMs?: number;
  antiEntropy?: AntiEntropyUsage;
}

/**
 * Checks that replicas agree on every key. Invalid (anomaly 'divergence') when
 * any key's replicas hold different values or versions, or a replica meant to
 * hold a key lacks it while another has it.
 *
 * @example
 * checkConvergence({
 *   n1: { x: { values: [1], version: { epoch: 1, offset: 3 } } },
 *   n2: { x: { values: [1], version: { epoch: 1, offset: 3 } } },
 * }).valid; // true
 */
export function checkConvergence(states: Record<string, ReplicaState>, options: ConvergenceOptions = {}): Verdict<ConvergenceDetail> {
  const nodes = Object.keys(states).sort();
  const keys = allKeys(states);
  const divergent: DivergentKey[] = [];
  for (const key of keys) {
    const holders = options.replicasOf ? options.replicasOf(key).filter((node) => node in states) : nodes;
    const found = divergence(key, holders, states);
    if (found !== undefined) divergent.push(found);
  }
  const detail: ConvergenceDetail = {
    keys: keys.length,
    replicas: nodes,
    divergentCount: divergent.length,
    divergent: divergent.slice(0, options.maxListed ?? 20),
    ...(options.settleTimeMs === undefined ? {} : { settleTimeMs: options.settleTimeMs }),
    ...(options.antiEntropy === undefined ? {} : { antiEntropy: options.antiEntropy }),
  };
  const after = options.settleTimeMs === undefined ? '' : ` ${options.settleTimeMs} ms after the final heal`;
  if (divergent.length === 0) {
    return { valid: true, reason: `${nodes.length} replicas agree on all ${keys.length} keys${after}`, detail };
  }
  const reason = `${divergent.length} of ${keys.length} keys diverge${after}; ${describe(divergent[0]!)}`;
  return { valid: false, anomaly: 'divergence', reason, detail };
}

/** The keys of every replica, sorted, each once. */
function allKeys(states: Record<string, ReplicaState>): string[] {
  const keys = new Set<string>();
  for (const state of Object.values(states)) for (const key of Object.keys(state)) keys.add(key);
  return [...keys].sort();
}

function divergence(key: string, holders: readonly string[], states: Record<string, ReplicaState>): DivergentKey | undefined {
  const valueTexts = new Set<string>();
  const fullTexts = new Set<string>();
  let missing = false;
  const replicas: Record<string, ReplicaValue | null> = {};
  for (const node of holders) {
    const value = states[node]![key];
    replicas[node] = value ?? null;
    if (value === undefined) {
      missing = true;
      continue;
    }
    const values = valuesText(value.values);
    valueTexts.add(values);
    fullTexts.add(`${values}@${canonicalKey(value.version)}`);
  }
  if (fullTexts.size <= 1 && !missing) return undefined;
  // Replicas that all lack a key agree on it; only a partial absence is divergence.
  if (fullTexts.size === 0) return undefined;
  const differs = valueTexts.size > 1 ? 'values' : missing ? 'missing' : 'versions';
  return { key, differs, states: fullTexts.size + (missing ? 1 : 0), replicas };
}

/** Sibling order is a replica's own business: compare values as a multiset. */
function valuesText(values: readonly unknown[]): string {
  return values.map(canonicalKey).sort().join('\u0001');
}

function describe(key: DivergentKey): string {
  const holds = Object.entries(key.replicas).map(([node, value]) =>
    value === null ? `${node} lacks it` : `${node} has ${JSON.stringify(value.values)} @ ${JSON.stringify(value.version ?? null)}`,
  );
  return `key ${key.key}: ${holds.join(', ')}`;
}

/**
 * The convergence checker: the context's final replica states, with the
 * settle window and anti-entropy usage its history and trace show. A recorded
 * history has no replica states: the verdict is unknown and says so.
 *
 * @example
 * convergenceChecker().check(run.history, { replicaStates: run.replicaStates, trace: run.trace, endTimeMs: run.stats.endTimeMs });
 */
export function convergenceChecker(): Checker {
  return {
    name: 'convergence',
    check(history, context) {
      if (context.replicaStates === undefined) return missingContext('convergence', 'the final replica states');
      const trace = context.trace ?? [];
      const options: ConvergenceOptions = { antiEntropy: antiEntropyUsage(trace) };
      if (context.replicasOf !== undefined) options.replicasOf = context.replicasOf;
      if (context.endTimeMs !== undefined) options.settleTimeMs = settleWindow(history, trace, context.endTimeMs).settleTimeMs;
      return checkConvergence(context.replicaStates, options);
    },
  };
}
