import { describe, expect, it } from 'vitest';
import { HashRing } from '../../../src/store/shared/hash-ring.js';
import { defaultLeaderlessConfig } from '../../../src/store/leaderless/config.js';
import { Harness } from './support/harness.js';

const NODES = ['n1', 'n2', 'n3', 'n4', 'n5'];
const KEY = 'cart:7';
const [COORDINATOR, OWNER_B, OWNER_C, ...FALLBACKS] = new HashRing(NODES, defaultLeaderlessConfig().vnodes).walk(KEY) as string[];

/** The coordinator is cut off from the key's two other owners, but still reaches the fallbacks. */
function partitionedWrite(sloppyQuorum: boolean): Harness {
  const h = new Harness({ nodes: 5, n: 3, w: 2, r: 2, hintedHandoff: true, sloppyQuorum, replicaTimeoutMs: 50 });
  h.world.partition([OWNER_B!, OWNER_C!].flatMap((owner) => [[COORDINATOR!, owner] as [string, string], [owner, COORDINATOR!] as [string, string]]));
  return h;
}

describe('leaderless sloppy quorum', () => {
  it('accepts a write during a partition by counting hinted writes on fallback nodes', () => {
    const h = partitionedWrite(true);
    expect(h.call(COORDINATOR!, 'write', KEY, 'during-partition')).toMatchObject({ outcome: 'ok' });
    const stored = h.events('hint-stored').map((e) => e.node).sort();
    expect(stored).toEqual([...FALLBACKS].sort());
    // After the partition heals the hints reach the real owners.
    h.world.heal();
    h.advance(500);
    expect(h.valuesOf(KEY)).toMatchObject({ [COORDINATOR!]: ['during-partition'], [OWNER_B!]: ['during-partition'], [OWNER_C!]: ['during-partition'] });
  });

  it('rejects the same write with a strict quorum: hinted writes do not count toward W', () => {
    const h = partitionedWrite(false);
    expect(h.call(COORDINATOR!, 'write', KEY, 'during-partition')).toMatchObject({ outcome: 'error', error: 'timeout' });
    // Hinted handoff still ran: the write reaches the owners once the partition heals.
    expect(h.events('hint-stored')).toHaveLength(2);
    h.world.heal();
    h.advance(500);
    expect(h.valuesOf(KEY)[OWNER_B!]).toEqual(['during-partition']);
  });

  it('sends later writes straight to fallbacks while owners are suspected', () => {
    const h = partitionedWrite(true);
    expect(h.call(COORDINATOR!, 'write', KEY, 'first')?.outcome).toBe('ok');
    const sentAtMs = h.world.now();
    expect(h.call(COORDINATOR!, 'write', KEY, 'second')?.outcome).toBe('ok');
    const secondHandoffs = h.events('handoff').filter((e) => e.timeMs >= sentAtMs);
    expect(secondHandoffs.map((e) => e.detail.owner).sort()).toEqual([OWNER_B, OWNER_C].sort());
    // No replica timeout to wait for this time: the suspected owners are skipped as soon as the request arrives.
    const replicaTimeoutMs = 50;
    for (const handoff of secondHandoffs) expect(handoff.timeMs).toBeLessThan(sentAtMs + replicaTimeoutMs);
  });
});
