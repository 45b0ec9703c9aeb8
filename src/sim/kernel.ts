import { SimDisk } from './disk.js';
import { EventQueue } from './event-queue.js';
import { NodeHost, type KernelPort, type NodeKind } from './host.js';
import { Messaging } from './messaging.js';
import { defaultImmutableDataMode, type ImmutableDataMode } from './immutable-data.js';
import { Network, NetworkStats } from './network.js';
import type { NodeFactory, SimNode } from './node.js';
import { SimRandom } from './rng.js';
import { copyJson } from './json-copy.js';
import { EventKind, EventPool, SimEvent } from './sim-event.js';
import { Trace, type TraceEvent } from './trace.js';
import { linkDefaults, type WorldOptions } from './world-options.js';

/**
 * A driver event, as returned by `world.schedule`.
 *
 * @example
 * const handle = world.schedule(100, 'partition', () => world.heal());
 * handle.cancel();
 */
export interface ScheduledEvent {
  readonly label: string;
  readonly atMs: number;
  /** Prevents the callback from running (no effect once it ran). */
  cancel(): void;
}

/**
 * The event loop and node hosting behind {@link World}: one virtual clock, one
 * seeded generator, one queue. Fault injection lives in `World`; this class
 * holds what every event needs. Nodes run synchronously inside events; async
 * code in nodes would escape virtual time, so nodes must not use it.
 */
export class SimKernel implements KernelPort {
  /** Virtual time in ms: the time of the event being run (or of the last runUntil target). */
  nowMs = 0;
  readonly trace: Trace;
  /** Per directed link message and byte counters. */
  readonly stats: NetworkStats;
  protected readonly rng: SimRandom;
  protected readonly network: Network;
  protected readonly hosts: NodeHost[] = [];
  protected readonly hostsById = new Map<string, NodeHost>();
  private readonly queue = new EventQueue();
  protected readonly messaging: Messaging;
  private readonly diskCapacityRecords: number;
  private readonly immutableData: ImmutableDataMode;
  private sequence = 0;
  private stopRequested = false;
  /** Finished message and timer events, for reuse. */
  private readonly events = new EventPool(4096);

  constructor(options: WorldOptions) {
    this.rng = new SimRandom(options.seed);
    this.trace = new Trace(options.trace);
    this.network = new Network(linkDefaults(options.network), this.hostsById);
    this.stats = new NetworkStats(this.network);
    this.immutableData = options.immutableData ?? defaultImmutableDataMode();
    this.messaging = new Messaging(this, this.network, this.rng, this.trace, options.network?.countBytes ?? true, this.immutableData);
    this.diskCapacityRecords = options.diskCapacityRecords ?? Infinity;
  }

  /**
   * Adds a node. It is built and started by an event at the current time, so
   * nodes added together all see the full `peers` list when they start.
   */
  addNode<M>(id: string, factory: NodeFactory<M>, options: { kind?: NodeKind } = {}): void {
    if (this.hostsById.has(id)) throw new Error(`node '${id}' already exists`);
    const disk = new SimDisk(id, this.diskCapacityRecords, this.immutableData);
    const host = new NodeHost(this.hosts.length, id, options.kind ?? 'store', factory as NodeFactory<unknown>, disk);
    this.hosts.push(host);
    this.hostsById.set(id, host);
    this.refreshPeers();
    this.push(new SimEvent(this.nowMs, this.sequence++, EventKind.Boot, host));
  }

  /** The live node object; undefined while crashed or before its start event ran. */
  node<N extends SimNode<any> = SimNode<unknown>>(id: string): N | undefined {
    return this.host(id).node as N | undefined;
  }

  /** Virtual time in ms. */
  now(): number {
    return this.nowMs;
  }

  /** A uniform draw in [0, 1) from the world's generator, for drivers. */
  random(): number {
    return this.rng.next();
  }

  /** Runs `callback` at virtual time `atMs` (not before now), after events already due then. */
  schedule(atMs: number, label: string, callback: () => void): ScheduledEvent {
    if (!(atMs >= this.nowMs)) throw new RangeError(`cannot schedule '${label}' at ${atMs}: now is ${this.nowMs}`);
    const event = new SimEvent(atMs, this.sequence++, EventKind.Driver, undefined);
    event.name = label;
    event.callback = callback;
    this.push(event);
    return { label, atMs, cancel: () => void (event.cancelled = true) };
  }

  /** Runs the next event; false when none is left. */
  step(): boolean {
    const event = this.nextLiveEvent();
    if (event === undefined) return false;
    this.run(event);
    return true;
  }

  /** Runs every event due up to `timeMs`, then sets the clock to `timeMs` (unless stopped early). */
  runUntil(timeMs: number): void {
    this.stopRequested = false;
    for (;;) {
      const next = this.nextLiveEvent();
      if (next === undefined || next.timeMs > timeMs || this.stopRequested) break;
      this.run(next);
    }
    if (!this.stopRequested && timeMs > this.nowMs) this.nowMs = timeMs;
  }

  /**
   * Runs until no event is left or the next one is after `maxTimeMs` (the
   * clock then moves to `maxTimeMs`). Returns true when the world went idle;
   * periodic timers keep it busy forever.
   */
  runUntilIdle(maxTimeMs = Infinity): boolean {
    this.stopRequested = false;
    for (;;) {
      const next = this.nextLiveEvent();
      if (next === undefined) return true;
      if (this.stopRequested) return false;
      if (next.timeMs > maxTimeMs) {
        this.nowMs = Math.max(this.nowMs, maxTimeMs);
        return false;
      }
      this.run(next);
    }
  }

  /** Makes the current runUntil / runUntilIdle return after the event being run. */
  stop(): void {
    this.stopRequested = true;
  }

  /** Number of queued events (cancelled timers leave the queue at once; cancelled driver events stay until their time). */
  get pendingEvents(): number {
    return this.queue.size;
  }

  protected host(id: string): NodeHost {
    const host = this.hostsById.get(id);
    if (host === undefined) throw new Error(`unknown node '${id}'`);
    return host;
  }

  /** Queues an event (the message path and fault methods schedule through it). */
  push(event: SimEvent): void {
    this.queue.push(event);
  }

  nextSequence(): number {
    return this.sequence++;
  }

  /** A fresh event with the next sequence number (a finished one reused when there is one). */
  newEvent(timeMs: number, kind: EventKind, target: NodeHost | undefined): SimEvent {
    return this.events.take(timeMs, this.sequence++, kind, target);
  }

  /**
   * Keeps a finished event for reuse. Only message and timer events come here, and
   * only once nothing refers to them: not queued, not waiting in a backlog, not a
   * node's pending timer (driver events never: their handles refer to them).
   */
  private recycle(event: SimEvent): void {
    this.events.give(event);
  }

  private refreshPeers(): void {
    const storeIds = this.hosts.filter((host) => host.kind === 'store').map((host) => host.id);
    for (const host of this.hosts) host.peers = Object.freeze(storeIds.filter((id) => id !== host.id));
  }

  /** The earliest event that was not cancelled (cancelled ones are discarded on the way). */
  private nextLiveEvent(): SimEvent | undefined {
    let next = this.queue.peek();
    while (next !== undefined && next.cancelled) {
      this.queue.pop();
      // A crash cancels its node's timers where they stand: done with now.
      if (next.kind === EventKind.Timer) this.recycle(next);
      next = this.queue.peek();
    }
    return next;
  }

  /** Takes `event`, the earliest live one, off the queue and runs it. */
  private run(event: SimEvent): void {
    this.queue.pop();
    this.nowMs = event.timeMs;
    this.dispatch(event);
    // Delivered, dropped or fired, unless it went back in the queue (a slow node) or into a backlog.
    const reusable = event.kind === EventKind.Deliver || event.kind === EventKind.Timer;
    if (reusable && event.heapIndex < 0 && !event.waiting) this.recycle(event);
  }

  private dispatch(event: SimEvent): void {
    switch (event.kind) {
      case EventKind.Deliver:
        // A slowed message already arrived once; it now waits only for the node.
        if (event.slowed || this.messaging.arrive(event)) this.runOnHost(event);
        return;
      case EventKind.Timer:
        return this.runOnHost(event);
      case EventKind.Driver:
        return event.callback!();
      case EventKind.Resume:
        return this.resumeFromEvent(event);
      case EventKind.Boot:
        return this.runOnHost(event);
    }
  }

  private boot(host: NodeHost): void {
    if (host.state !== 'pending') return;
    const node = host.build(this);
    this.trace.record({ timeMs: this.nowMs, kind: 'start', node: host.id });
    node.start?.();
  }

  /** Delivers a message, fires a timer or starts the node, honouring pause and slowness. */
  protected runOnHost(event: SimEvent): void {
    const host = event.target!;
    if (event.cancelled) return;
    if (event.slowed) host.accepted.delete(event);
    if (host.paused) {
      event.waiting = true;
      host.backlog.push(event);
      return;
    }
    if (event.kind === EventKind.Timer) return this.fireTimer(host, event);
    if (event.kind === EventKind.Boot) return this.boot(host);
    if (host.state !== 'up' || event.generation !== host.incarnation) {
      this.messaging.dropEvent(event, 'down');
      return;
    }
    if (host.slowMs > 0 && !event.slowed) return this.delayForSlowness(host, event);
    this.messaging.deliver(event);
  }

  /** A slow node handles messages one at a time, each taking `slowMs` longer. */
  private delayForSlowness(host: NodeHost, event: SimEvent): void {
    event.slowed = true;
    host.busyUntilMs = Math.max(this.nowMs, host.busyUntilMs) + host.slowMs;
    event.timeMs = host.busyUntilMs;
    event.seq = this.sequence++;
    this.queue.push(event);
    host.accepted.add(event);
  }

  /**
   * Takes the messages a crashed slow node had accepted off the queue and drops them
   * now: they were lost with the node's memory, and counting them later, when they
   * would have been processed, would misplace the loss in time.
   */
  protected dropAccepted(events: readonly SimEvent[]): void {
    for (const event of events) {
      this.queue.remove(event);
      this.messaging.dropEvent(event, 'down');
    }
  }

  private fireTimer(host: NodeHost, event: SimEvent): void {
    if (host.timers.get(event.name) === event) host.timers.delete(event.name);
    if (this.trace.recordsMessages) this.trace.record({ timeMs: this.nowMs, kind: 'timer', node: host.id, name: event.name });
    else this.trace.counts.timer++;
    host.node!.onTimer(event.name);
  }

  private resumeFromEvent(event: SimEvent): void {
    const host = event.target!;
    if (host.paused && event.generation === host.pauseGeneration) this.resumeHost(host);
  }

  /** Ends a pause: what came due meanwhile runs now, in the order it came. */
  protected resumeHost(host: NodeHost): void {
    host.paused = false;
    host.pauseGeneration++;
    this.trace.record({ timeMs: this.nowMs, kind: 'resume', node: host.id, detail: `${host.backlog.length} waiting` });
    const backlog = host.backlog;
    host.backlog = [];
    for (const event of backlog) this.runOnHost(event);
  }

  setTimer(host: NodeHost, afterMs: number, name: string): void {
    if (!(afterMs >= 0 && afterMs < Infinity)) throw new RangeError(`timer '${name}' on ${host.id}: afterMs must be finite and >= 0, got ${afterMs}`);
    const previous = host.timers.get(name);
    if (previous !== undefined) this.discardTimer(previous);
    const event = this.newEvent(this.nowMs + host.clock.toVirtualMs(afterMs), EventKind.Timer, host);
    event.name = name;
    host.timers.set(name, event);
    this.queue.push(event);
  }

  cancelTimer(host: NodeHost, name: string): void {
    const pending = host.timers.get(name);
    if (pending === undefined) return;
    this.discardTimer(pending);
    host.timers.delete(name);
  }

  /** A replaced or cancelled timer never fires: out of the queue (or, in a paused node's backlog, marked). */
  private discardTimer(timer: SimEvent): void {
    timer.cancelled = true;
    if (this.queue.remove(timer)) this.recycle(timer);
  }

  traceCustom(host: NodeHost, name: string, detail: Record<string, unknown> | undefined): void {
    if (!this.trace.enabled) {
      // Counted all the same; the detail's JSON is built only when it is kept.
      this.trace.counts.custom++;
      return;
    }
    const event: TraceEvent = { timeMs: this.nowMs, kind: 'custom', node: host.id, name };
    if (detail !== undefined) event.detail = JSON.stringify(detail);
    this.trace.record(event);
  }

  sendFrom(host: NodeHost, to: string, message: unknown): void {
    const target = this.hostsById.get(to);
    if (target === undefined) throw new Error(`${host.id} sent to unknown node '${to}'`);
    if (host.tamper === undefined) return this.messaging.send(host, target, message);
    // A byzantine sender: what leaves it is what the tamper makes of a private copy.
    for (const sent of host.tamper(to, copyJson(message))) this.messaging.send(host, target, sent);
  }
}
