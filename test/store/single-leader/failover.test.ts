import { describe, expect, it } from 'vitest';
import type { DiskRecord } from '../../../src/store/single-leader/records.js';
import type { VoteReply } from '../../../src/store/single-leader/messages.js';
import { cluster } from './support/cluster.js';

describe('unplanned failover', () => {
  it('detects the dead leader, elects a successor in a new epoch and redirects clients to it', () => {
    const c = cluster();
    c.at(100, () => c.client().send('n1', 'write', 'x', 1));
    c.at(200, () => c.world.crash('n1'));
    c.at(1_500, () => {
      const follower = c.leader() === 'n2' ? 'n3' : 'n2';
      c.client().send(follower, 'write', 'x', 2);
    });
    c.world.runUntil(2_000);
    const successor = c.leader()!;
    expect(['n2', 'n3']).toContain(successor);
    // Suspected first, then declared dead, then an election in epoch 2 won by a majority.
    for (const id of ['n2', 'n3']) {
      const [suspect] = c.events('suspect').filter((e) => e.node === id);
      const [declared] = c.events('declare-dead').filter((e) => e.node === id);
      // The last heartbeat left up to one period (50 ms) before the crash; checks run every 25 ms.
      expect(suspect!.timeMs).toBeGreaterThanOrEqual(200 - 50 + 150);
      expect(declared!.timeMs).toBeGreaterThan(suspect!.timeMs);
      expect(declared!.timeMs).toBeLessThanOrEqual(200 + 300 + 25);
    }
    const election = c.events('election').find((e) => e.detail.epoch === 2)!;
    expect(election.node).toBe(successor);
    expect((election.detail.votes as string[]).length).toBeGreaterThanOrEqual(2);
    const write = c.client().requests[1]!;
    expect(write.replies[0]).toMatchObject({ outcome: 'redirect', leader: successor });
    expect(write.final).toMatchObject({ outcome: 'ok', value: 2 });
  });

  it('brings a restarted old leader back as a follower that catches up', () => {
    const c = cluster();
    c.at(100, () => c.world.crash('n1'));
    c.at(1_000, () => c.client().send(c.leader()!, 'write', 'x', 'while n1 was down'));
    c.at(1_200, () => c.world.restart('n1'));
    c.world.runUntil(1_600);
    expect(c.node('n1')!.role).toBe('follower');
    expect(c.node('n1')!.leaderId).toBe(c.leader());
    const states = c.states();
    expect(states.n1).toEqual(states[c.leader()!]);
  });

  it('persists at most one vote per epoch, and refuses a second candidate after a restart', () => {
    const c = cluster();
    c.at(100, () => c.world.crash('n1'));
    c.at(1_000, () => {
      const voter = c.leader() === 'n2' ? 'n3' : 'n2';
      const votes = (c.world.disk(voter).read() as DiskRecord[]).filter((r) => r.t === 'vote');
      expect(votes[votes.length - 1]).toEqual({ t: 'vote', epoch: 2, votedFor: c.leader() });
      c.world.crash(voter);
      c.world.restart(voter);
      // A rival asks for the same epoch's vote: refused, the vote survived the restart.
      c.client().raw(voter, { kind: 'vote-request', epoch: 2, candidate: 'n1', lastEpoch: 9, lastOffset: 99, preVote: false, transfer: true });
    });
    c.world.runUntil(1_100);
    expect(c.client().peerReplies.map((r) => r.msg as VoteReply)).toEqual([{ kind: 'vote-reply', epoch: 2, granted: false, preVote: false }]);
  });

  it('refuses a candidate whose log is behind', () => {
    const c = cluster();
    c.at(100, () => c.client().send('n1', 'write', 'x', 1));
    c.at(300, () => c.client().raw('n2', { kind: 'vote-request', epoch: 5, candidate: 'n3', lastEpoch: 1, lastOffset: 1, preVote: false, transfer: true }));
    c.world.runUntil(320);
    expect(c.client().peerReplies[0]!.msg).toMatchObject({ kind: 'vote-reply', granted: false });
  });

  it('does not let a node that was merely cut off depose a healthy leader (pre-vote)', () => {
    const c = cluster();
    c.at(100, () => c.world.partitionGroups([['n3'], ['n1', 'n2']]));
    c.at(2_000, () => c.world.heal());
    c.world.runUntil(3_000);
    expect(c.leader()).toBe('n1');
    expect(c.node('n1')!.replica.epoch).toBe(1);
    expect(c.node('n3')!.leaderId).toBe('n1');
  });
});

describe('failure detectors in the cluster', () => {
  /** A healthy cluster on a link whose latency swings between 1 and 120 ms. */
  function jitteryRun(failureDetector: object) {
    const c = cluster({ failureDetector, heartbeatIntervalMs: 50 }, { network: { latencyMs: { kind: 'uniform', min: 1, max: 120 } } });
    c.world.runUntil(20_000);
    return c;
  }

  it('phi accrual raises far fewer false suspicions than a fixed timeout tuned near the mean', () => {
    const fixed = jitteryRun({ kind: 'heartbeat', suspectAfterMs: 100, declareAfterMs: 120 });
    const phi = jitteryRun({ kind: 'phi', threshold: 8, windowSize: 100, minStdDevMs: 10 });
    const fixedFalse = fixed.events('declare-dead').length;
    const phiFalse = phi.events('declare-dead').length;
    expect(fixedFalse).toBeGreaterThan(10);
    expect(phiFalse).toBeLessThan(fixedFalse / 5);
  });

  it('with phi accrual, a crashed leader is still declared dead and replaced', () => {
    const c = cluster({ failureDetector: { kind: 'phi', threshold: 8, windowSize: 100, minStdDevMs: 10 } });
    c.at(2_000, () => c.world.crash('n1'));
    c.world.runUntil(3_500);
    const declared = c.events('declare-dead').filter((e) => e.timeMs > 2_000);
    expect(declared.length).toBeGreaterThan(0);
    expect(declared[0]!.timeMs - 2_000).toBeLessThan(400);
    expect(['n2', 'n3']).toContain(c.leader());
  });
});
