/**
 * What a failure detector currently thinks of a monitored node.
 * `suspected`: late enough to be worth noting; `declared`: treated as dead.
 *
 * @example
 * const verdict: Suspicion = detector.status(nowMs);
 */
export type Suspicion = 'trusted' | 'suspected' | 'declared';

/**
 * Settings of the fixed-timeout heartbeat detector.
 */
export interface HeartbeatDetectorOptions {
  /** Silence (ms since the last heartbeat) after which the node is suspected. */
  suspectAfterMs: number;
  /** Silence (ms since the last heartbeat) after which the node is declared dead. */
  declareAfterMs: number;
}

/**
 * The classic failure detector: a node is suspected, then declared dead, once the
 * time since its last heartbeat passes two fixed thresholds. Pure: it is fed arrival
 * times and asked about instants, and never reads a clock itself.
 *
 * @example
 * const fd = new HeartbeatDetector({ suspectAfterMs: 150, declareAfterMs: 300 }, 0);
 * fd.heartbeat(100);
 * fd.status(200); // 'trusted'  (100 ms of silence)
 * fd.status(260); // 'suspected'
 * fd.status(400); // 'declared'
 */
export class HeartbeatDetector {
  private lastArrivalMs: number;

  /** `startMs` counts as a heartbeat, so a node gets a full grace period at start. */
  constructor(
    readonly constraints: HeartbeatDetectorOptions,
    startMs: number,
  ) {
    if (!(constraints.suspectAfterMs <= constraints.declareAfterMs)) {
      throw new RangeError('suspectAfterMs must not exceed declareAfterMs');
    }
    this.lastArrivalMs = startMs;
  }

  /** Records a heartbeat arriving at `arrivalMs`. */
  heartbeat(arrivalMs: number): void {
    this.lastArrivalMs = Math.max(this.lastArrivalMs, arrivalMs);
  }

  /** Milliseconds of silence at `nowMs`. */
  silenceMs(nowMs: number): number {
    return Math.max(0, nowMs - this.lastArrivalMs);
  }

  /** The verdict at `nowMs`. */
  status(nowMs: number): Suspicion {
    const silence = this.silenceMs(nowMs);
    if (silence >= this.constraints.declareAfterMs) return 'declared';
    if (silence >= this.constraints.suspectAfterMs) return 'suspected';
    return 'trusted';
  }
}
