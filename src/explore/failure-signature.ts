import type { Scenario } from '../run/scenario.js';
import { scenarioOps } from '../run/scenario.js';

/**
 * What makes two shrunk counterexamples the same finding: the anomaly, the
 * store (preset or mode), the fault kinds in schedule order and each client's
 * op verbs in order. Seeds, timings and values are left out: runs with other
 * seeds that shrink to the same shape found the same bug.
 *
 * @example
 * failureSignature('lost-write', shrunk.scenario);
 * // 'lost-write | sl-async | faults: crash-leader | p0: write, p1: read'
 */
export function failureSignature(anomaly: string, scenario: Scenario): string {
  const faults = scenario.faults.map((fault) => fault.kind).join(', ') || 'none';
  const byProcess = new Map<number, string[]>();
  for (const op of scenarioOps(scenario)) byProcess.set(op.process, [...(byProcess.get(op.process) ?? []), op.f]);
  const ops = [...byProcess.entries()].sort(([a], [b]) => a - b).map(([process, verbs]) => `p${process}: ${verbs.join(' ')}`).join(', ');
  return `${anomaly} | ${scenario.preset ?? scenario.store.mode} | faults: ${faults} | ${ops || 'no ops'}`;
}
