import type { LinkRef } from '../sim/world.js';

/**
 * Partition shapes as pure functions of an ordered node list. Each returns the
 * directed links to cut; nodes keep every link not listed (clients in
 * particular are never cut off by a partition).
 */

/**
 * Every link between nodes of different groups, both ways; nodes in no group
 * keep all their links.
 *
 * @example
 * linksBetweenGroups([['n1'], ['n2', 'n3']]); // [['n1','n2'], ['n1','n3'], ['n2','n1'], ['n3','n1']]
 */
export function linksBetweenGroups(groups: readonly (readonly string[])[]): LinkRef[] {
  const links: LinkRef[] = [];
  groups.forEach((group, i) => {
    groups.forEach((other, j) => {
      if (i === j) return;
      for (const from of group) for (const to of other) links.push([from, to]);
    });
  });
  return links;
}

/**
 * Nodes needed for a majority of `count`.
 *
 * @example
 * majorityCount(5); // 3
 */
export function majorityCount(count: number): number {
  return Math.floor(count / 2) + 1;
}

/**
 * A clean split: the first majority of the nodes against the rest.
 *
 * @example
 * majoritySplit(['n1', 'n2', 'n3', 'n4', 'n5']); // [['n1','n2','n3'], ['n4','n5']]
 */
export function majoritySplit(nodes: readonly string[]): string[][] {
  const cut = majorityCount(nodes.length);
  return [nodes.slice(0, cut), nodes.slice(cut)];
}

/**
 * A minority third split off: the first round(n/3) nodes (at least one) against the rest.
 *
 * @example
 * thirdSplit(['n1', 'n2', 'n3', 'n4', 'n5']); // [['n1','n2'], ['n3','n4','n5']]
 */
export function thirdSplit(nodes: readonly string[]): string[][] {
  const cut = Math.max(1, Math.round(nodes.length / 3));
  return [nodes.slice(0, cut), nodes.slice(cut)];
}

/**
 * Two halves joined by one node: the first node (the bridge) keeps its links
 * to both halves, the halves cannot reach each other.
 *
 * @example
 * bridgeSplit(['n1', 'n2', 'n3', 'n4', 'n5']); // { bridge: 'n1', groups: [['n2','n3'], ['n4','n5']] }
 */
export function bridgeSplit(nodes: readonly string[]): { bridge: string | undefined; groups: string[][] } {
  const [bridge, ...rest] = nodes;
  const half = Math.ceil(rest.length / 2);
  return { bridge, groups: [rest.slice(0, half), rest.slice(half)] };
}

/**
 * Overlapping majorities on a ring: each node hears only from the nodes of its
 * own majority window, so every node sees a majority but no two see the same
 * one (Jepsen's majorities-ring). Where a symmetric window would be the whole
 * cluster (three or four nodes), the window runs one way round the ring and
 * the cuts are one-way.
 *
 * @example
 * ringLinks(['n1', 'n2', 'n3', 'n4', 'n5']); // n1 hears n5 and n2 only, n2 hears n1 and n3 only, ...
 */
export function ringLinks(nodes: readonly string[]): LinkRef[] {
  const count = nodes.length;
  const majority = majorityCount(count);
  const radius = Math.ceil((majority - 1) / 2);
  const symmetric = 2 * radius + 1 < count;
  const links: LinkRef[] = [];
  nodes.forEach((to, i) => {
    nodes.forEach((from, j) => {
      if (i === j) return;
      const ahead = (j - i + count) % count;
      const distance = Math.min(ahead, count - ahead);
      const heard = symmetric ? distance <= radius : ahead < majority;
      if (!heard) links.push([from, to]);
    });
  });
  return links;
}

/**
 * One-way isolation: the node's outgoing links are cut, its incoming ones kept
 * (it hears the others, nobody hears it).
 *
 * @example
 * outgoingLinks('n1', ['n1', 'n2', 'n3']); // [['n1','n2'], ['n1','n3']]
 */
export function outgoingLinks(node: string, nodes: readonly string[]): LinkRef[] {
  return nodes.filter((other) => other !== node).map((other): LinkRef => [node, other]);
}

/**
 * Every directed link with at least one end in `targets`, among `nodes`.
 *
 * @example
 * linksTouching(['n1'], ['n1', 'n2', 'c0']); // [['n1','n2'], ['n1','c0'], ['n2','n1'], ['c0','n1']]
 */
export function linksTouching(targets: readonly string[], nodes: readonly string[]): LinkRef[] {
  const chosen = new Set(targets);
  const links: LinkRef[] = [];
  for (const from of nodes) {
    for (const to of nodes) {
      if (from !== to && (chosen.has(from) || chosen.has(to))) links.push([from, to]);
    }
  }
  return links;
}
