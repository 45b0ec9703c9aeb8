import type { LinkConfig } from '../sim/link.js';
import type { LinkRef, World } from '../sim/world.js';
import { linkKey, linkOfKey, type LinkSetting } from './effect.js';
import { Layers } from './layers.js';

/** A link setting's value: the probability or the extra ms, and reorder's hold-back bound. */
interface LinkValue {
  value: number;
  maxDelayMs?: number;
}

/**
 * The network side of the nemesis: cut links (partitions) and per-link
 * settings (loss, duplication, reordering, latency), each link remembering
 * which faults hold it so overlapping faults heal independently.
 *
 * @example
 * const links = new LinkEffects(world, linkDefaults({}));
 * links.block(0, [['n1', 'n2']]);
 * links.unblock(0, [['n1', 'n2']]); // the World heals, other faults' cuts go back up
 */
export class LinkEffects {
  private readonly blocked = new Layers<true>();
  private readonly settings = new Map<LinkSetting, Layers<LinkValue>>();

  constructor(
    private readonly world: World,
    private readonly normal: LinkConfig,
  ) {}

  /** Cuts the links for fault `owner` (the World is told only of links not already cut). */
  block(owner: number, links: readonly LinkRef[]): void {
    const fresh = this.blocked.push(owner, links.map(linkKey), true).filter((entry) => entry.wasFree);
    if (fresh.length > 0) this.world.partition(fresh.map((entry) => linkOfKey(entry.key)));
  }

  /** Releases fault `owner`'s cuts; links other faults still cut stay cut. */
  unblock(owner: number, links: readonly LinkRef[]): void {
    const freed = this.blocked.remove(owner, links.map(linkKey)).filter((entry) => entry.next === undefined);
    if (freed.length === 0) return;
    // The World heals all links at once; the cuts other faults still hold go back up.
    this.world.heal();
    const remaining = this.blocked.heldKeys();
    if (remaining.length > 0) this.world.partition(remaining.map(linkOfKey));
  }

  /** Puts a setting in force on the links for fault `owner`. */
  set(owner: number, setting: LinkSetting, links: readonly LinkRef[], value: LinkValue): void {
    this.layersOf(setting).push(owner, links.map(linkKey), value);
    this.apply(setting, links, value);
  }

  /** Gives back each link the value of the fault now on top, or the normal value. */
  restore(owner: number, setting: LinkSetting, links: readonly LinkRef[]): void {
    const byValue = new Map<string, { value: LinkValue; links: LinkRef[] }>();
    for (const entry of this.layersOf(setting).remove(owner, links.map(linkKey))) {
      if (!entry.wasTop) continue;
      const value = entry.next ?? this.normalValue(setting);
      const text = JSON.stringify(value);
      const group = byValue.get(text) ?? { value, links: [] };
      group.links.push(linkOfKey(entry.key));
      byValue.set(text, group);
    }
    for (const { value, links: group } of byValue.values()) this.apply(setting, group, value);
  }

  private layersOf(setting: LinkSetting): Layers<LinkValue> {
    let layers = this.settings.get(setting);
    if (layers === undefined) this.settings.set(setting, (layers = new Layers<LinkValue>()));
    return layers;
  }

  private normalValue(setting: LinkSetting): LinkValue {
    const { normal } = this;
    switch (setting) {
      case 'loss': return { value: normal.lossProbability };
      case 'duplicate': return { value: normal.duplicateProbability };
      case 'reorder': return { value: normal.reorderProbability, maxDelayMs: normal.reorderDelayMs };
      case 'latency': return { value: normal.extraLatencyMs };
    }
  }

  private apply(setting: LinkSetting, links: readonly LinkRef[], { value, maxDelayMs }: LinkValue): void {
    switch (setting) {
      case 'loss': return this.world.setLoss(value, links);
      case 'duplicate': return this.world.setDuplication(value, links);
      case 'reorder': return this.world.setReorder(value, links, maxDelayMs);
      case 'latency': return this.world.addLatency(value, links);
    }
  }
}
