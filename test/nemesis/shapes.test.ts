import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  bridgeSplit, linksBetweenGroups, linksTouching, majorityCount, majoritySplit, outgoingLinks, ringLinks, thirdSplit,
} from '../../src/nemesis/shapes.js';

const nodesArb = fc.integer({ min: 2, max: 9 }).map((count) => Array.from({ length: count }, (_, i) => `n${i + 1}`));

/** Who each node still hears from, given the cut links. */
function heardBy(nodes: string[], cut: [string, string][]): Map<string, Set<string>> {
  const blocked = new Set(cut.map(([from, to]) => `${from}->${to}`));
  return new Map(nodes.map((to) => [to, new Set(nodes.filter((from) => from === to || !blocked.has(`${from}->${to}`)))]));
}

describe('partition shapes', () => {
  test('a majority split puts a strict majority on one side and the rest on the other', () => {
    fc.assert(fc.property(nodesArb, (nodes) => {
      const [majority, minority] = majoritySplit(nodes);
      expect(majority!.length).toBe(majorityCount(nodes.length));
      expect(majority!.length * 2).toBeGreaterThan(nodes.length);
      expect([...majority!, ...minority!]).toEqual(nodes);
    }));
  });

  test('a third split cuts off a non-empty minority', () => {
    fc.assert(fc.property(nodesArb, (nodes) => {
      const [third, rest] = thirdSplit(nodes);
      expect(third!.length).toBeGreaterThan(0);
      expect(third!.length * 2).toBeLessThan(nodes.length + (nodes.length === 2 ? 1 : 0));
      expect([...third!, ...rest!]).toEqual(nodes);
    }));
  });

  test('between groups every cross link is cut both ways and no link inside a group is', () => {
    const links = linksBetweenGroups([['a', 'b'], ['c']]);
    expect(links).toEqual([['a', 'c'], ['b', 'c'], ['c', 'a'], ['c', 'b']]);
  });

  test('the bridge keeps every link, the two halves cannot reach each other', () => {
    fc.assert(fc.property(nodesArb.filter((nodes) => nodes.length >= 3), (nodes) => {
      const { bridge, groups } = bridgeSplit(nodes);
      const heard = heardBy(nodes, linksBetweenGroups(groups));
      for (const node of nodes) expect(heard.get(node)!.has(bridge!)).toBe(true);
      expect(heard.get(bridge!)!.size).toBe(nodes.length);
      const [left, right] = groups;
      for (const a of left!) for (const b of right!) expect(heard.get(a)!.has(b)).toBe(false);
    }));
  });

  test('on a ring every node hears a majority, and no two nodes hear the same majority', () => {
    fc.assert(fc.property(nodesArb.filter((nodes) => nodes.length >= 3), (nodes) => {
      const heard = heardBy(nodes, ringLinks(nodes));
      const views = nodes.map((node) => [...heard.get(node)!].sort().join(','));
      for (const node of nodes) expect(heard.get(node)!.size).toBeGreaterThanOrEqual(majorityCount(nodes.length));
      expect(new Set(views).size).toBe(nodes.length);
    }));
  });

  test('one-way isolation cuts only what the node sends', () => {
    expect(outgoingLinks('n2', ['n1', 'n2', 'n3'])).toEqual([['n2', 'n1'], ['n2', 'n3']]);
  });

  test('links touching the targets include links to clients, both ways', () => {
    const links = linksTouching(['n1'], ['n1', 'n2', 'c0']);
    expect(links).toEqual([['n1', 'n2'], ['n1', 'c0'], ['n2', 'n1'], ['c0', 'n1']]);
  });
});
