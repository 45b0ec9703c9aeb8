import { join, requireBoolean } from '../config/config-checks.js';

/**
 * Leader discovery: each client process caches the node that serves it, learnt
 * from redirect hints and from the node that answered `ok`, and sends there first.
 * Switched off, or while the discovery service is down, clients ignore hints and
 * walk their entry points in turn. (Hints count as discovery because a redirect
 * names the leader only by id; turning that id into an address goes through the
 * discovery service.)
 */
export interface DiscoveryConfig {
  /** Cache the leader and follow redirect hints. Default true. */
  enabled: boolean;
}

/**
 * The documented defaults of {@link DiscoveryConfig}.
 *
 * @example
 * defaultDiscoveryConfig().enabled; // true
 */
export function defaultDiscoveryConfig(): DiscoveryConfig {
  return { enabled: true };
}

/**
 * Throws a ConfigError naming the bad field.
 *
 * @example
 * validateDiscoveryConfig({ enabled: true }, 'client.discovery'); // passes
 */
export function validateDiscoveryConfig(config: DiscoveryConfig, path: string): void {
  requireBoolean(join(path, 'enabled'), config.enabled);
}

/**
 * The discovery service every client of a run depends on. A driver can take it
 * down for a while to see clients fall back to their entry points.
 *
 * @example
 * const service = new DiscoveryService();
 * service.failUntil(500);
 * service.isDown(100); // true
 * service.isDown(500); // false
 */
export class DiscoveryService {
  private downUntilMs = Number.NEGATIVE_INFINITY;

  /** Takes the service down until virtual time `untilMs` (Infinity: until {@link heal}). */
  failUntil(untilMs: number): void {
    this.downUntilMs = untilMs;
  }

  heal(): void {
    this.downUntilMs = Number.NEGATIVE_INFINITY;
  }

  isDown(nowMs: number): boolean {
    return nowMs < this.downUntilMs;
  }
}

/**
 * One client process's leader cache, usable only while discovery is on and up.
 *
 * @example
 * const cache = new LeaderCache({ enabled: true }, new DiscoveryService());
 * cache.learn('n2', 0);
 * cache.leader(1); // 'n2'
 * cache.forget('n2');
 * cache.leader(2); // undefined
 */
export class LeaderCache {
  private cached: string | undefined;

  constructor(
    private readonly config: DiscoveryConfig,
    private readonly service: DiscoveryService,
  ) {}

  /** Whether leader hints may be used now. */
  usable(nowMs: number): boolean {
    return this.config.enabled && !this.service.isDown(nowMs);
  }

  leader(nowMs: number): string | undefined {
    return this.usable(nowMs) ? this.cached : undefined;
  }

  learn(nodeId: string, nowMs: number): void {
    if (this.usable(nowMs)) this.cached = nodeId;
  }

  /** Drops `nodeId` if it is the cached leader (it stopped answering). */
  forget(nodeId: string): void {
    if (this.cached === nodeId) this.cached = undefined;
  }
}
