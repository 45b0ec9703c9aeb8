import { describe, expect, it } from 'vitest';
import type { AppendRequest } from '../../../src/store/single-leader/messages.js';
import { cluster, valueIn } from './support/cluster.js';

/** n1 leads, then is cut off from n2 and n3 (both ways); the client still reaches everyone. */
function isolateOldLeader(fencing: boolean, acks: 'async' | 'majority') {
  const c = cluster({ fencing, acks, requestTimeoutMs: 500 });
  c.at(100, () => c.client().send('n1', 'write', 'x', 'before'));
  c.at(200, () => c.world.partitionGroups([['n1'], ['n2', 'n3']]));
  c.at(1_200, () => c.client().send('n1', 'write', 'x', 'old-leader', { followRedirects: false }));
  c.at(1_210, () => c.client().send(c.leader() === 'n1' ? 'n2' : c.leader()!, 'write', 'y', 'new-leader'));
  c.at(2_000, () => c.world.heal());
  c.world.runUntil(3_000);
  return c;
}

describe('fencing by epoch', () => {
  it('off: a partitioned old leader keeps accepting and acknowledging writes (split brain), then loses them', () => {
    const c = isolateOldLeader(false, 'async');
    const [, oldLeaderWrite, newLeaderWrite] = c.client().requests;
    expect(oldLeaderWrite!.final).toMatchObject({ outcome: 'ok', value: 'old-leader' });
    expect(oldLeaderWrite!.answeredBy).toBe('n1');
    expect(newLeaderWrite!.final?.outcome).toBe('ok');
    expect(newLeaderWrite!.answeredBy).not.toBe('n1');
    // Two leaders acknowledged writes at the same time, in epochs 1 and 2.
    expect(c.events('election').map((e) => e.detail.epoch)).toEqual([1, 2]);
    // After the heal n1 sees epoch 2, steps down and truncates what only it had.
    const stepDown = c.events('step-down').find((e) => e.node === 'n1')!;
    expect(stepDown.timeMs).toBeGreaterThanOrEqual(2_000);
    expect(c.events('truncate').some((e) => e.node === 'n1')).toBe(true);
    for (const state of Object.values(c.states())) {
      expect(valueIn(state, 'x')).toBe('before');
      expect(valueIn(state, 'y')).toBe('new-leader');
    }
  });

  it('on: the cut-off leader steps down for lack of a quorum and stops taking writes', () => {
    const c = isolateOldLeader(true, 'async');
    const stepDown = c.events('step-down').find((e) => e.node === 'n1')!;
    expect(stepDown.detail.reason).toBe('lost-quorum');
    expect(stepDown.timeMs).toBeLessThan(1_200);
    const [, oldLeaderWrite, newLeaderWrite] = c.client().requests;
    expect(oldLeaderWrite!.final?.outcome).toBe('redirect');
    expect(newLeaderWrite!.final?.outcome).toBe('ok');
  });

  it('majority mode: with fencing the cut-off leader refuses writes; without, it takes them and cannot acknowledge', () => {
    const fenced = isolateOldLeader(true, 'majority');
    expect(fenced.client().requests[1]!.final?.outcome).toBe('redirect');
    const unfenced = isolateOldLeader(false, 'majority');
    expect(unfenced.client().requests[1]!.final).toMatchObject({ outcome: 'error', error: 'timeout' });
  });

  it('followers reject appends from a lower epoch when fencing is on, and apply them when it is off', () => {
    for (const fencing of [true, false]) {
      const c = cluster({ fencing });
      c.at(100, () => c.client().send('n1', 'write', 'x', 1));
      c.at(200, () => c.world.crash('n1'));
      c.at(1_500, () => {
        const n3 = c.node('n3')!;
        expect(n3.replica.epoch).toBe(2);
        const stale: AppendRequest = {
          kind: 'append', epoch: 1, leader: 'n1', prevOffset: n3.replica.log.lastOffset, prevEpoch: n3.replica.log.lastEpoch,
          entries: [{ epoch: 1, offset: n3.replica.log.lastOffset + 1, payload: { kind: 'wal', records: [{ op: 'set', key: 'x', value: 'stale' }] } }],
          commitOffset: 0, round: 1,
        };
        c.client().raw('n3', stale);
      });
      c.world.runUntil(1_520);
      const reply = c.client().peerReplies[0]!.msg;
      expect(reply).toMatchObject({ kind: 'append-reply', epoch: 2, ok: !fencing });
      expect(valueIn(c.store.replicaState(c.node('n3')!), 'x')).toBe(fencing ? 1 : 'stale');
    }
  });
});
