import { describe, expect, it } from 'vitest';
import type { AckMode } from '../../../src/store/single-leader/config.js';
import { cluster, valueIn, type Cluster } from './support/cluster.js';

/**
 * n1 leads; x = 1 is replicated everywhere. Then n1 can no longer send to the
 * others (its outgoing links are cut), takes the write x = 2, and crashes. The others
 * elect a new leader; n1 comes back later as a follower.
 */
function crashAfterUnreplicatedWrite(acks: AckMode): Cluster {
  const c = cluster({ acks });
  c.at(100, () => c.client().send('n1', 'write', 'x', 1));
  c.at(200, () => c.world.partition([['n1', 'n2'], ['n1', 'n3']]));
  c.at(210, () => c.client().send('n1', 'write', 'x', 2));
  c.at(250, () => c.world.crash('n1'));
  c.at(1_500, () => {
    c.world.heal();
    c.world.restart('n1');
  });
  c.at(2_500, () => c.client().send('n2', 'read', 'x', null));
  c.world.runUntil(3_000);
  return c;
}

describe('acknowledgement modes', () => {
  it('async: a write acknowledged after the leader’s own fsync is lost when it crashes', () => {
    const c = crashAfterUnreplicatedWrite('async');
    const [first, lost, read] = c.client().requests;
    expect(first!.final?.outcome).toBe('ok');
    expect(lost!.final).toMatchObject({ outcome: 'ok', value: 2 }); // acknowledged...
    expect(read!.final).toMatchObject({ outcome: 'ok', value: 1 }); // ...and gone
    const election = c.events('election').find((e) => e.detail.epoch === 2)!;
    expect(['n2', 'n3']).toContain(election.node);
    // The restarted old leader dropped its divergent entry to follow the new leader.
    expect(c.events('truncate').some((e) => e.node === 'n1')).toBe(true);
    for (const state of Object.values(c.states())) expect(valueIn(state, 'x')).toBe(1);
  });

  it('majority: the same crash loses no acknowledged write', () => {
    const c = crashAfterUnreplicatedWrite('majority');
    const [first, unacknowledged, read] = c.client().requests;
    expect(first!.final?.outcome).toBe('ok');
    expect(unacknowledged!.final?.outcome).not.toBe('ok'); // never acknowledged: n1 crashed waiting for acks
    expect(read!.final).toMatchObject({ outcome: 'ok', value: 1 });
    for (const state of Object.values(c.states())) expect(valueIn(state, 'x')).toBe(1);
  });

  it('majority: a leader cut off from the others answers "error" (unknown), never "ok"', () => {
    const c = cluster({ acks: 'majority' });
    c.at(100, () => c.world.partition([['n1', 'n2'], ['n1', 'n3']]));
    c.at(110, () => c.client().send('n1', 'write', 'x', 1));
    c.world.runUntil(2_000);
    const write = c.client().requests[0]!;
    expect(write.final?.outcome).toBe('error');
  });

  it('semi-sync: one follower’s ack suffices; none times out as unknown', () => {
    const c = cluster({ acks: 'semi-sync', fencing: false, requestTimeoutMs: 400 });
    c.at(100, () => c.world.partition([['n1', 'n2']]));
    c.at(110, () => c.client().send('n1', 'write', 'x', 1));
    c.at(300, () => c.world.partition([['n1', 'n3']]));
    c.at(310, () => c.client().send('n1', 'write', 'x', 2));
    c.world.runUntil(1_000);
    const [one, none] = c.client().requests;
    expect(one!.final?.outcome).toBe('ok');
    expect(none!.final).toMatchObject({ outcome: 'error', error: 'timeout' });
  });

  it('sync: every follower must ack, so one crashed follower blocks acknowledgement', () => {
    const c = cluster({ acks: 'sync', requestTimeoutMs: 400 });
    c.at(100, () => c.client().send('n1', 'write', 'x', 1));
    c.at(200, () => c.world.crash('n3'));
    c.at(210, () => c.client().send('n1', 'write', 'x', 2));
    c.world.runUntil(1_000);
    const [before, after] = c.client().requests;
    expect(before!.final?.outcome).toBe('ok');
    expect(after!.final).toMatchObject({ outcome: 'error', error: 'timeout' });
    // Unknown, not failed: the entry is in the log and applies once n3 is back.
    c.world.restart('n3');
    c.world.runUntil(1_500);
    for (const state of Object.values(c.states())) expect(valueIn(state, 'x')).toBe(2);
  });
});
