import type { NodeKind, NodeState, OutboundTamper } from './host.js';
import { SimKernel } from './kernel.js';
import type { LatencyDistribution } from './latency.js';
import type { LinkConfig } from './link.js';
import type { SimDisk } from './disk.js';
import type { LinkRef } from './network.js';
import { EventKind, SimEvent } from './sim-event.js';
import type { TraceEvent } from './trace.js';
import type { WorldOptions } from './world-options.js';

export type { NodeKind, NodeState, OutboundTamper } from './host.js';
export type { LinkRef } from './network.js';
export type { ScheduledEvent } from './kernel.js';
export type { WorldOptions, NetworkOptions } from './world-options.js';

/**
 * The simulated world: nodes on one virtual clock and one seeded generator,
 * joined by a faulty network, each with a disk and a clock of its own. Same
 * seed and same driver calls give the same run, event for event.
 *
 * Every fault method acts at the current virtual time and is recorded in the
 * trace; a nemesis calls them from events it schedules with `schedule`.
 *
 * @example
 * const world = new World({ seed: 42, network: { latencyMs: { kind: 'uniform', min: 1, max: 5 } } });
 * for (const id of ['n1', 'n2', 'n3']) world.addNode(id, store.factory, { kind: 'store' });
 * world.schedule(100, 'cut n1', () => world.partition([['n1', 'n2'], ['n2', 'n1']]));
 * world.schedule(200, 'heal', () => world.heal());
 * world.runUntil(1_000);
 * console.log(formatTrace(world.trace.events).join('\n'));
 */
export class World extends SimKernel {
  constructor(options: WorldOptions) {
    super(options);
  }

  /** The seed this world was built with (print it to replay a run). */
  get seed(): number {
    return this.rng.seed;
  }

  /**
   * Adds a custom event to the trace on behalf of a driver (a nemesis step, a
   * workload phase), so traces show what the drivers did and when.
   *
   * @example
   * world.annotate('start-partition', { fault: 0, kind: 'partition-one', groups: [['n1'], ['n2', 'n3']] });
   */
  annotate(name: string, detail?: Record<string, unknown>): void {
    const event: TraceEvent = { timeMs: this.nowMs, kind: 'custom', name };
    if (detail !== undefined) event.detail = JSON.stringify(detail);
    this.trace.record(event);
  }

  // ---- nodes -------------------------------------------------------------

  /** Ids of every node, in the order they were added. */
  get nodeIds(): string[] {
    return this.hosts.map((host) => host.id);
  }

  /** Ids of the nodes of one kind, in the order they were added. */
  nodeIdsOf(kind: NodeKind): string[] {
    return this.hosts.filter((host) => host.kind === kind).map((host) => host.id);
  }

  /** `pending` (not started yet), `up` or `down` (crashed). */
  nodeState(id: string): NodeState {
    return this.host(id).state;
  }

  isUp(id: string): boolean {
    return this.host(id).state === 'up';
  }

  isPaused(id: string): boolean {
    return this.host(id).paused;
  }

  /** A node's disk, for inspection (durability checks): it survives crashes. */
  disk(id: string): SimDisk {
    return this.host(id).disk;
  }

  /** What a node's clock reads now. */
  clockOf(id: string): number {
    return this.host(id).clock.read(this.nowMs);
  }

  // ---- network -----------------------------------------------------------

  /** Blocks the listed directed links (one-way cuts are a single link). Adds to existing cuts. */
  partition(links: readonly LinkRef[]): void {
    this.network.setBlocked(links, true);
    this.trace.record({ timeMs: this.nowMs, kind: 'partition', detail: links.map(([a, b]) => `${a}->${b}`).join(' ') });
  }

  /**
   * Cuts every link between nodes of different groups, both ways. Nodes in no
   * group keep all their links, which makes bridge partitions easy to express.
   *
   * @example
   * world.partitionGroups([['n1', 'n2'], ['n3', 'n4']]); // n5, in no group, still reaches everyone
   */
  partitionGroups(groups: readonly (readonly string[])[]): void {
    const links: LinkRef[] = [];
    groups.forEach((group, i) => {
      groups.forEach((other, j) => {
        if (i === j) return;
        for (const from of group) for (const to of other) links.push([from, to]);
      });
    });
    this.partition(links);
  }

  /** Blocks one directed link: `from` can no longer reach `to`. */
  blockLink(from: string, to: string): void {
    this.partition([[from, to]]);
  }

  /** Unblocks one directed link. */
  unblockLink(from: string, to: string): void {
    this.network.setBlocked([[from, to]], false);
    this.trace.record({ timeMs: this.nowMs, kind: 'heal', detail: `${from}->${to}` });
  }

  /** Unblocks every link. */
  heal(): void {
    const count = this.network.unblockAll();
    this.trace.record({ timeMs: this.nowMs, kind: 'heal', detail: `${count} links` });
  }

  /** The links currently blocked. */
  blockedLinks(): LinkRef[] {
    return this.network.blockedLinks();
  }

  /** Message loss probability, on every link or on the listed ones. */
  setLoss(probability: number, links?: readonly LinkRef[]): void {
    this.configureLinks({ lossProbability: probability }, links, `loss ${probability}`);
  }

  /** Message duplication probability, on every link or on the listed ones. */
  setDuplication(probability: number, links?: readonly LinkRef[]): void {
    this.configureLinks({ duplicateProbability: probability }, links, `duplicate ${probability}`);
  }

  /**
   * Reordering: with `probability`, a message is held back by up to
   * `maxDelayMs` (default: unchanged) so later ones may overtake it.
   */
  setReorder(probability: number, links?: readonly LinkRef[], maxDelayMs?: number): void {
    const patch = maxDelayMs === undefined ? { reorderProbability: probability } : { reorderProbability: probability, reorderDelayMs: maxDelayMs };
    this.configureLinks(patch, links, `reorder ${probability}`);
  }

  /** The latency distribution, on every link or on the listed ones. */
  setLatency(latencyMs: LatencyDistribution, links?: readonly LinkRef[]): void {
    this.configureLinks({ latencyMs }, links, `latency ${JSON.stringify(latencyMs)}`);
  }

  /** Sets (does not accumulate) a fixed delay added on top of the latency distribution; 0 removes it. */
  addLatency(extraMs: number, links?: readonly LinkRef[]): void {
    this.configureLinks({ extraLatencyMs: extraMs }, links, `extra latency ${extraMs}`);
  }

  private configureLinks(patch: Partial<LinkConfig>, links: readonly LinkRef[] | undefined, what: string): void {
    this.network.configure(patch, links);
    const where = links === undefined ? 'all links' : links.map(([a, b]) => `${a}->${b}`).join(' ');
    this.trace.record({ timeMs: this.nowMs, kind: 'network', detail: `${what} on ${where}` });
  }

  // ---- node lifecycle ----------------------------------------------------

  /**
   * Crashes a node: its object and timers are gone, messages reaching it are
   * dropped. `loseUnsynced` (default true): unsynced disk appends are lost, as
   * in a power failure; false models a process crash, where the OS still
   * writes them. Messages still on the wire when it restarts reach the new
   * incarnation, as datagrams would. Returns false when the node was already
   * down.
   */
  crash(id: string, options: { loseUnsynced?: boolean } = {}): boolean {
    const host = this.host(id);
    if (host.state === 'down') return false;
    const { lostRecords, waiting, accepted } = host.crash(options.loseUnsynced ?? true);
    this.trace.record({ timeMs: this.nowMs, kind: 'crash', node: id, detail: `lost ${lostRecords} unsynced` });
    for (const event of waiting) if (event.kind === EventKind.Deliver) this.messaging.dropEvent(event, 'down');
    this.dropAccepted(accepted);
    return true;
  }

  /**
   * Restarts a crashed node now: the factory builds it again over the same
   * disk (holding only durable records) and start() runs. Returns false when
   * the node was not down.
   */
  restart(id: string): boolean {
    const host = this.host(id);
    if (host.state !== 'down' || host.destroyed) return false;
    const node = host.build(this);
    this.trace.record({ timeMs: this.nowMs, kind: 'restart', node: id, detail: `${host.disk.size} records` });
    node.start?.();
    return true;
  }

  /**
   * Destroys a node with its disk, for good (a machine or a whole datacenter
   * lost): it crashes, every record on its disk is gone, and it never restarts.
   * Returns false when it was already destroyed.
   *
   * @example
   * world.destroy('a1'); // world.disk('a1').size === 0; world.restart('a1') === false
   */
  destroy(id: string): boolean {
    const host = this.host(id);
    if (host.destroyed) return false;
    if (host.state !== 'down') this.crash(id, { loseUnsynced: true });
    host.state = 'down';
    host.destroyed = true;
    host.disk.wipe();
    this.trace.record({ timeMs: this.nowMs, kind: 'crash', node: id, detail: 'destroyed with its disk' });
    return true;
  }

  /** True once {@link World.destroy} took the node. */
  isDestroyed(id: string): boolean {
    return this.host(id).destroyed;
  }

  /**
   * Freezes a node for `durationMs` (a GC or VM pause): its timers and
   * incoming messages wait and run, in order, when it resumes. Its clock keeps
   * running. Pausing a paused node extends the pause. No effect on a down node.
   */
  pause(id: string, durationMs: number): void {
    const host = this.host(id);
    if (!(durationMs >= 0)) throw new RangeError(`pause duration must be >= 0, got ${durationMs}`);
    if (host.state === 'down') return;
    const generation = host.pauseUntil(this.nowMs + durationMs);
    const wake = new SimEvent(host.pausedUntilMs, this.nextSequence(), EventKind.Resume, host);
    wake.generation = generation;
    this.push(wake);
    this.trace.record({ timeMs: this.nowMs, kind: 'pause', node: id, detail: `until ${host.pausedUntilMs}` });
  }

  /** Ends a pause early. */
  resume(id: string): void {
    const host = this.host(id);
    if (host.paused) this.resumeHost(host);
  }

  /** Makes each incoming message take `extraDelayMs` more to process, one at a time (0 = normal). */
  slow(id: string, extraDelayMs: number): void {
    if (!(extraDelayMs >= 0 && extraDelayMs < Infinity)) throw new RangeError(`slow delay must be finite and >= 0, got ${extraDelayMs}`);
    this.host(id).slowMs = extraDelayMs;
    this.trace.record({ timeMs: this.nowMs, kind: 'slow', node: id, detail: `${extraDelayMs}ms per message` });
  }

  /**
   * When every node slowed down so far will have worked off the messages it already
   * accepted (now, when none has a backlog). A slow node's backlog outlives the
   * slowness itself: a settle phase must start counting after it.
   */
  backlogClearsAtMs(): number {
    return this.hosts.reduce((latest, host) => Math.max(latest, host.busyUntilMs), this.nowMs);
  }

  // ---- clocks ------------------------------------------------------------

  /** Sets a node's clock to read virtual time plus `offsetMs` (plus accumulated drift). */
  setClockOffset(id: string, offsetMs: number): void {
    this.host(id).clock.setOffset(offsetMs);
    this.traceClock(id, `offset ${offsetMs}`);
  }

  /** Jumps a node's clock by `deltaMs`; calling it repeatedly strobes the clock. */
  bumpClock(id: string, deltaMs: number): void {
    this.host(id).clock.bump(deltaMs);
    this.traceClock(id, `bump ${deltaMs}`);
  }

  /**
   * Sets how fast a node's clock runs from now on (0.1 = 10% fast, -0.1 = 10%
   * slow). Timers are measured on the node's clock, so they scale too.
   */
  setClockDrift(id: string, drift: number): void {
    this.host(id).clock.setDrift(this.nowMs, drift);
    this.traceClock(id, `drift ${drift}`);
  }

  /** Back to exact virtual time. */
  resetClock(id: string): void {
    this.host(id).clock.reset();
    this.traceClock(id, 'reset');
  }

  private traceClock(id: string, detail: string): void {
    this.trace.record({ timeMs: this.nowMs, kind: 'clock', node: id, detail: `${detail} (reads ${this.clockOf(id)})` });
  }

  // ---- disks -------------------------------------------------------------

  /** Makes a node's disk full: appends throw DiskFullError until freeDisk. */
  fillDisk(id: string): void {
    this.host(id).disk.fill();
    this.trace.record({ timeMs: this.nowMs, kind: 'disk', node: id, detail: 'full' });
  }

  /**
   * Bit rot in a node's durable records (see SimDisk.rot): what the node reads
   * back at its next restart. Returns how many records changed.
   *
   * @example
   * world.rotDisk('n2', (records) => records.slice(0, -1));
   */
  rotDisk(id: string, rot: (records: unknown[]) => unknown[]): number {
    const changed = this.host(id).disk.rot(rot);
    this.trace.record({ timeMs: this.nowMs, kind: 'disk', node: id, detail: `rot ${changed} records` });
    return changed;
  }

  /**
   * Makes a node byzantine (or, with undefined, honest again): every message it
   * sends from now on goes through `tamper`, which may alter, drop, or multiply
   * it. The node itself runs unchanged; the tamper stands for a faulty NIC, bad
   * memory, or a malicious process that rewrites what the honest code produced.
   *
   * @example
   * world.setTamper('n1', (to, msg) => [msg, msg]); // n1 sends everything twice
   * world.setTamper('n1', undefined);
   */
  setTamper(id: string, tamper: OutboundTamper | undefined): void {
    this.host(id).tamper = tamper;
    this.trace.record({ timeMs: this.nowMs, kind: 'network', node: id, detail: tamper === undefined ? 'honest again' : 'tampers with what it sends' });
  }

  /** True while a tamper rewrites what the node sends (see setTamper). */
  isTampered(id: string): boolean {
    return this.host(id).tamper !== undefined;
  }

  freeDisk(id: string): void {
    this.host(id).disk.free();
    this.trace.record({ timeMs: this.nowMs, kind: 'disk', node: id, detail: 'freed' });
  }
}
