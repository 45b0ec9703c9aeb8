import type { NodeHost } from './host.js';
import { deepFreeze, type ImmutableDataMode } from './immutable-data.js';
import { copyJson, JsonCopier } from './json-copy.js';
import { jsonLength } from './json-length.js';
import { sampleLatencyMs } from './latency.js';
import type { Link } from './link.js';
import type { Network } from './network.js';
import type { SimRandom } from './rng.js';
import { EventKind, type SimEvent } from './sim-event.js';
import type { Trace } from './trace.js';

/** What the message path needs from the event loop. */
export interface MessageScheduler {
  readonly nowMs: number;
  /** A fresh event with the next sequence number (not queued yet). */
  newEvent(timeMs: number, kind: EventKind, target: NodeHost | undefined): SimEvent;
  push(event: SimEvent): void;
}

/**
 * The path of a message: copy (or share, see {@link ImmutableDataMode}) and count
 * at send, loss, latency, duplication and reordering on the wire, partition and
 * liveness checks on arrival, and the trace lines for each step. Random draws
 * happen in a fixed order per send: loss, latency, reorder (and its delay),
 * duplication, then the duplicate's own latency and reorder draws; a probability
 * of 0 draws nothing.
 */
export class Messaging {
  private messageCount = 0;
  /** Copies and, counting bytes, measures in the same pass. */
  private readonly copier: JsonCopier;
  /** JSON length of the message being sent (0 when bytes are not counted). */
  private lastLength = 0;

  constructor(
    private readonly loop: MessageScheduler,
    private readonly network: Network,
    private readonly rng: SimRandom,
    private readonly trace: Trace,
    private readonly countBytes: boolean,
    private readonly immutableData: ImmutableDataMode,
  ) {
    this.copier = new JsonCopier(countBytes);
  }

  send(from: NodeHost, target: NodeHost, message: unknown): void {
    const link = this.network.link(from, target);
    const shared = from.immutableData && target.immutableData;
    const copy = shared ? this.share(message) : this.copier.copy(message);
    this.lastLength = !this.countBytes ? 0 : shared ? jsonLength(message) : this.copier.lastLength;
    const id = ++this.messageCount;
    this.countSent(link);
    if (this.trace.recordsMessages) {
      this.trace.record({ timeMs: this.loop.nowMs, kind: 'send', node: from.id, peer: target.id, detail: describeMessage(id, copy) });
    } else this.trace.counts.send++;
    if (link.blocked) return this.drop(link, id, copy, 'partition');
    const config = link.config;
    if (this.rng.chance(config.lossProbability)) return this.drop(link, id, copy, 'loss');
    this.transmit(link, target, copy, id, true);
    if (this.rng.chance(config.duplicateProbability)) {
      this.countSent(link);
      link.stats.duplicated++;
      this.transmit(link, target, shared ? copy : copyJson(copy), id, false);
    }
  }

  /**
   * A message reaches the target machine. Returns false (and records the drop)
   * when the target is down or the link is cut at this instant.
   */
  arrive(event: SimEvent): boolean {
    const host = event.target!;
    const link = event.link!;
    if (host.state !== 'up') return this.dropEvent(event, 'down');
    if (link.blocked) return this.dropEvent(event, 'partition');
    // From here on the message belongs to this incarnation's inbox.
    event.generation = host.incarnation;
    return true;
  }

  /** Hands a message to its node. */
  deliver(event: SimEvent): void {
    const host = event.target!;
    const link = event.link!;
    link.stats.delivered++;
    if (this.trace.recordsMessages) {
      this.trace.record({ timeMs: this.loop.nowMs, kind: 'deliver', node: host.id, peer: link.from, detail: describeMessage(event.messageId, event.message) });
    } else this.trace.counts.deliver++;
    host.node!.onMessage(link.from, event.message);
  }

  /** Records the loss of a queued message (its node crashed, say); always returns false. */
  dropEvent(event: SimEvent, reason: string): false {
    this.drop(event.link!, event.messageId, event.message, reason);
    return false;
  }

  /** The message itself, for two nodes that declare immutable data; frozen first when verifying. */
  private share(message: unknown): unknown {
    return this.immutableData === 'verify' ? deepFreeze(message) : message;
  }

  private countSent(link: Link): void {
    link.stats.sent++;
    link.stats.bytes += this.lastLength;
  }

  /** Puts a message on the wire; `inOrder` ones may not overtake earlier in-order ones. */
  private transmit(link: Link, target: NodeHost, message: unknown, id: number, inOrder: boolean): void {
    const config = link.config;
    let arrivalMs = this.loop.nowMs + sampleLatencyMs(config.latencyMs, this.rng) + config.extraLatencyMs;
    if (this.rng.chance(config.reorderProbability)) {
      arrivalMs += this.rng.next() * config.reorderDelayMs;
    } else if (inOrder) {
      if (arrivalMs < link.lastArrivalMs) arrivalMs = link.lastArrivalMs;
      link.lastArrivalMs = arrivalMs;
    }
    const event = this.loop.newEvent(arrivalMs, EventKind.Deliver, target);
    event.link = link;
    event.message = message;
    event.messageId = id;
    this.loop.push(event);
  }

  private drop(link: Link, id: number, message: unknown, reason: string): void {
    link.stats.dropped++;
    if (this.trace.recordsMessages) {
      this.trace.record({ timeMs: this.loop.nowMs, kind: 'drop', node: link.to, peer: link.from, detail: `${describeMessage(id, message)} (${reason})` });
    } else this.trace.counts.drop++;
  }
}

/**
 * A short label for a message in the trace: its id, and its `kind` or `type`
 * field when it has a string one.
 *
 * @example
 * describeMessage(7, { kind: 'append', entries: [] }); // 'm7 append'
 */
export function describeMessage(id: number, message: unknown): string {
  if (typeof message === 'object' && message !== null) {
    const tagged = message as { kind?: unknown; type?: unknown };
    const tag = tagged.kind ?? tagged.type;
    if (typeof tag === 'string') return `m${id} ${tag}`;
  }
  return `m${id}`;
}
