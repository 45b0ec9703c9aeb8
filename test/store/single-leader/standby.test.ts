import { describe, expect, it } from 'vitest';
import { HeartbeatDetector } from '../../../src/store/shared/heartbeat-detector.js';
import { defaultStandby } from '../../../src/store/single-leader/config.js';
import { SteadyWatch } from '../../../src/store/single-leader/failure-detector.js';
import { nextOwnEpoch, snapshotKey } from '../../../src/store/single-leader/standby.js';
import { validateSingleLeaderConfig } from '../../../src/store/single-leader/validate-config.js';
import { expectConfigError } from '../../support/config-errors.js';
import { cluster, valueIn, type Cluster } from './support/cluster.js';

/** Writes k0..k(count-1) to n1, one every 50 ms from 100 ms on. */
function writeSeries(c: Cluster, count: number): void {
  for (let i = 0; i < count; i++) c.at(100 + i * 50, () => c.client().send('n1', 'write', `k${i}`, i));
}

/** The keys whose write was acknowledged, and those of them n2 holds. */
function ackedAndKept(c: Cluster): { acked: string[]; kept: string[] } {
  const acked = c.client().requests.filter((r) => r.final?.outcome === 'ok').map((r) => r.key);
  const state = c.states().n2;
  return { acked, kept: acked.filter((key) => valueIn(state, key) !== undefined) };
}

describe('standby settings', () => {
  it('fills a standby from its level and adds it as n2', () => {
    const config = validateSingleLeaderConfig({ nodes: 1, standby: { level: 'warm', shipIntervalMs: 50 } });
    expect(config.standby).toEqual({ ...defaultStandby('warm'), shipIntervalMs: 50 });
    expect(validateSingleLeaderConfig({}).standby).toBeNull();
    expect(cluster({ nodes: 1, standby: { level: 'hot' } }).store.nodeIds).toEqual(['n1', 'n2']);
    expect(cluster({ nodes: 1, standby: { level: 'cold' } }).store.services?.map((s) => s.id)).toEqual(['os']);
    expect(cluster({ nodes: 1, standby: { level: 'warm' } }).store.services).toBeUndefined();
  });

  it.each([
    [{ nodes: 3, standby: { level: 'hot' } }, 'singleLeader.nodes'],
    [{ nodes: 1, standby: {} }, 'singleLeader.standby.level'],
    [{ nodes: 1, standby: { level: 'tepid' } }, 'singleLeader.standby.level'],
    [{ nodes: 1, standby: 'hot' }, 'singleLeader.standby'],
    [{ nodes: 1, standby: { level: 'hot', spare: 1 } }, 'singleLeader.standby.spare'],
    [{ nodes: 1, standby: { level: 'warm', shipIntervalMs: 0 } }, 'singleLeader.standby.shipIntervalMs'],
    [{ nodes: 1, standby: { level: 'cold', replayMsPerEntry: -1 } }, 'singleLeader.standby.replayMsPerEntry'],
    [{ nodes: 1, standby: { level: 'cold', objectStore: { bytesPerMs: 0 } } }, 'singleLeader.standby.objectStore.bytesPerMs'],
    [{ nodes: 1, standby: { level: 'cold', objectStore: { region: 'b' } } }, 'singleLeader.standby.objectStore.region'],
    [{ nodes: 1, replication: 'statement', standby: { level: 'warm' } }, 'singleLeader.replication'],
  ])('rejects %j at %s', (input, field) => {
    const error = expectConfigError(() => validateSingleLeaderConfig(input));
    expect(error.field).toBe(field);
  });

  it('deals epochs out by node, and names snapshots so the latest sorts last', () => {
    expect([1, 2, 3, 4].map((current) => nextOwnEpoch(current, 1, 2))).toEqual([2, 4, 4, 6]);
    expect(nextOwnEpoch(0, 0, 2)).toBe(1);
    expect(snapshotKey(99, 3) < snapshotKey(100, 2)).toBe(true);
  });
});

describe('a standby', () => {
  it('serves no client: it sends reads and writes to the primary', () => {
    const c = cluster({ nodes: 1, standby: { level: 'hot' }, reads: 'any' });
    c.at(100, () => c.client().send('n2', 'write', 'x', 1));
    c.at(300, () => c.client().send('n2', 'read', 'x', null));
    c.world.runUntil(500);
    const [write, read] = c.client().requests;
    expect(write!.replies[0]).toMatchObject({ outcome: 'redirect', leader: 'n1' });
    expect(write!.answeredBy).toBe('n1');
    expect(read!.replies[0]).toMatchObject({ outcome: 'redirect', leader: 'n1' });
    expect(read!.final).toMatchObject({ outcome: 'ok', value: 1 });
  });
});

describe('a hot standby', () => {
  it('holds every acknowledged write, and takes over at once in an epoch of its own when the primary crashes', () => {
    const c = cluster({ nodes: 1, standby: { level: 'hot' } });
    writeSeries(c, 20);
    c.at(1_120, () => c.world.crash('n1'));
    c.at(2_000, () => c.client().send('n2', 'write', 'after', 1));
    c.world.runUntil(2_500);
    const crashAt = 1_120;
    const promotion = c.events('promote').find((e) => e.node === 'n2')!;
    expect(promotion.detail).toMatchObject({ epoch: 2, level: 'hot', replay: 0 });
    // Declared dead after 300 ms of silence (checks every 25 ms), promoted in the same instant.
    expect(promotion.timeMs).toBeLessThanOrEqual(crashAt + 300 + 25);
    expect(c.events('election').find((e) => e.detail.epoch === 2)!.timeMs).toBe(promotion.timeMs);
    const { acked, kept } = ackedAndKept(c);
    expect(acked).toContain('after');
    expect(kept).toEqual(acked);
    expect(c.client().requests.at(-1)!.answeredBy).toBe('n2');
  });

  it('keeps the primary from acknowledging what the standby does not hold', () => {
    const c = cluster({ nodes: 1, standby: { level: 'hot' }, quorumTimeoutMs: 5_000 });
    c.at(100, () => c.client().send('n1', 'write', 'x', 1));
    c.at(200, () => c.world.partitionGroups([['n1', 'c1'], ['n2']]));
    c.at(250, () => c.client().send('n1', 'write', 'x', 2));
    c.world.runUntil(2_000);
    const [first, second] = c.client().requests;
    expect(first!.final).toMatchObject({ outcome: 'ok' });
    // Held until the request timed out: the primary has it, the standby never did.
    expect(second!.final?.outcome).toBe('error');
    expect(c.node('n1')!.replica.table.read('x')).toBe(2);
    // The standby took over meanwhile, with the last write the primary acknowledged.
    expect(c.leader()).toBe('n2');
    expect(valueIn(c.states().n2, 'x')).toBe(1);
  });

  it('does not promote itself before it was counted in acknowledgements: the primary may hold writes it lacks', () => {
    const c = cluster({ nodes: 1, standby: { level: 'hot' } });
    c.at(100, () => c.world.crash('n1'));
    // n2 takes over and acknowledges alone while n1 is down.
    c.at(800, () => c.client().send('n2', 'write', 'x', 'n2 alone'));
    c.at(900, () => c.world.crash('n2'));
    c.at(1_000, () => c.world.restart('n1'));
    c.at(2_500, () => c.world.restart('n2'));
    c.world.runUntil(3_500);
    const promotions = c.events('promote');
    // n1, back while n2 is down, never takes over: it would lose the write n2 acknowledged.
    expect(promotions.filter((e) => e.timeMs > 1_000 && e.node === 'n1')).toEqual([]);
    expect(c.events('election').filter((e) => e.timeMs > 1_000 && e.timeMs < 2_500)).toEqual([]);
    expect(c.client().requests[0]!.final).toMatchObject({ outcome: 'ok' });
    expect(c.leader()).toBe('n2');
    expect(valueIn(c.states().n1, 'x')).toBe('n2 alone');
  });
});

describe('a warm standby', () => {
  it('loses what was acknowledged after the last batch shipped, and replays what it held unapplied', () => {
    const c = cluster({ nodes: 1, standby: { level: 'warm', shipIntervalMs: 500, applyIntervalMs: 10_000 } });
    writeSeries(c, 20);
    // Batches leave at 500 and 1000 ms: the writes of 1000-1050 ms are on n1 alone.
    c.at(1_070, () => c.world.crash('n1'));
    c.world.runUntil(2_500);
    const promotion = c.events('promote').find((e) => e.node === 'n2')!;
    expect(promotion.detail.level).toBe('warm');
    // Nothing was applied before (the apply period is 10 s): it replays all it holds.
    expect(promotion.detail.replay).toBeGreaterThan(15);
    const election = c.events('election').find((e) => e.node === 'n2')!;
    expect(election.timeMs).toBeGreaterThanOrEqual(promotion.timeMs + 2 * (promotion.detail.replay as number));
    const { acked, kept } = ackedAndKept(c);
    const lost = acked.filter((key) => !kept.includes(key));
    expect(lost.length).toBeGreaterThan(0);
    expect(kept.length).toBeGreaterThan(15);
    expect(lost).toEqual(acked.slice(kept.length));
  });
});

describe('a cold standby', () => {
  it('holds nothing, and restores the latest snapshot from the object store when promoted', () => {
    const c = cluster({ nodes: 1, standby: { level: 'cold', snapshotIntervalMs: 600 } });
    writeSeries(c, 20);
    c.at(1_000, () => {
      // Only heartbeats reached it.
      expect(c.node('n2')!.replica.log.lastOffset).toBe(0);
    });
    c.at(1_120, () => c.world.crash('n1'));
    c.world.runUntil(2_500);
    const snapshots = c.events('snapshot').filter((e) => e.node === 'n1');
    expect(snapshots.map((e) => e.timeMs)).toEqual([600]);
    const restore = c.events('restore').find((e) => e.node === 'n2')!;
    expect(restore.detail).toMatchObject({ snapshotOffset: snapshots[0]!.detail.offset, keptThrough: 0 });
    const { acked, kept } = ackedAndKept(c);
    // The writes acknowledged before the snapshot survive; the ones after it are lost.
    expect(kept.length).toBeGreaterThan(5);
    expect(kept).toEqual(acked.slice(0, kept.length));
    expect(acked.length - kept.length).toBeGreaterThan(5);
    expect(c.leader()).toBe('n2');
  });

  it('keeps its own log when the object store has nothing newer', () => {
    const c = cluster({ nodes: 1, standby: { level: 'cold', snapshotIntervalMs: 60_000 } });
    c.at(100, () => c.world.crash('n1'));
    c.world.runUntil(1_000);
    expect(c.events('restore').find((e) => e.node === 'n2')!.detail).toMatchObject({ snapshotOffset: null, replay: 0 });
    expect(c.leader()).toBe('n2');
  });
});

describe('a standby\'s failure detector', () => {
  it('starts afresh when the clock steps back, instead of trusting a heartbeat that seems to come from the future', () => {
    const config = { kind: 'heartbeat' as const, suspectAfterMs: 60, declareAfterMs: 100 };
    const steady = new SteadyWatch((at) => new HeartbeatDetector(config, at), 0);
    const plain = new HeartbeatDetector(config, 0);
    for (const watch of [steady, plain]) watch.heartbeat(1_000);
    // The clock steps back 500 ms; the leader is silent from then on.
    expect(steady.status(500)).toBe('trusted');
    expect(steady.status(650)).toBe('declared');
    expect(plain.status(650)).toBe('trusted');
  });
});
