import { HeartbeatDetector, type Suspicion } from '../shared/heartbeat-detector.js';
import { PhiAccrualDetector } from '../shared/phi-accrual.js';
import type { FailureDetectorConfig } from './config.js';

/**
 * What a follower needs from a failure detector watching its leader: feed it
 * heartbeat arrivals, ask it for a verdict.
 *
 * @example
 * const fd: LeaderWatch = createLeaderWatch(config.failureDetector, 50, ctx.now());
 * fd.heartbeat(ctx.now());
 * if (fd.status(ctx.now()) === 'declared') startElection();
 */
export interface LeaderWatch {
  heartbeat(arrivalMs: number): void;
  status(nowMs: number): Suspicion;
}

/**
 * Builds the detector the config asks for. The phi detector's first estimate of the
 * inter-arrival time is the heartbeat period.
 *
 * @example
 * createLeaderWatch({ kind: 'phi', threshold: 8, windowSize: 100, minStdDevMs: 10 }, 50, 0);
 */
export function createLeaderWatch(config: FailureDetectorConfig, heartbeatIntervalMs: number, startMs: number): LeaderWatch {
  if (config.kind === 'heartbeat') return new HeartbeatDetector(config, startMs);
  return new PhiAccrualDetector(
    { threshold: config.threshold, windowSize: config.windowSize, minStdDevMs: config.minStdDevMs, firstIntervalEstimateMs: heartbeatIntervalMs },
    startMs,
  );
}
