import { hash32 } from '../shared/hash-ring.js';
import type { MultiLeaderConfig, MultiLeaderGroup } from './config.js';

/**
 * A group with its node ids worked out: the leader and its followers.
 */
export interface ResolvedGroup {
  name: string;
  leader: string;
  followers: string[];
  nodes: string[];
}

/**
 * Who is where: every node computes the same topology from the config alone, so no
 * membership protocol is needed (groups and leaders are static).
 *
 * @example
 * const topo = new Topology(defaultMultiLeaderConfig());
 * topo.groupOf('dc2-n2').leader; // 'dc2-n1'
 * topo.homeLeader('user:1');     // 'dc1-n1' or 'dc2-n1', the same on every node
 */
export class Topology {
  readonly groups: readonly ResolvedGroup[];
  readonly nodeIds: readonly string[];
  readonly leaders: readonly string[];
  private readonly groupByNode = new Map<string, ResolvedGroup>();

  constructor(config: Pick<MultiLeaderConfig, 'groups'>) {
    this.groups = config.groups.map(resolveGroup);
    this.nodeIds = this.groups.flatMap((group) => group.nodes);
    this.leaders = this.groups.map((group) => group.leader);
    for (const group of this.groups) {
      for (const node of group.nodes) this.groupByNode.set(node, group);
    }
  }

  /** The group `nodeId` belongs to; throws for a node outside the store. */
  groupOf(nodeId: string): ResolvedGroup {
    const group = this.groupByNode.get(nodeId);
    if (group === undefined) throw new Error(`${nodeId} is not a node of this multi-leader store`);
    return group;
  }

  isLeader(nodeId: string): boolean {
    return this.groupOf(nodeId).leader === nodeId;
  }

  /** The leaders of every other group, in config order. */
  peerLeaders(leaderId: string): string[] {
    return this.leaders.filter((leader) => leader !== leaderId);
  }

  /** The group a key lives in under home routing: a hash of the key's text. */
  homeGroup(key: string): ResolvedGroup {
    return this.groups[hash32(key) % this.groups.length]!;
  }

  homeLeader(key: string): string {
    return this.homeGroup(key).leader;
  }
}

/**
 * The ids of a group's nodes: the given list, or `<name>-n1` … `<name>-nK`.
 *
 * @example
 * groupNodeIds({ name: 'eu', nodes: 2 }); // ['eu-n1', 'eu-n2']
 */
export function groupNodeIds(group: MultiLeaderGroup): string[] {
  if (Array.isArray(group.nodes)) return [...group.nodes];
  return Array.from({ length: group.nodes }, (_, i) => `${group.name}-n${i + 1}`);
}

function resolveGroup(group: MultiLeaderGroup): ResolvedGroup {
  const nodes = groupNodeIds(group);
  return { name: group.name, leader: nodes[0]!, followers: nodes.slice(1), nodes };
}
