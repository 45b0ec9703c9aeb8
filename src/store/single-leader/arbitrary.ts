import fc from 'fast-check';
import type { FailureDetectorConfig, SingleLeaderConfig } from './config.js';

/**
 * Single-leader settings valid by construction: every timeout that must exceed
 * the heartbeat period (detector, quorum, lease) is drawn as the period plus a
 * positive extra, and the suspect delay is a share of the declare delay.
 */
export function singleLeaderConfigArb(maxNodes: number): fc.Arbitrary<SingleLeaderConfig> {
  return fc
    .record({
      nodes: fc.integer({ min: 1, max: maxNodes }),
      replication: fc.constantFrom('wal', 'row', 'statement'),
      acks: fc.constantFrom('majority', 'async', 'semi-sync', 'sync'),
      reads: fc.constantFrom('leader', 'any', 'lease'),
      leaseExtraMs: fc.integer({ min: 1, max: 2000 }),
      clockDriftMarginMs: fc.integer({ min: 0, max: 300 }),
      heartbeatIntervalMs: fc.integer({ min: 5, max: 100 }),
      failureDetector: failureDetectorArb(),
      electionTimeoutMs: fc.integer({ min: 20, max: 600 }),
      fencing: fc.boolean(),
      quorumExtraMs: fc.integer({ min: 1, max: 1000 }),
      fsync: fc.constantFrom('every-write', 'batched'),
      fsyncIntervalMs: fc.integer({ min: 1, max: 50 }),
      requestTimeoutMs: fc.integer({ min: 50, max: 2000 }),
    })
    .map(({ leaseExtraMs, quorumExtraMs, failureDetector, ...rest }) => ({
      ...rest,
      leaseMs: rest.heartbeatIntervalMs + leaseExtraMs,
      quorumTimeoutMs: rest.heartbeatIntervalMs + quorumExtraMs,
      failureDetector: failureDetector(rest.heartbeatIntervalMs),
      // The byzantine defences stay off: drawing them would change every existing seed's configs.
      checksums: false,
      authenticatedEpochs: false,
      // No standby either (it also needs nodes: 1), for the same reason.
      standby: null,
    }));
}

/** A detector as a function of the heartbeat period, so the declare delay always exceeds it. */
function failureDetectorArb(): fc.Arbitrary<(heartbeatIntervalMs: number) => FailureDetectorConfig> {
  const heartbeat = fc
    .record({ declareExtraMs: fc.integer({ min: 1, max: 600 }), suspectShare: fc.double({ min: 0.1, max: 1, noNaN: true }) })
    .map(({ declareExtraMs, suspectShare }) => (heartbeatIntervalMs: number): FailureDetectorConfig => {
      const declareAfterMs = heartbeatIntervalMs + declareExtraMs;
      return { kind: 'heartbeat', declareAfterMs, suspectAfterMs: Math.max(1, Math.floor(declareAfterMs * suspectShare)) };
    });
  const phi = fc
    .record({
      threshold: fc.double({ min: 0.5, max: 16, noNaN: true }),
      windowSize: fc.integer({ min: 2, max: 200 }),
      minStdDevMs: fc.integer({ min: 1, max: 100 }),
    })
    .map((detector) => (): FailureDetectorConfig => ({ kind: 'phi', ...detector }));
  return fc.oneof({ arbitrary: heartbeat, weight: 3 }, { arbitrary: phi, weight: 1 });
}
