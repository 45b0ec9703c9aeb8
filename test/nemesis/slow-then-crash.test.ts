import { expect, test } from 'vitest';
import type { Fault } from '../../src/nemesis/fault.js';
import { nemesisWorld, pingerStore, type PingLog } from './nemesis-world.js';

// Found by the final-heal property: a slow node's backlog of accepted messages, lost in a
// crash, used to be counted as dropped seconds later, when the node would have got to them.
test('messages a slow node accepted are dropped when it crashes, not later', () => {
  const faults: Fault[] = [
    { kind: 'crash-all', atMs: 47, durationMs: 0, params: {} },
    { kind: 'slow', atMs: 0, durationMs: 47, params: { extraMs: 12.25 } },
  ];
  const logs = new Map<string, PingLog>();
  const store = pingerStore(5, logs, { currentLeaders: () => ['n2'], groups: [['n1', 'n2'], ['n3', 'n4', 'n5']] });
  const { world, nemesis } = nemesisWorld({ store, faults, clients: 1, seed: 0 });
  world.runUntil(46);
  const droppedBefore = world.stats.total().dropped;
  world.runUntil(47);
  nemesis.healAll();
  const droppedAtHeal = world.stats.total().dropped;
  // The slow node's backlog is lost with the crash, and counted then.
  expect(droppedAtHeal).toBeGreaterThan(droppedBefore);
  world.runUntil(world.now() + 500);
  expect(world.stats.total().dropped).toBe(droppedAtHeal);
});
