/**
 * A node's own clock, as the node reads it through `ctx.now()`:
 *
 *   clock(t) = t + offsetMs + driftErrorMs(t)
 *
 * where t is virtual time and the drift error grows by `drift` ms per virtual
 * ms (drift 0.01 = the clock runs 1% fast). Changing the drift re-anchors the
 * error at the current instant, so the clock never jumps when only the rate
 * changes; offsets (set, bump) jump it on purpose. With a constant drift from
 * time 0 this is exactly `t * (1 + drift) + offset`.
 *
 * @example
 * const clock = new NodeClock();
 * clock.setDrift(0, 0.5);  // 50% fast from t = 0
 * clock.read(10);          // 15
 * clock.bump(10, -20);     // jump back 20 ms
 * clock.read(10);          // -5
 */
export class NodeClock {
  private offsetMs = 0;
  private drift = 0;
  /** Drift error accumulated up to `anchorMs`. */
  private anchoredErrorMs = 0;
  private anchorMs = 0;

  /** The node's reading at virtual time `virtualMs`. */
  read(virtualMs: number): number {
    if (this.drift === 0 && this.anchoredErrorMs === 0) return virtualMs + this.offsetMs;
    return virtualMs + this.offsetMs + this.anchoredErrorMs + (virtualMs - this.anchorMs) * this.drift;
  }

  /** The current rate error (0 = exact). */
  get currentDrift(): number {
    return this.drift;
  }

  /** The current offset, not counting accumulated drift. */
  get currentOffsetMs(): number {
    return this.offsetMs;
  }

  /** Sets the offset from virtual time (accumulated drift error is kept). */
  setOffset(offsetMs: number): void {
    assertFinite('offsetMs', offsetMs);
    this.offsetMs = offsetMs;
  }

  /** Jumps the clock by `deltaMs` (negative = backwards). */
  bump(deltaMs: number): void {
    assertFinite('deltaMs', deltaMs);
    this.offsetMs += deltaMs;
  }

  /** Changes the rate from `nowMs` on; must stay above -1 (a clock cannot stop or run backwards by drift). */
  setDrift(nowMs: number, drift: number): void {
    if (!Number.isFinite(drift) || drift <= -1) throw new RangeError(`clock drift must be > -1, got ${drift}`);
    this.anchoredErrorMs += (nowMs - this.anchorMs) * this.drift;
    this.anchorMs = nowMs;
    this.drift = drift;
  }

  /** Back to exact virtual time: no offset, no drift, no accumulated error. */
  reset(): void {
    this.offsetMs = 0;
    this.drift = 0;
    this.anchoredErrorMs = 0;
    this.anchorMs = 0;
  }

  /**
   * Virtual ms until this clock has advanced by `localMs`. Timers are set in the
   * node's own time, so a fast clock makes them fire early, as a real timer
   * driven by a fast oscillator would.
   */
  toVirtualMs(localMs: number): number {
    return localMs / (1 + this.drift);
  }
}

function assertFinite(name: string, value: number): void {
  if (!Number.isFinite(value)) throw new RangeError(`${name} must be a finite number, got ${value}`);
}
