import fc from 'fast-check';
import type { LeaderlessConfig } from './config.js';

/**
 * Leaderless settings valid by construction: n, w and r are drawn as shares of
 * the level above (n <= nodes, w and r <= n); the combinations the store refuses
 * (sloppy quorum without hints, ABD or 'contacted' with version vectors) are
 * repaired by turning the dependent option off; the replica timeout is a share of
 * the request timeout, so it always stays below it.
 */
export function leaderlessConfigArb(maxNodes: number): fc.Arbitrary<LeaderlessConfig> {
  const share = fc.double({ min: 0, max: 1, noNaN: true });
  return fc
    .record({
      nodes: fc.integer({ min: 1, max: maxNodes }),
      nShare: share, wShare: share, rShare: share,
      vnodes: fc.integer({ min: 1, max: 16 }),
      readRepair: fc.boolean(),
      hintedHandoff: fc.boolean(),
      sloppyQuorum: fc.boolean(),
      antiEntropy: fc.record({
        enabled: fc.boolean(),
        intervalMs: fc.integer({ min: 20, max: 2000 }),
        treeDepth: fc.integer({ min: 0, max: 8 }),
      }),
      abd: fc.boolean(),
      versioning: fc.constantFrom('lww', 'vv'),
      requestTimeoutMs: fc.integer({ min: 20, max: 1000 }),
      replicaShare: fc.double({ min: 0.05, max: 0.9, noNaN: true }),
      hintRetryMs: fc.integer({ min: 10, max: 500 }),
      coordinator: fc.constantFrom('preference-list', 'contacted'),
    })
    .map(({ nShare, wShare, rShare, replicaShare, ...rest }) => {
      const n = pickUpTo(rest.nodes, nShare);
      const lww = rest.versioning === 'lww';
      return {
        ...rest,
        n,
        w: pickUpTo(n, wShare),
        r: pickUpTo(n, rShare),
        sloppyQuorum: rest.sloppyQuorum && rest.hintedHandoff,
        abd: rest.abd && lww,
        // Off, as drawing it would change every existing seed's configs.
        readVerification: false,
        checksums: false,
        spares: 0,
        spareHeartbeatMs: 50,
        spareDeclareAfterMs: 400,
        coordinator: lww ? rest.coordinator : 'preference-list',
        replicaTimeoutMs: Math.max(1, Math.min(rest.requestTimeoutMs - 1, Math.floor(rest.requestTimeoutMs * replicaShare))),
      };
    });
}

/** An integer in [1, max], by a share in [0, 1]. */
function pickUpTo(max: number, share: number): number {
  return Math.min(max, 1 + Math.floor(share * max));
}
