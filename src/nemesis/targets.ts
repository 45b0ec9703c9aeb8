import type { Fault } from './fault.js';

/**
 * What the nemesis knows about the world when a fault starts.
 */
export interface FaultScope {
  /** The store's nodes, in the store's order. */
  storeNodes: readonly string[];
  /** Every node of the world: store nodes and clients. */
  allNodes: readonly string[];
  /** Datacenter groups, when the store has several. */
  groups: readonly (readonly string[])[];
  /** The current leaders, most recent first (asked only by kinds that aim at the leader). */
  leaders(): string[];
}

/**
 * The targets that are store nodes, without repeats, in the targets' order;
 * undefined when the fault names none.
 *
 * @example
 * validTargets({ kind: 'pause', atMs: 0, durationMs: 1, targets: ['n9', 'n2'] }, scope); // ['n2']
 */
export function validTargets(fault: Fault, scope: FaultScope): string[] | undefined {
  if (fault.targets === undefined) return undefined;
  return [...new Set(fault.targets)].filter((node) => scope.storeNodes.includes(node));
}

/**
 * The one node a 'one' kind acts on: the first target; the first store node
 * when no targets are named; nothing when every target is gone.
 *
 * @example
 * oneTarget({ kind: 'crash-one', atMs: 0, durationMs: 1 }, scope); // ['n1']
 */
export function oneTarget(fault: Fault, scope: FaultScope): string[] {
  const targets = validTargets(fault, scope);
  if (targets === undefined) return scope.storeNodes.slice(0, 1);
  return targets.slice(0, 1);
}

/**
 * The store's nodes, those named in the targets first (in the targets' order).
 *
 * @example
 * orderedNodes({ kind: 'crash-minority', atMs: 0, durationMs: 1, targets: ['n3'] }, scope); // ['n3', 'n1', 'n2']
 */
export function orderedNodes(fault: Fault, scope: FaultScope): string[] {
  const first = validTargets(fault, scope) ?? [];
  return [...first, ...scope.storeNodes.filter((node) => !first.includes(node))];
}

/**
 * The current leaders, or the targets when no leader is known.
 *
 * @example
 * leaderOrTargets({ kind: 'crash-leader', atMs: 0, durationMs: 1, targets: ['n2'] }, scope); // ['n1'] while n1 leads
 */
export function leaderOrTargets(fault: Fault, scope: FaultScope): string[] {
  const leaders = scope.leaders().filter((node) => scope.storeNodes.includes(node));
  return leaders.length > 0 ? leaders : validTargets(fault, scope) ?? [];
}

/**
 * The group to cut off: the targets, else the store's first group, else the first node.
 *
 * @example
 * groupTargets({ kind: 'partition-group', atMs: 0, durationMs: 1 }, { ...scope, groups: [['a1', 'a2'], ['b1']] }); // ['a1', 'a2']
 */
export function groupTargets(fault: Fault, scope: FaultScope): string[] {
  const targets = validTargets(fault, scope);
  if (targets !== undefined) return targets;
  return [...(scope.groups[0] ?? scope.storeNodes.slice(0, 1))];
}
