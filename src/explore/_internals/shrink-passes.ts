import { FAULT_TARGETING, type Fault } from '../../nemesis/fault.js';
import type { ScenarioOutcome } from '../../run/run-scenario.js';
import type { Scenario } from '../../run/scenario.js';
import type { ScenarioOp } from '../../client/op-source.js';
import type { ModeDefinition } from '../../store/mode-definition.js';
import { storeTopology } from '../../store/topology.js';
import { smallerStores } from './shrink-store.js';

/**
 * A shrink pass: the candidates one step smaller than a scenario, most
 * ambitious first. The shrinker re-runs each and restarts the pass from the
 * first candidate that still fails. Most passes look at the scenario only;
 * `outcome` is the run that failed, for passes that read where it failed, and
 * `modes` the stores of the caller's own the scenario may name.
 */
export type ShrinkPass = (scenario: Scenario, outcome: ScenarioOutcome, modes: readonly ModeDefinition[]) => Iterable<Scenario>;

/**
 * Everything that starts after the failing op completed left out: ops that may
 * not start before then, and faults that start later. Nothing before that
 * instant changes (the world draws its randomness in event order), so the same
 * op fails the same way; and ops invoked after it completed must be linearized
 * after it, so they could never have made it linearizable.
 */
export function* cutAfterFailure(scenario: Scenario, outcome: ScenarioOutcome): Generator<Scenario> {
  const endMs = failingOpEndMs(outcome);
  if (endMs === undefined) return;
  const ops = (scenario.ops ?? []).filter((op) => (op.atMs ?? 0) <= endMs);
  const faults = scenario.faults.filter((fault) => fault.atMs <= endMs);
  if (ops.length < (scenario.ops ?? []).length || faults.length < scenario.faults.length) yield { ...withOps(scenario, ops), faults };
}

/** When the op the linearizability search could not place completed, in virtual ms. */
function failingOpEndMs(outcome: ScenarioOutcome): number | undefined {
  const check = outcome.verdict.checks?.linearizable as { detail?: { failures?: Array<{ blocked?: { completeIndex?: number } }> } } | undefined;
  const index = check?.detail?.failures?.[0]?.blocked?.completeIndex;
  if (index === undefined) return undefined;
  const op = outcome.run.history.find((candidate) => candidate.index === index);
  return op === undefined ? undefined : op.time / 1e6;
}

/** The scenario with these ops, and the spec's op count kept in step with them. */
function withOps(scenario: Scenario, ops: ScenarioOp[]): Scenario {
  return { ...scenario, ops, workload: { ...scenario.workload, ops: ops.length } };
}

/** No faults at all, then each fault left out, latest first (late faults matter least often). */
export function* dropFaults(scenario: Scenario): Generator<Scenario> {
  const { faults } = scenario;
  if (faults.length > 1) yield { ...scenario, faults: [] };
  for (let i = faults.length - 1; i >= 0; i--) yield { ...scenario, faults: faults.filter((_, j) => j !== i) };
}

/**
 * The first k ops only, for k = 1, 2, 4, ... below the count: a violation
 * usually shows within a short prefix, and a run of a short prefix is cheap.
 */
export function* truncateOps(scenario: Scenario): Generator<Scenario> {
  const ops = scenario.ops ?? [];
  for (let k = 1; k < ops.length; k *= 2) yield withOps(scenario, ops.slice(0, k));
  if (ops.length > 1) yield withOps(scenario, ops.slice(0, ops.length - 1));
}

/** Chunks of ops left out, halves first, then quarters..., then single ops (as ddmin). */
export function* removeOpChunks(scenario: Scenario): Generator<Scenario> {
  const ops = scenario.ops ?? [];
  for (let size = Math.floor(ops.length / 2); size >= 1; size = Math.floor(size / 2)) {
    for (let start = ops.length - size; start >= 0; start -= size) {
      yield withOps(scenario, [...ops.slice(0, start), ...ops.slice(start + size)]);
    }
  }
}

/** Every op of one client left out, and the clients renumbered 0..k-1 in order. */
export function* dropClients(scenario: Scenario): Generator<Scenario> {
  const ops = scenario.ops ?? [];
  const processes = [...new Set(ops.map((op) => op.process))].sort((a, b) => a - b);
  const dense = processes.every((p, i) => p === i) && processes.length === scenario.workload.clients;
  if (!dense) yield renumberClients(scenario, ops);
  if (processes.length <= 1) return;
  for (const process of processes.reverse()) yield renumberClients(scenario, ops.filter((op) => op.process !== process));
}

function renumberClients(scenario: Scenario, ops: ScenarioOp[]): Scenario {
  const order = [...new Set(ops.map((op) => op.process))].sort((a, b) => a - b);
  const renumbered = ops.map((op) => ({ ...op, process: order.indexOf(op.process) }));
  const shrunk = withOps(scenario, renumbered);
  return { ...shrunk, workload: { ...shrunk.workload, clients: Math.max(1, order.length) } };
}

/** One node fewer, with fault targets that no longer exist taken out (a fault left with none goes). */
export function* fewerNodes(scenario: Scenario, _outcome: ScenarioOutcome, modes: readonly ModeDefinition[]): Generator<Scenario> {
  for (const store of smallerStores(scenario.store, modes)) {
    let nodeIds: Set<string>;
    try {
      nodeIds = new Set(storeTopology(store, modes).nodeIds);
    } catch {
      continue; // a store the config rules refuse is no candidate
    }
    const faults = scenario.faults.flatMap((fault) => keepTargets(fault, nodeIds));
    yield { ...scenario, store, faults };
  }
}

function keepTargets(fault: Fault, nodeIds: ReadonlySet<string>): Fault[] {
  if (fault.targets === undefined) return [fault];
  const targets = fault.targets.filter((id) => nodeIds.has(id));
  if (targets.length === 0 && FAULT_TARGETING[fault.kind] !== 'leader' && FAULT_TARGETING[fault.kind] !== 'all') return [];
  return [{ ...fault, targets }];
}

/** Each fault half as long, then each fault's targets one fewer (for kinds that take several). */
export function* shortenFaults(scenario: Scenario): Generator<Scenario> {
  const { faults } = scenario;
  const replace = (i: number, fault: Fault) => ({ ...scenario, faults: faults.map((f, j) => (j === i ? fault : f)) });
  for (let i = 0; i < faults.length; i++) {
    const fault = faults[i]!;
    if (fault.durationMs > 1) yield replace(i, { ...fault, durationMs: Math.floor(fault.durationMs / 2) });
  }
  for (let i = 0; i < faults.length; i++) {
    const { targets } = faults[i]!;
    if (FAULT_TARGETING[faults[i]!.kind] !== 'some' || targets === undefined || targets.length <= 1) continue;
    for (let t = targets.length - 1; t >= 0; t--) yield replace(i, { ...faults[i]!, targets: targets.filter((_, u) => u !== t) });
  }
}
