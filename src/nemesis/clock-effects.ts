import type { World } from '../sim/world.js';
import type { ClockSetting } from './effect.js';
import { Layers } from './layers.js';

/**
 * The clock side of the nemesis: one setting in force per node (the latest
 * fault's), earlier ones coming back when it heals, the exact clock when none
 * is left. A strobe keeps flipping the clock only while it is the one in force.
 *
 * @example
 * const clocks = new ClockEffects(world);
 * clocks.set(0, 'n1', { offsetMs: -500 });
 * clocks.restore(0, 'n1'); // n1 reads virtual time again
 */
export class ClockEffects {
  private readonly clocks = new Layers<ClockSetting>();
  private readonly strobes = new Map<string, { live: boolean }>();

  constructor(private readonly world: World) {}

  /** Puts fault `owner`'s setting in force on the node's clock. */
  set(owner: number, node: string, clock: ClockSetting): void {
    const [entry] = this.clocks.push(owner, [node], clock);
    this.putInForce(node, clock, entry!.wasFree);
  }

  /** Takes fault `owner`'s setting off; the one below comes back, or the exact clock. */
  restore(owner: number, node: string): void {
    const [entry] = this.clocks.remove(owner, [node]);
    if (!entry!.wasTop) return;
    this.stopStrobe(node);
    if (entry!.next === undefined) this.world.resetClock(node);
    else this.putInForce(node, entry!.next, false);
  }

  /** A clock another fault had changed is reset first, so settings never add up. */
  private putInForce(node: string, clock: ClockSetting, wasFree: boolean): void {
    this.stopStrobe(node);
    if (!wasFree) this.world.resetClock(node);
    if ('offsetMs' in clock) this.world.bumpClock(node, clock.offsetMs);
    else if ('drift' in clock) this.world.setClockDrift(node, clock.drift);
    else this.startStrobe(node, clock.strobe.offsetMs, clock.strobe.periodMs);
  }

  /** Jumps the clock forward by offsetMs and back again, every periodMs, until stopped. */
  private startStrobe(node: string, offsetMs: number, periodMs: number): void {
    const token = { live: true };
    this.strobes.set(node, token);
    let ahead = true;
    this.world.bumpClock(node, offsetMs);
    const flip = (): void => {
      if (!token.live) return;
      ahead = !ahead;
      this.world.bumpClock(node, ahead ? offsetMs : -offsetMs);
      this.world.schedule(this.world.now() + periodMs, 'clock-strobe', flip);
    };
    this.world.schedule(this.world.now() + periodMs, 'clock-strobe', flip);
  }

  private stopStrobe(node: string): void {
    const token = this.strobes.get(node);
    if (token !== undefined) token.live = false;
    this.strobes.delete(node);
  }
}
