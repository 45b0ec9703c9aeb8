import { describe, expect, it } from 'vitest';
import type { MutationName } from '../../src/store/mutations.js';
import { singleLeaderWorld } from './support/single-leader-world.js';

/**
 * Each single-leader switch, driven by hand through the scenario that shows
 * its bug: with the switch on the nodes do the wrong thing, with it off the
 * same steps give the right result.
 */
describe('single-leader mutation switches', () => {
  /** n3 misses two writes to x while cut off, then catches up on both in one append. */
  function catchUpOnABatch(mutations: MutationName[]) {
    const w = singleLeaderWorld(mutations);
    w.at(100, () => w.isolate('n3', true));
    w.at(110, () => w.client().send('n1', 'write', 'x', 1));
    w.at(150, () => w.client().send('n1', 'write', 'x', 2));
    w.at(250, () => w.isolate('n3', false));
    w.world.runUntil(600);
    return w;
  }

  it('follower-out-of-order: a follower that catches up on a batch ends with the older value on top', () => {
    const off = catchUpOnABatch([]);
    const on = catchUpOnABatch(['follower-out-of-order']);
    for (const w of [off, on]) {
      expect(w.client().requests.map((r) => r.final?.outcome)).toEqual(['ok', 'ok']);
      // The log itself is the same either way: only the table applied it in the wrong order.
      expect(w.node('n3')!.replica.log.lastOffset).toBe(w.node('n1')!.replica.log.lastOffset);
      expect(w.node('n2')!.replica.table.read('x')).toBe(2);
    }
    expect(off.node('n3')!.replica.table.read('x')).toBe(2);
    expect(on.node('n3')!.replica.table.read('x')).toBe(1);
  });

  /** n3 misses a write while cut off; the leader n1 crashes; n3 comes back before n2 declares n1 dead. */
  function failoverWithALaggingFollower(mutations: MutationName[]) {
    const w = singleLeaderWorld(mutations);
    w.at(100, () => w.isolate('n3', true));
    w.at(150, () => w.client().send('n1', 'write', 'x', 1));
    w.at(300, () => w.world.crash('n1'));
    w.at(350, () => w.isolate('n3', false));
    w.at(2_000, () => w.client().send(w.leaders()[0]!, 'read', 'x', null));
    w.world.runUntil(2_200);
    return w;
  }

  it('failover-least-up-to-date: the follower that missed an acknowledged write wins and truncates it', () => {
    const off = failoverWithALaggingFollower([]);
    const on = failoverWithALaggingFollower(['failover-least-up-to-date']);
    for (const w of [off, on]) expect(w.client().requests[0]!.final).toMatchObject({ outcome: 'ok' });
    expect(off.leaders()).toEqual(['n2']);
    expect(off.client().requests[1]!.final).toMatchObject({ outcome: 'ok', value: 1 });
    expect(on.leaders()).toEqual(['n3']);
    expect(on.events('truncate').map((e) => e.node)).toContain('n2');
    expect(on.client().requests[1]!.final).toMatchObject({ outcome: 'ok', value: null });
  });

  /**
   * A write is acknowledged; within a millisecond both followers lose power;
   * the leader (the only durable holder) crashes before they come back.
   */
  function powerFailureAfterAnAck(mutations: MutationName[]) {
    const w = singleLeaderWorld(mutations);
    const lost: Record<string, string> = {};
    w.at(100, () => w.client().send('n1', 'write', 'x', 1));
    for (let atMs = 101; atMs < 130; atMs++) {
      w.at(atMs, () => {
        if (w.client().requests[0]!.final === undefined || 'n2' in lost) return;
        for (const id of ['n2', 'n3']) {
          w.world.crash(id, { loseUnsynced: true });
          lost[id] = w.world.trace.events.at(-1)!.detail!;
        }
      });
    }
    w.at(150, () => w.world.crash('n1', { loseUnsynced: false }));
    w.at(200, () => ['n2', 'n3'].forEach((id) => w.world.restart(id)));
    w.at(2_000, () => w.client().send(w.leaders()[0]!, 'read', 'x', null));
    w.world.runUntil(2_200);
    return { w, lost };
  }

  it('ack-before-fsync: followers acknowledge what a power failure then loses, and the write is gone', () => {
    const off = powerFailureAfterAnAck([]);
    const on = powerFailureAfterAnAck(['ack-before-fsync']);
    for (const { w } of [off, on]) expect(w.client().requests[0]!.final).toMatchObject({ outcome: 'ok' });
    expect(off.lost).toEqual({ n2: 'lost 0 unsynced', n3: 'lost 0 unsynced' });
    expect(Object.values(on.lost)).toContain('lost 1 unsynced');
    expect(off.w.client().requests[1]!.final).toMatchObject({ outcome: 'ok', value: 1 });
    expect(on.w.client().requests[1]!.final).toMatchObject({ outcome: 'ok', value: null });
  });
});
