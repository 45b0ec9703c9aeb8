import type { ClockSetting, Effect, LinkSetting } from './effect.js';
import { FAULT_PARAMS, type Fault, type FaultKind } from './fault.js';
import { partitionLinks } from './plan-partition.js';
import { linksTouching, majorityCount } from './shapes.js';
import { groupTargets, leaderOrTargets, oneTarget, orderedNodes, validTargets, type FaultScope } from './targets.js';

export type { FaultScope } from './targets.js';

/**
 * A fault resolved against the world: the history op's family (`start-<family>`,
 * `stop-<family>`), the effects, and what to record about it.
 *
 * @example
 * planFault({ kind: 'crash-one', atMs: 0, durationMs: 100, targets: ['n2'] }, scope);
 * // { family: 'crash', effects: [{ type: 'down', nodes: ['n2'], loseUnsynced: false }], detail: { nodes: ['n2'] } }
 */
export interface FaultPlan {
  family: 'partition' | 'packet' | 'clock' | 'crash' | 'pause' | 'slow' | 'disk' | 'discovery' | 'byzantine';
  effects: Effect[];
  detail: Record<string, unknown>;
}

/**
 * Resolves a fault's targets against the world as it is when the fault starts
 * (see FAULT_TARGETING for how each kind reads its targets) and lists the
 * effects it has. Targets that name no store node are ignored.
 *
 * @example
 * planFault({ kind: 'partition-majority', atMs: 0, durationMs: 100 }, scope).detail; // { groups: [['n1', 'n2'], ['n3']] }
 */
export function planFault(fault: Fault, scope: FaultScope): FaultPlan {
  const kind = fault.kind;
  if (kind.startsWith('partition-')) return planPartition(fault, scope);
  switch (kind) {
    case 'latency': case 'loss': case 'duplicate': case 'reorder':
      return planPacket(fault, scope);
    case 'clock-bump': case 'clock-strobe': case 'clock-drift':
      return eachOne(fault, scope, 'clock', (node) => ({ type: 'clock', node, clock: clockSetting(fault) }));
    case 'crash-one': case 'crash-unsynced': case 'crash-leader': {
      const nodes = kind === 'crash-leader' ? leaderOrTargets(fault, scope).slice(0, 1) : oneTarget(fault, scope);
      return { family: 'crash', effects: [{ type: 'down', nodes, loseUnsynced: kind === 'crash-unsynced' }], detail: { nodes } };
    }
    case 'crash-minority': case 'crash-majority': case 'crash-all': {
      const ordered = orderedNodes(fault, scope);
      const count = kind === 'crash-all' ? ordered.length : kind === 'crash-majority' ? majorityCount(ordered.length) : Math.floor((ordered.length - 1) / 2);
      const nodes = ordered.slice(0, count);
      return { family: 'crash', effects: [{ type: 'down', nodes, loseUnsynced: false }], detail: { nodes } };
    }
    case 'pause': {
      const nodes = oneTarget(fault, scope);
      return { family: 'pause', effects: [{ type: 'pause', nodes, durationMs: fault.durationMs }], detail: { nodes } };
    }
    case 'slow':
      return eachOne(fault, scope, 'slow', (node) => ({ type: 'slow', node, extraMs: param(fault, 'extraMs') }));
    case 'disk-full': {
      const nodes = oneTarget(fault, scope);
      return { family: 'disk', effects: [{ type: 'disk-full', nodes }], detail: { nodes } };
    }
    case 'discovery':
      return { family: 'discovery', effects: [{ type: 'discovery' }], detail: {} };
    case 'region-loss': {
      const nodes = groupTargets(fault, scope);
      return { family: 'crash', effects: [{ type: 'destroy', nodes }], detail: { nodes, permanent: true } };
    }
    case 'region-isolation':
      return planPartition({ ...fault, kind: 'partition-group' }, scope);
    case 'corrupt-message': case 'equivocate': case 'forge-epoch': case 'replay-old': case 'lie-read': {
      const nodes = kind === 'equivocate' ? leaderOrTargets(fault, scope).slice(0, 1) : oneTarget(fault, scope);
      return { family: 'byzantine', effects: nodes.map((node) => ({ type: 'byzantine', node, behaviour: kind })), detail: { nodes } };
    }
    case 'corrupt-disk': {
      // Rot is found at restart: the node goes down, its records rot, and it reads them back at heal.
      const nodes = oneTarget(fault, scope);
      const effects: Effect[] = [{ type: 'down', nodes, loseUnsynced: false }, ...nodes.map((node): Effect => ({ type: 'rot-disk', node }))];
      return { family: 'byzantine', effects, detail: { nodes } };
    }
  }
  throw new Error(`unknown fault kind '${kind}'`);
}

function planPartition(fault: Fault, scope: FaultScope): FaultPlan {
  const { links, detail } = partitionLinks(fault, scope);
  return { family: 'partition', effects: [{ type: 'block', links }], detail };
}

function planPacket(fault: Fault, scope: FaultScope): FaultPlan {
  const nodes = validTargets(fault, scope) ?? [...scope.storeNodes];
  const links = linksTouching(nodes, scope.allNodes);
  const setting: LinkSetting = fault.kind === 'duplicate' ? 'duplicate' : fault.kind === 'reorder' ? 'reorder' : fault.kind === 'loss' ? 'loss' : 'latency';
  const value = param(fault, setting === 'latency' ? 'extraMs' : 'probability');
  const maxDelayMs = setting === 'reorder' ? param(fault, 'maxDelayMs') : undefined;
  const effect: Effect = maxDelayMs === undefined ? { type: 'link', setting, links, value } : { type: 'link', setting, links, value, maxDelayMs };
  return { family: 'packet', effects: [effect], detail: { nodes, ...paramsOf(fault) } };
}

function eachOne(fault: Fault, scope: FaultScope, family: 'clock' | 'slow', effectOf: (node: string) => Effect): FaultPlan {
  const nodes = oneTarget(fault, scope);
  return { family, effects: nodes.map(effectOf), detail: { nodes, ...paramsOf(fault) } };
}

function clockSetting(fault: Fault): ClockSetting {
  if (fault.kind === 'clock-drift') return { drift: param(fault, 'drift') };
  if (fault.kind === 'clock-strobe') return { strobe: { offsetMs: param(fault, 'offsetMs'), periodMs: param(fault, 'periodMs') } };
  return { offsetMs: param(fault, 'offsetMs') };
}

/**
 * A numeric parameter of a fault, or its default from FAULT_PARAMS.
 *
 * @example
 * param({ kind: 'loss', atMs: 0, durationMs: 10 }, 'probability'); // 0.3
 */
export function param(fault: Fault, name: string): number {
  const value = fault.params?.[name];
  if (typeof value === 'number') return value;
  const range = FAULT_PARAMS[fault.kind as FaultKind]?.[name];
  if (range === undefined) throw new Error(`fault kind '${fault.kind}' has no parameter '${name}'`);
  return range.default;
}

/** Every parameter of the kind, with defaults filled in, for the history. */
function paramsOf(fault: Fault): Record<string, number> {
  const names = Object.keys(FAULT_PARAMS[fault.kind] ?? {});
  return Object.fromEntries(names.map((name) => [name, param(fault, name)]));
}
