import type { NodeHost } from './host.js';
import { validateLatency } from './latency.js';
import { Link, type LinkConfig, type LinkStats } from './link.js';

/**
 * A directed link, sender first.
 */
export type LinkRef = readonly [from: string, to: string];

/**
 * The network's state: every directed link's config and counters, and which
 * links are blocked. Links are created on first use (or first configuration),
 * in a deterministic order.
 */
export class Network {
  private readonly links: Link[] = [];

  constructor(
    private defaults: LinkConfig,
    private readonly hostsById: ReadonlyMap<string, NodeHost>,
  ) {
    validateConfig(defaults);
  }

  /** The link from `from` to `to`, created with the default config on first use. */
  link(from: NodeHost, to: NodeHost): Link {
    const existing = from.linksOut[to.index];
    if (existing !== undefined) return existing;
    const created = new Link(from.id, to.id, this.defaults);
    from.linksOut[to.index] = created;
    this.links.push(created);
    return created;
  }

  /** The link named by ids; throws for an unknown node. */
  linkByIds(from: string, to: string): Link {
    return this.link(this.host(from), this.host(to));
  }

  /**
   * Changes link settings: on every link (existing and future) when `links` is
   * omitted, else on the listed links only. A later global change overrides
   * earlier per-link ones.
   */
  configure(patch: Partial<LinkConfig>, links?: readonly LinkRef[]): void {
    if (links === undefined) {
      this.defaults = { ...this.defaults, ...patch };
      validateConfig(this.defaults);
      for (const link of this.links) link.config = { ...link.config, ...patch };
      return;
    }
    for (const [from, to] of links) {
      const link = this.linkByIds(from, to);
      link.config = { ...link.config, ...patch };
      validateConfig(link.config);
    }
  }

  setBlocked(links: readonly LinkRef[], blocked: boolean): void {
    for (const [from, to] of links) this.linkByIds(from, to).blocked = blocked;
  }

  /** Unblocks every link; returns how many were blocked. */
  unblockAll(): number {
    let count = 0;
    for (const link of this.links) {
      if (link.blocked) count++;
      link.blocked = false;
    }
    return count;
  }

  /** The blocked links, in link creation order. */
  blockedLinks(): LinkRef[] {
    return this.links.filter((link) => link.blocked).map((link) => [link.from, link.to] as const);
  }

  /** Every link used or configured so far, in creation order. */
  allLinks(): readonly Link[] {
    return this.links;
  }

  private host(id: string): NodeHost {
    const host = this.hostsById.get(id);
    if (host === undefined) throw new Error(`unknown node '${id}'`);
    return host;
  }
}

function validateConfig(config: LinkConfig): void {
  validateLatency(config.latencyMs);
  for (const field of ['lossProbability', 'duplicateProbability', 'reorderProbability'] as const) {
    const p = config[field];
    if (!(p >= 0 && p <= 1)) throw new RangeError(`${field} must be in [0, 1], got ${p}`);
  }
  for (const field of ['extraLatencyMs', 'reorderDelayMs'] as const) {
    const ms = config[field];
    if (!(Number.isFinite(ms) && ms >= 0)) throw new RangeError(`${field} must be a finite number >= 0, got ${ms}`);
  }
}

/**
 * Read-only counters of messages and bytes per directed link.
 *
 * @example
 * world.stats.link('n1', 'n2').sent;
 * world.stats.total().bytes;
 */
export class NetworkStats {
  constructor(private readonly network: Network) {}

  /** Counters of one directed link (zeros when it was never used). */
  link(from: string, to: string): LinkStats {
    const found = this.network.allLinks().find((link) => link.from === from && link.to === to);
    return { ...(found?.stats ?? { from, to, sent: 0, delivered: 0, dropped: 0, duplicated: 0, bytes: 0 }) };
  }

  /** Counters of every link used so far, in first-use order. */
  links(): LinkStats[] {
    return this.network.allLinks().map((link) => ({ ...link.stats }));
  }

  /** Sums over all links. */
  total(): Omit<LinkStats, 'from' | 'to'> {
    const sum = { sent: 0, delivered: 0, dropped: 0, duplicated: 0, bytes: 0 };
    for (const { stats } of this.network.allLinks()) {
      sum.sent += stats.sent;
      sum.delivered += stats.delivered;
      sum.dropped += stats.dropped;
      sum.duplicated += stats.duplicated;
      sum.bytes += stats.bytes;
    }
    return sum;
  }
}
