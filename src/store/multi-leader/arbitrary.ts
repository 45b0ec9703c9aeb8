import fc from 'fast-check';
import type { MultiLeaderConfig } from './config.js';

/** Multi-leader settings: 1..maxGroups groups (dc1, dc2, ...) of 1..maxNodesPerGroup nodes. */
export function multiLeaderConfigArb(maxGroups: number, maxNodesPerGroup: number): fc.Arbitrary<MultiLeaderConfig> {
  return fc.record({
    groups: fc
      .array(fc.integer({ min: 1, max: maxNodesPerGroup }), { minLength: 1, maxLength: maxGroups })
      .map((sizes) => sizes.map((nodes, i) => ({ name: `dc${i + 1}`, nodes }))),
    replicationIntervalMs: fc.integer({ min: 1, max: 100 }),
    replicationBatch: fc.integer({ min: 1, max: 128 }),
    homeRouting: fc.boolean(),
    conflictResolution: fc.constantFrom('lww', 'siblings', 'merge'),
    readFrom: fc.constantFrom('leader', 'any'),
    forwardTimeoutMs: fc.integer({ min: 20, max: 1000 }),
    // Off, as drawing it would change every existing seed's configs.
    checksums: fc.constant(false),
  });
}
