import { ChurnTable } from './churn-table.js';
import { NodeClock } from './clock.js';
import type { SimDisk } from './disk.js';
import type { Link } from './link.js';
import type { Disk, NodeContext, NodeFactory, SimNode } from './node.js';
import type { SimEvent } from './sim-event.js';

/**
 * Store nodes replicate data and are each other's `peers`; client nodes run
 * workloads and see the store nodes as their `peers`; service nodes (an
 * object store) serve store nodes and are nobody's peers.
 *
 * @example
 * world.addNode('c1', clientFactory, { kind: 'client' });
 */
export type NodeKind = 'store' | 'client' | 'service';

/**
 * `pending`: added, not built yet; `up`: running; `down`: crashed.
 *
 * @example
 * if (world.nodeState('n1') === 'down') world.restart('n1');
 */
export type NodeState = 'pending' | 'up' | 'down';

/**
 * Rewrites one message a node sends into the messages that really leave it
 * (none, the same one altered, or several). It receives a private copy, so it
 * may change it in place.
 *
 * @example
 * const liar: OutboundTamper = (to, msg) => [{ ...(msg as object), value: 'forged' }];
 */
export type OutboundTamper = (to: string, message: unknown) => readonly unknown[];

/** What a node's context needs from the kernel. */
export interface KernelPort {
  nowMs: number;
  sendFrom(host: NodeHost, to: string, message: unknown): void;
  setTimer(host: NodeHost, afterMs: number, name: string): void;
  cancelTimer(host: NodeHost, name: string): void;
  random(): number;
  traceCustom(host: NodeHost, name: string, detail: Record<string, unknown> | undefined): void;
}

/**
 * Everything the simulator keeps about one node: the live node object (none
 * while crashed), its disk and clock (which outlive crashes), timers, pause and
 * slowness state, and outgoing links.
 */
export class NodeHost {
  state: NodeState = 'pending';
  node: SimNode<unknown> | undefined = undefined;
  /** Bumped by every crash: contexts and queued work of an older incarnation are dead. */
  incarnation = 0;
  /** The pending event of each named timer. */
  readonly timers = new ChurnTable<SimEvent>();
  readonly clock = new NodeClock();
  paused = false;
  pausedUntilMs = 0;
  /** Bumped by each pause or resume, so a superseded Resume event does nothing. */
  pauseGeneration = 0;
  /** Messages and timers that came due while paused, in arrival order. */
  backlog: SimEvent[] = [];
  /** Messages a slow node accepted and has not processed yet (queued at busyUntilMs). */
  readonly accepted = new Set<SimEvent>();
  /** Processing delay added per incoming message (0 = normal speed). */
  slowMs = 0;
  /** When a slow node finishes the messages it has already accepted. */
  busyUntilMs = 0;
  /** Outgoing links by target host index, created on first use. */
  readonly linksOut: (Link | undefined)[] = [];
  /** The other store nodes (kept up to date as nodes are added). */
  peers: readonly string[] = [];
  /** Whether the latest incarnation declared `immutableData` (see {@link SimNode.immutableData}). */
  immutableData = false;
  /** Destroyed with its disk (a lost machine or datacenter): it never restarts. */
  destroyed = false;
  /** While set, what this node sends is rewritten on its way out (a byzantine node; see World.setTamper). */
  tamper: OutboundTamper | undefined = undefined;

  constructor(
    readonly index: number,
    readonly id: string,
    readonly kind: NodeKind,
    readonly factory: NodeFactory<unknown>,
    readonly disk: SimDisk,
  ) {}

  /**
   * Drops the node object and everything tied to its incarnation (timers,
   * pause, waiting work). Returns the disk records lost and the events that
   * were waiting for the node, so the caller can account for them.
   */
  crash(loseUnsynced: boolean): { lostRecords: number; waiting: SimEvent[]; accepted: SimEvent[] } {
    this.state = 'down';
    this.node = undefined;
    this.incarnation++;
    for (const timer of this.timers.values()) timer.cancelled = true;
    this.timers.clear();
    const waiting = this.backlog;
    this.backlog = [];
    this.paused = false;
    this.pauseGeneration++;
    this.busyUntilMs = 0;
    const accepted = [...this.accepted];
    this.accepted.clear();
    return { lostRecords: this.disk.crash(loseUnsynced), waiting, accepted };
  }

  /** Starts or extends a pause; returns its new generation, for the Resume event. */
  pauseUntil(untilMs: number): number {
    this.pausedUntilMs = this.paused ? Math.max(this.pausedUntilMs, untilMs) : untilMs;
    this.paused = true;
    return ++this.pauseGeneration;
  }

  /** Builds a fresh node object for a new incarnation and returns it (not started yet). */
  build(kernel: KernelPort): SimNode<unknown> {
    const node = this.factory(new HostContext(kernel, this, this.incarnation));
    this.node = node;
    this.state = 'up';
    this.immutableData = node.immutableData === true;
    this.disk.sharesRecords = this.immutableData;
    return node;
  }
}

/**
 * The {@link NodeContext} handed to one incarnation of a node. After that
 * incarnation crashes, its context is inert: sends and timers are ignored, so
 * nothing done through a stale reference reaches the world.
 */
class HostContext implements NodeContext<unknown> {
  readonly id: string;
  readonly disk: Disk;

  constructor(
    private readonly kernel: KernelPort,
    private readonly host: NodeHost,
    private readonly incarnation: number,
  ) {
    this.id = host.id;
    this.disk = host.disk;
  }

  get peers(): readonly string[] {
    return this.host.peers;
  }

  now(): number {
    return this.host.clock.read(this.kernel.nowMs);
  }

  send(to: string, msg: unknown): void {
    if (this.isLive()) this.kernel.sendFrom(this.host, to, msg);
  }

  setTimer(afterMs: number, name: string): void {
    if (this.isLive()) this.kernel.setTimer(this.host, afterMs, name);
  }

  cancelTimer(name: string): void {
    if (this.isLive()) this.kernel.cancelTimer(this.host, name);
  }

  random(): number {
    return this.kernel.random();
  }

  trace(event: string, detail?: Record<string, unknown>): void {
    if (this.isLive()) this.kernel.traceCustom(this.host, event, detail);
  }

  private isLive(): boolean {
    return this.host.incarnation === this.incarnation && this.host.state === 'up';
  }
}
