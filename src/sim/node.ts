/**
 * The contract between the simulator and whatever runs on it (store nodes and
 * client processes). Nodes are sans-IO: they react to messages and timers through
 * a context, so the same code could run as a real process over a real transport.
 *
 * Virtual time is in milliseconds.
 */
import type { TraceDetailArgs, TraceEventMap } from './trace.js';

/**
 * Thrown by {@link Disk.append} when the node's disk is full. Nodes must handle it.
 *
 * @example
 * try { ctx.disk.append(entry); } catch (e) { if (e instanceof DiskFullError) reject(); else throw e; }
 */
export class DiskFullError extends Error {
  constructor(nodeId: string) {
    super(`disk full on ${nodeId}`);
    this.name = 'DiskFullError';
  }
}

/**
 * A node's disk: an append-only log of records. Appends are volatile until
 * {@link Disk.fsync}; a crash loses unsynced records. Records must be JSON-like
 * data (they are copied, never shared with the node's memory).
 *
 * @example
 * ctx.disk.append({ term: 2, votedFor: 'n1' });
 * ctx.disk.fsync();                       // now it survives a crash
 * const saved = ctx.disk.read();          // after a restart: the durable records
 */
export interface Disk {
  /** Appends a record (not yet durable). Throws DiskFullError when the disk is full. */
  append(record: unknown): void;
  /** Makes every appended record durable. */
  fsync(): void;
  /** Every record, durable and not yet synced, in append order. After a restart: only durable ones. */
  read(): readonly unknown[];
  /** Replaces the whole log (e.g. after truncating a divergent suffix); durable at once. */
  rewrite(records: readonly unknown[]): void;
  /** Number of records appended but not yet fsynced. */
  readonly unsynced: number;
}

/**
 * What a node may do. Every source of nondeterminism comes from here.
 *
 * @example
 * ctx.send(ctx.peers[0]!, { kind: 'ping' });
 * ctx.setTimer(50 + ctx.random() * 50, 'election');
 */
export interface NodeContext<M, T extends TraceEventMap = TraceEventMap> {
  readonly id: string;
  /** The other store nodes (not clients); a client sees every store node. */
  readonly peers: readonly string[];
  /** This node's own clock, possibly skewed or drifting, in ms. */
  now(): number;
  send(to: string, msg: M): void;
  /**
   * Fires `onTimer(name)` after `afterMs` as this node's clock measures it
   * (a drifting clock fires it early or late; offsets and bumps do not move
   * it); setting a name again replaces it.
   */
  setTimer(afterMs: number, name: string): void;
  cancelTimer(name: string): void;
  readonly disk: Disk;
  /** Uniform in [0, 1), from the simulation's one seeded generator. */
  random(): number;
  /**
   * Records a custom event in the simulation trace (elections, truncations...),
   * its detail kept as JSON. `T` names the events this node may trace.
   */
  trace<N extends keyof T & string>(event: N, ...detail: TraceDetailArgs<T[N]>): void;
}

/**
 * A process hosted by the simulator. Built by a {@link NodeFactory}; rebuilt from disk on restart.
 *
 * @example
 * const echo: NodeFactory<string> = (ctx) => ({ onMessage: (from, msg) => ctx.send(from, msg), onTimer: () => {} });
 */
export interface SimNode<M> {
  /** Called once after construction (and after each restart). */
  start?(): void;
  onMessage(from: string, msg: M): void;
  onTimer(name: string): void;
  /**
   * Optional promise: this node never writes to data once it has handed it over
   * or been handed it — a message it sent or received, a record it appended to
   * its disk, or anything reachable from them. The simulator then passes such
   * data between two promising nodes (and to the disk) without copying it; with
   * `immutableData: 'verify'` (see the world options) it passes it frozen, so a
   * broken promise throws. Leave it out when unsure: data is then copied, as for
   * any node. (What a node reads back from its disk is always its own copy.)
   *
   * @example
   * class GossipNode implements SimNode<Gossip> { readonly immutableData = true; ... }
   */
  readonly immutableData?: boolean;
}

/**
 * Builds a node for a context: at its first start and again after each restart.
 *
 * @example
 * world.addNode('n1', (ctx) => new RaftNode(ctx), { kind: 'store' });
 */
export type NodeFactory<M> = (ctx: NodeContext<M>) => SimNode<M>;
