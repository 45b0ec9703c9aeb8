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
 * inter-arrival time is the heartbeat period. `restartOnStepBack`: when the node's
 * clock reads earlier than a time the detector has seen, it starts afresh from now
 * (a lone standby has no other voter to cover for a detector whose last heartbeat
 * seems to lie in the future).
 *
 * @example
 * createLeaderWatch({ kind: 'phi', threshold: 8, windowSize: 100, minStdDevMs: 10 }, 50, 0);
 */
export function createLeaderWatch(config: FailureDetectorConfig, heartbeatIntervalMs: number, startMs: number, restartOnStepBack = false): LeaderWatch {
  if (restartOnStepBack) return new SteadyWatch((at) => createLeaderWatch(config, heartbeatIntervalMs, at), startMs);
  if (config.kind === 'heartbeat') return new HeartbeatDetector(config, startMs);
  return new PhiAccrualDetector(
    { threshold: config.threshold, windowSize: config.windowSize, minStdDevMs: config.minStdDevMs, firstIntervalEstimateMs: heartbeatIntervalMs },
    startMs,
  );
}

/**
 * A detector that starts afresh when the clock steps back behind the latest time
 * it was given, instead of trusting a leader until the clock catches up again.
 *
 * @example
 * const watch = new SteadyWatch((at) => new HeartbeatDetector(config, at), 0);
 */
export class SteadyWatch implements LeaderWatch {
  private inner: LeaderWatch;
  private latestMs: number;

  constructor(
    private readonly make: (startMs: number) => LeaderWatch,
    startMs: number,
  ) {
    this.inner = make(startMs);
    this.latestMs = startMs;
  }

  heartbeat(arrivalMs: number): void {
    this.steady(arrivalMs);
    this.inner.heartbeat(arrivalMs);
  }

  status(nowMs: number): Suspicion {
    this.steady(nowMs);
    return this.inner.status(nowMs);
  }

  private steady(nowMs: number): void {
    if (nowMs < this.latestMs) this.inner = this.make(nowMs);
    this.latestMs = nowMs;
  }
}
