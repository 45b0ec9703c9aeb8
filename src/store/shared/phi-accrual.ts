import type { Suspicion } from './heartbeat-detector.js';

/**
 * Settings of the phi-accrual failure detector.
 */
export interface PhiAccrualOptions {
  /** Phi at or above which the node is declared dead (Akka's default: 8; Cassandra's: 8). */
  threshold: number;
  /** How many recent inter-arrival intervals the estimate keeps. */
  windowSize: number;
  /** Floor on the standard deviation (ms), so a very regular history does not make phi explode. */
  minStdDevMs: number;
  /** The interval expected before any has been measured (ms): normally the heartbeat period. */
  firstIntervalEstimateMs: number;
  /** Extra silence (ms) tolerated on top of the mean, e.g. for GC pauses. Default 0. */
  acceptablePauseMs?: number;
}

/**
 * The phi-accrual failure detector (Hayashibara, Défago, Yared, Katayama, 2004), as Akka
 * and Cassandra implement it: instead of a fixed timeout it keeps a sliding window of
 * heartbeat inter-arrival times and reports phi = -log10(P(a heartbeat arrives later
 * than now)), with the normal distribution of the window's mean and standard deviation
 * approximated by a logistic curve. A jittery link widens the distribution, so the same
 * threshold tolerates more lateness there. Pure: fed arrival times, never reads a clock.
 *
 * Phi has one threshold: below it the node is `trusted`, at or above it `declared`.
 *
 * @example
 * const fd = new PhiAccrualDetector({ threshold: 8, windowSize: 100, minStdDevMs: 5, firstIntervalEstimateMs: 50 }, 0);
 * for (let t = 50; t <= 1000; t += 50) fd.heartbeat(t);
 * fd.phi(1040) < 1;     // true: not even late yet
 * fd.status(1300);      // 'declared': five intervals of silence
 */
export class PhiAccrualDetector {
  private readonly intervals: number[] = [];
  private next = 0;
  private sum = 0;
  private sumOfSquares = 0;
  private lastArrivalMs: number;

  /** `startMs` counts as the first heartbeat. */
  constructor(
    readonly constraints: PhiAccrualOptions,
    startMs: number,
  ) {
    if (!(constraints.windowSize >= 2)) throw new RangeError('windowSize must be at least 2');
    if (!(constraints.minStdDevMs > 0)) throw new RangeError('minStdDevMs must be positive');
    this.lastArrivalMs = startMs;
    // Seed as Akka does: two intervals at mean ± stdDev with stdDev = estimate / 4, so
    // the first verdicts are neither hair-trigger nor blind.
    const estimate = constraints.firstIntervalEstimateMs;
    this.record(estimate - estimate / 4);
    this.record(estimate + estimate / 4);
  }

  /** Records a heartbeat arriving at `arrivalMs` (earlier than the last one: ignored). */
  heartbeat(arrivalMs: number): void {
    if (arrivalMs <= this.lastArrivalMs) return;
    this.record(arrivalMs - this.lastArrivalMs);
    this.lastArrivalMs = arrivalMs;
  }

  /** Mean inter-arrival time of the window (ms). */
  meanMs(): number {
    return this.sum / this.intervals.length;
  }

  /** Standard deviation of the window (ms), floored at minStdDevMs. */
  stdDevMs(): number {
    const n = this.intervals.length;
    const mean = this.sum / n;
    const variance = Math.max(0, this.sumOfSquares / n - mean * mean);
    return Math.max(Math.sqrt(variance), this.constraints.minStdDevMs);
  }

  /** Suspicion level at `nowMs`: 0 right after a heartbeat, growing with silence. */
  phi(nowMs: number): number {
    const elapsed = Math.max(0, nowMs - this.lastArrivalMs);
    return phiOf(elapsed, this.meanMs() + (this.constraints.acceptablePauseMs ?? 0), this.stdDevMs());
  }

  /** The verdict at `nowMs`. */
  status(nowMs: number): Suspicion {
    return this.phi(nowMs) >= this.constraints.threshold ? 'declared' : 'trusted';
  }

  private record(intervalMs: number): void {
    if (this.intervals.length < this.constraints.windowSize) {
      this.intervals.push(intervalMs);
    } else {
      const dropped = this.intervals[this.next]!;
      this.sum -= dropped;
      this.sumOfSquares -= dropped * dropped;
      this.intervals[this.next] = intervalMs;
      this.next = (this.next + 1) % this.constraints.windowSize;
    }
    this.sum += intervalMs;
    this.sumOfSquares += intervalMs * intervalMs;
  }
}

/**
 * Phi for `elapsedMs` of silence given the mean and standard deviation of the
 * inter-arrival times: -log10 of the probability that the next heartbeat comes even
 * later, using Akka's logistic approximation of the normal CDF (error < 0.01%), in the
 * form that stays accurate in both tails.
 *
 * @example
 * phiOf(100, 100, 10); // ≈ 0.30 (half the heartbeats come later than the mean)
 * phiOf(150, 100, 10); // ≈ 7.3
 */
export function phiOf(elapsedMs: number, meanMs: number, stdDevMs: number): number {
  const y = (elapsedMs - meanMs) / stdDevMs;
  const e = Math.exp(-y * (1.5976 + 0.070566 * y * y));
  if (elapsedMs > meanMs) return -Math.log10(e / (1 + e));
  return -Math.log10(1 - 1 / (1 + e));
}
