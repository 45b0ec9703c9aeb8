import type { LinkRef } from '../sim/world.js';
import type { Fault } from './fault.js';
import { bridgeSplit, linksBetweenGroups, majoritySplit, outgoingLinks, ringLinks, thirdSplit } from './shapes.js';
import { groupTargets, leaderOrTargets, oneTarget, orderedNodes, type FaultScope } from './targets.js';

/**
 * The links a partition fault cuts, and what to record about its shape
 * (`groups`, a `bridge`, or the cut `links` for the shapes groups cannot say).
 *
 * @example
 * partitionLinks({ kind: 'partition-one', atMs: 0, durationMs: 9, targets: ['n2'] }, scope).detail; // { groups: [['n2'], ['n1', 'n3']] }
 */
export function partitionLinks(fault: Fault, scope: FaultScope): { links: LinkRef[]; detail: Record<string, unknown> } {
  const rest = (inside: readonly string[]) => scope.storeNodes.filter((node) => !inside.includes(node));
  const split = (groups: string[][]) => {
    const nonEmpty = groups.filter((group) => group.length > 0);
    return { links: linksBetweenGroups(nonEmpty), detail: { groups: nonEmpty } };
  };
  const cut = (links: LinkRef[], detail: Record<string, unknown> = {}) => ({ links, detail: { ...detail, links: links.map(([from, to]) => `${from}->${to}`) } });
  switch (fault.kind) {
    case 'partition-one': return split(oneTarget(fault, scope).flatMap((node) => [[node], rest([node])]));
    case 'partition-majority': return split(majoritySplit(orderedNodes(fault, scope)));
    case 'partition-third': return split(thirdSplit(orderedNodes(fault, scope)));
    case 'partition-bridge': {
      const { bridge, groups } = bridgeSplit(orderedNodes(fault, scope));
      return { links: linksBetweenGroups(groups), detail: { groups, bridge } };
    }
    case 'partition-ring': return cut(ringLinks(orderedNodes(fault, scope)));
    case 'partition-leader': {
      const leaders = leaderOrTargets(fault, scope);
      return split(leaders.length === 0 ? [] : [...leaders.map((node) => [node]), rest(leaders)]);
    }
    case 'partition-group': {
      const group = groupTargets(fault, scope);
      return split(group.length === 0 ? [] : [group, rest(group)]);
    }
    case 'partition-one-way': {
      const nodes = oneTarget(fault, scope);
      return cut(nodes.flatMap((node) => outgoingLinks(node, scope.storeNodes)), { nodes });
    }
    default:
      throw new Error(`not a partition: '${fault.kind}'`);
  }
}
