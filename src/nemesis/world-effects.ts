import type { LinkConfig } from '../sim/link.js';
import type { World } from '../sim/world.js';
import type { ByzantineBehaviour, ByzantineHooks } from '../store/definition.js';
import { ClockEffects } from './clock-effects.js';
import type { Effect } from './effect.js';
import { Layers } from './layers.js';
import { LinkEffects } from './link-effects.js';

/**
 * The clients' discovery service, as far as the nemesis needs it.
 */
export interface DiscoveryControl {
  failUntil(untilMs: number): void;
  heal(): void;
}

/**
 * Applies and reverts {@link Effect}s on a World, keeping overlapping faults
 * apart: each resource remembers who holds it (see {@link Layers}), so healing
 * one fault restores what the others still impose, and only the last holder's
 * heal returns a resource to normal.
 *
 * @example
 * const effects = new WorldEffects(world, runtime.discovery, linkDefaults(network));
 * effects.apply(0, { type: 'down', nodes: ['n1'], loseUnsynced: false }); // crashes n1
 * effects.revert(0, { type: 'down', nodes: ['n1'], loseUnsynced: false }); // restarts n1
 */
export class WorldEffects {
  private readonly links: LinkEffects;
  private readonly clocks: ClockEffects;
  private readonly down = new Layers<true>();
  private readonly paused = new Layers<true>();
  private readonly slowed = new Layers<number>();
  private readonly fullDisks = new Layers<true>();
  private readonly discoveryDown = new Layers<true>();
  private readonly byzantineNodes = new Layers<ByzantineBehaviour>();

  constructor(
    private readonly world: World,
    private readonly discovery: DiscoveryControl,
    normal: LinkConfig,
    private readonly byzantine?: ByzantineHooks<unknown>,
  ) {
    this.links = new LinkEffects(world, normal);
    this.clocks = new ClockEffects(world);
  }

  /** Starts one effect on behalf of fault `owner`. */
  apply(owner: number, effect: Effect): void {
    const { world } = this;
    switch (effect.type) {
      case 'block': return this.links.block(owner, effect.links);
      case 'link': return this.links.set(owner, effect.setting, effect.links, { value: effect.value, maxDelayMs: effect.maxDelayMs });
      case 'clock': return this.clocks.set(owner, effect.node, effect.clock);
      case 'down':
        for (const entry of this.down.push(owner, effect.nodes, true)) {
          if (entry.wasFree) world.crash(entry.key, { loseUnsynced: effect.loseUnsynced });
        }
        return;
      case 'pause':
        // Always pause: a pause already in force is extended, never shortened.
        this.paused.push(owner, effect.nodes, true);
        for (const node of effect.nodes) world.pause(node, effect.durationMs);
        return;
      case 'slow':
        this.slowed.push(owner, [effect.node], effect.extraMs);
        return world.slow(effect.node, effect.extraMs);
      case 'disk-full':
        for (const entry of this.fullDisks.push(owner, effect.nodes, true)) if (entry.wasFree) world.fillDisk(entry.key);
        return;
      case 'discovery':
        if (this.discoveryDown.push(owner, ['discovery'], true)[0]!.wasFree) this.discovery.failUntil(Number.POSITIVE_INFINITY);
        return;
      case 'destroy':
        for (const node of effect.nodes) world.destroy(node);
        return;
      case 'byzantine':
        this.byzantineNodes.push(owner, [effect.node], effect.behaviour);
        return this.behave(effect.node, effect.behaviour);
      case 'rot-disk': {
        const rot = this.byzantine?.rot;
        if (rot !== undefined) world.rotDisk(effect.node, (records) => rot(records, () => world.random()));
        return;
      }
    }
  }

  /** Heals one effect of fault `owner`, restoring what other faults still impose. */
  revert(owner: number, effect: Effect): void {
    const { world } = this;
    switch (effect.type) {
      case 'block': return this.links.unblock(owner, effect.links);
      case 'link': return this.links.restore(owner, effect.setting, effect.links);
      case 'clock': return this.clocks.restore(owner, effect.node);
      case 'down':
        for (const entry of this.down.remove(owner, effect.nodes)) if (entry.next === undefined) world.restart(entry.key);
        return;
      case 'pause':
        for (const entry of this.paused.remove(owner, effect.nodes)) if (entry.next === undefined) world.resume(entry.key);
        return;
      case 'slow': {
        const [entry] = this.slowed.remove(owner, [effect.node]);
        if (entry!.wasTop) world.slow(effect.node, entry!.next ?? 0);
        return;
      }
      case 'disk-full':
        for (const entry of this.fullDisks.remove(owner, effect.nodes)) if (entry.next === undefined) world.freeDisk(entry.key);
        return;
      case 'discovery':
        if (this.discoveryDown.remove(owner, ['discovery'])[0]!.next === undefined) this.discovery.heal();
        return;
      case 'destroy':
        // Permanent: a destroyed node and its disk do not come back.
        return;
      case 'byzantine': {
        const [entry] = this.byzantineNodes.remove(owner, [effect.node]);
        if (entry!.wasTop) this.behave(effect.node, entry!.next);
        return;
      }
      case 'rot-disk':
        // Rotten records stay rotten: only the node's own checks (or a rewrite) get rid of them.
        return;
    }
  }

  /** Installs the store's tamper for `behaviour` on a node (a fresh one), or makes it honest. */
  private behave(node: string, behaviour: ByzantineBehaviour | undefined): void {
    const { world } = this;
    const build = behaviour === undefined ? undefined : this.byzantine?.tamper[behaviour];
    if (build === undefined) return world.setTamper(node, undefined);
    world.setTamper(node, build({ self: node, node: () => world.node(node), random: () => world.random() }));
  }
}
