import { Link, type LinkConfig, type LinkStats } from '../sim/link.js';
import { sampleLatencyMs, type LatencyDistribution } from '../sim/latency.js';
import type { SimRandom } from '../sim/rng.js';
import { DeliveryQueue } from './delivery-queue.js';
import type { Message } from './protocol.js';

/**
 * How the real-time network behaves: the simulator's link model (a latency
 * distribution, loss) applied to real messages on the wall clock.
 *
 * @example
 * const options: NetworkOptions = { latency: { kind: 'exponential', mean: 5, max: 50 }, lossProbability: 0 };
 */
export interface NetworkOptions {
  latency: LatencyDistribution;
  lossProbability: number;
}

/**
 * Totals over every link, and the links between server nodes (Maelstrom's
 * "server messages", the measure of a broadcast's efficiency).
 */
export interface NetworkStats {
  sent: number;
  delivered: number;
  dropped: number;
  /** Messages between two server nodes (`n…` to `n…`). */
  serverSent: number;
  /** Messages to a destination nobody answers to: logged and dropped. */
  unknownDestination: number;
  links: LinkStats[];
}

/**
 * The network every message crosses, in real time: per directed link a latency
 * drawn from the distribution, FIFO order (as the simulator's links keep it),
 * loss, and the cuts of a partition. Messages on a link that is cut when they
 * are sent are dropped, as in the simulator.
 *
 * @example
 * const net = new RealtimeNetwork(options, rng, (m) => route(m));
 * net.send({ src: 'n1', dest: 'n2', body: { type: 'gossip' } });
 */
export class RealtimeNetwork {
  private readonly links = new Map<string, Link>();
  private readonly queue: DeliveryQueue<Message>;
  private readonly config: LinkConfig;
  private readonly started = performance.now();
  unknownDestination = 0;

  constructor(
    options: NetworkOptions,
    private readonly rng: SimRandom,
    private readonly deliver: (message: Message) => void,
  ) {
    this.config = {
      latencyMs: options.latency,
      extraLatencyMs: 0,
      lossProbability: options.lossProbability,
      duplicateProbability: 0,
      reorderProbability: 0,
      reorderDelayMs: 0,
    };
    this.queue = new DeliveryQueue((message) => {
      this.link(message.src, message.dest).stats.delivered++;
      this.deliver(message);
    }, () => this.nowMs());
  }

  /** Milliseconds since the network started. */
  nowMs(): number {
    return performance.now() - this.started;
  }

  /** Messages on the wire now. */
  get inFlight(): number {
    return this.queue.size;
  }

  /** Puts a message on the wire; false when the link dropped it (cut, or lost). */
  send(message: Message): boolean {
    const link = this.link(message.src, message.dest);
    link.stats.sent++;
    if (link.blocked || this.rng.chance(link.config.lossProbability)) {
      link.stats.dropped++;
      return false;
    }
    const now = this.nowMs();
    const arrival = Math.max(now + sampleLatencyMs(link.config.latencyMs, this.rng) + link.config.extraLatencyMs, link.lastArrivalMs);
    link.lastArrivalMs = arrival;
    this.queue.push(arrival, message);
    return true;
  }

  /** Cuts exactly these directed links, healing every other. */
  cut(links: readonly (readonly [string, string])[]): void {
    for (const link of this.links.values()) link.blocked = false;
    for (const [from, to] of links) this.link(from, to).blocked = true;
  }

  /** Heals every cut. */
  heal(): void {
    this.cut([]);
  }

  /** Drops everything in flight and stops the delivery timer. */
  close(): void {
    this.queue.clear();
  }

  stats(): NetworkStats {
    const links = [...this.links.values()].map((link) => ({ ...link.stats }));
    const total = (field: 'sent' | 'delivered' | 'dropped'): number => links.reduce((sum, link) => sum + link[field], 0);
    const serverSent = links.filter((link) => isServer(link.from) && isServer(link.to)).reduce((sum, link) => sum + link.sent, 0);
    return { sent: total('sent'), delivered: total('delivered'), dropped: total('dropped'), serverSent, unknownDestination: this.unknownDestination, links };
  }

  private link(from: string, to: string): Link {
    const key = `${from}\u0000${to}`;
    let link = this.links.get(key);
    if (link === undefined) {
      link = new Link(from, to, this.config);
      this.links.set(key, link);
    }
    return link;
  }
}

/**
 * True for a server node id (`n1`, `n2`, …).
 *
 * @example
 * isServer('n3'); // true
 * isServer('c1'); // false
 */
export function isServer(id: string): boolean {
  return /^n\d+$/.test(id);
}
