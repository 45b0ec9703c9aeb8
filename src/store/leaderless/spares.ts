/**
 * Spare nodes (the `spares` setting): N+1 and N+2 for the leaderless store.
 *
 * A spare sends every node a ping each spareHeartbeatMs, carrying the takeovers
 * it knows of; every node adopts them and answers, and the answers feed the
 * spare's heartbeat detector, one per ring member. When a member has been silent
 * for spareDeclareAfterMs, the first spare (by id) that holds nothing yet takes
 * its tokens over: the ring membership changes the same way on every node that
 * hears of it (membership.ts). The new holder then pulls, page by page, every
 * key it now replicates from each surviving member (`transfer-request` /
 * `transfer-data`); it takes writes at once but answers no replica reads until
 * every member it asked has sent its last page (or is declared dead too). Traced:
 * 'spare-takeover' {failed, spare}, 'transfer-complete' {failed, keys, bytes, ms}.
 *
 * A spare that took a member over is not free for the next failure: with one
 * spare, a second failure stays unreplaced.
 *
 * @example
 * const spares = new SpareRole(env);
 * spares.start();            // a spare arms its heartbeat; a member does nothing
 */
import { HeartbeatDetector } from '../shared/heartbeat-detector.js';
import { messageBytes } from './merkle-audit.js';
import type { SparePing, SparePong, TransferData, TransferRequest } from './messages.js';
import type { NodeEnv } from './node-env.js';

/**
 * The name of a spare's heartbeat timer.
 *
 * @example
 * if (name === SPARE_TIMER) spares.onTimer();
 */
export const SPARE_TIMER = 'spare-heartbeat';

/** Keys per transfer page: the data moves in many messages, each taking its network time. */
const TRANSFER_PAGE = 16;

interface Transfer {
  failed: string;
  startMs: number;
  /** When the last page arrived: a transfer silent for a heartbeat is asked again. */
  progressMs: number;
  /** Members still sending, with the key to continue after (undefined: from the start). */
  pending: Map<string, string | undefined>;
  from: string[];
  keys: number;
  bytes: number;
}

/**
 * A node's part in sparing (see the file's description): the spare's watch and
 * takeover on a spare, the answers to pings and transfer pages on every node.
 *
 * @example
 * spares.onPing('s1', { kind: 'spare-ping', takeovers: [] });
 */
export class SpareRole {
  private readonly detectors = new Map<string, HeartbeatDetector>();
  private transfer: Transfer | undefined;

  constructor(private readonly env: NodeEnv) {}

  start(): void {
    if (!this.env.isSpare) return;
    this.env.ctx.setTimer(this.env.config.spareHeartbeatMs, SPARE_TIMER);
  }

  /** Any message from a node proves it alive to a spare's detector. */
  heardFrom(peer: string): void {
    if (this.env.isSpare) this.detector(peer).heartbeat(this.env.ctx.now());
  }

  onTimer(): void {
    const { ctx, members } = this.env;
    ctx.setTimer(this.env.config.spareHeartbeatMs, SPARE_TIMER);
    const ping: SparePing = { kind: 'spare-ping', takeovers: members.list() };
    for (const peer of [...ctx.peers].sort()) ctx.send(peer, ping);
    this.followMembership();
    if (this.transfer !== undefined) return this.continueTransfer();
    const failed = this.declaredMember();
    if (failed !== undefined && this.firstFreeSpare() === this.env.id) this.takeOver(failed);
  }

  /** Every node: adopt the spare's takeovers, and answer (the spare's heartbeat from here). */
  onPing(from: string, ping: SparePing): void {
    if (this.env.members.adopt(ping.takeovers)) this.followMembership();
    this.env.ctx.send(from, { kind: 'spare-pong', takeovers: this.env.members.list() });
  }

  /** A spare: the answer is the heartbeat (see heardFrom); its takeovers tell a restarted spare what it holds. */
  onPong(pong: SparePong): void {
    if (this.env.members.adopt(pong.takeovers)) this.followMembership();
  }

  /** Every member: the next page of the keys the asking spare now replicates. */
  onTransferRequest(from: string, request: TransferRequest): void {
    if (this.env.members.adopt(request.takeovers)) this.followMembership();
    const after = request.after;
    const keys = this.env.store
      .keys()
      .filter((key) => (after === undefined || key > after) && !this.env.store.isDamaged(key) && this.env.owners(key).includes(from))
      .sort();
    const page = keys.slice(0, TRANSFER_PAGE);
    const data: TransferData = {
      kind: 'transfer-data',
      failed: request.failed,
      entries: page.map((key) => ({ key, state: this.env.store.get(key)! })),
      done: keys.length <= TRANSFER_PAGE,
    };
    this.env.ctx.send(from, data);
  }

  /** The spare taking over: store a page, ask for the next one, finish when all have sent their last. */
  onTransferData(from: string, data: TransferData): void {
    const transfer = this.transfer;
    if (transfer === undefined || data.failed !== transfer.failed || !transfer.pending.has(from)) return;
    // A full disk stores part of the page at most: the page is asked again at the next heartbeat.
    if (this.env.store.mergeBatch(data.entries).diskFull) return;
    transfer.progressMs = this.env.ctx.now();
    transfer.keys += data.entries.length;
    transfer.bytes += messageBytes(data);
    if (!transfer.from.includes(from)) transfer.from.push(from);
    if (data.done) transfer.pending.delete(from);
    else {
      const last = data.entries[data.entries.length - 1]?.key;
      transfer.pending.set(from, last);
      this.request(from, transfer);
    }
    this.finishIfDone();
  }

  private detector(peer: string): HeartbeatDetector {
    let detector = this.detectors.get(peer);
    if (detector === undefined) {
      const declareAfterMs = this.env.config.spareDeclareAfterMs;
      detector = new HeartbeatDetector({ suspectAfterMs: declareAfterMs, declareAfterMs }, this.env.ctx.now());
      this.detectors.set(peer, detector);
    }
    return detector;
  }

  private isDeclared(peer: string): boolean {
    return this.detector(peer).status(this.env.ctx.now()) === 'declared';
  }

  /** The current holders of the ring's tokens (spares that took members over included). */
  private holders(): string[] {
    return this.env.ring.nodeIds.map((member) => this.env.members.resolve(member));
  }

  /** The first holder, in ring member order, this spare declares dead. */
  private declaredMember(): string | undefined {
    return this.holders().find((holder) => holder !== this.env.id && this.isDeclared(holder));
  }

  /** The lowest spare id holding nothing, that this spare does not declare dead itself. */
  private firstFreeSpare(): string | undefined {
    const spares = [...this.env.ctx.peers, this.env.id].filter((id) => !this.env.ring.nodeIds.includes(id)).sort();
    return spares.find((id) => this.env.members.replacedBy(id) === undefined && (id === this.env.id || !this.isDeclared(id)));
  }

  private takeOver(failed: string): void {
    this.env.members.adopt([[failed, this.env.id]]);
    this.env.ctx.trace('spare-takeover', { failed, spare: this.env.id });
    this.followMembership();
  }

  /**
   * Starts pulling the ranges this spare now holds when the membership says it
   * took one over (its own takeover, or one it learns again after a restart);
   * drops a transfer when a lower spare's claim on the same member won.
   */
  private followMembership(): void {
    if (!this.env.isSpare) return;
    const failed = this.env.members.replacedBy(this.env.id);
    if (failed === undefined) {
      this.transfer = undefined;
      this.env.serving = false;
      return;
    }
    if (this.env.serving || this.transfer?.failed === failed) return;
    const sources = this.holders().filter((holder) => holder !== this.env.id && holder !== failed);
    this.transfer = { failed, startMs: this.env.ctx.now(), progressMs: this.env.ctx.now(), pending: new Map(sources.map((s) => [s, undefined])), from: [], keys: 0, bytes: 0 };
    for (const source of sources) this.request(source, this.transfer);
    this.finishIfDone();
  }

  private request(source: string, transfer: Transfer): void {
    const after = transfer.pending.get(source);
    const message: TransferRequest = { kind: 'transfer-request', failed: transfer.failed, takeovers: this.env.members.list() };
    if (after !== undefined) message.after = after;
    this.env.ctx.send(source, message);
  }

  /** Asks again every member not done when nothing came for a heartbeat (a request or page may have been lost). */
  private continueTransfer(): void {
    const transfer = this.transfer!;
    if (this.env.ctx.now() - transfer.progressMs >= this.env.config.spareHeartbeatMs) for (const source of transfer.pending.keys()) if (!this.isDeclared(source)) this.request(source, transfer);
    this.finishIfDone();
  }

  /** Done once every member still alive has sent its last page: from then on, this spare serves reads. */
  private finishIfDone(): void {
    const transfer = this.transfer;
    if (transfer === undefined) return;
    for (const source of transfer.pending.keys()) if (!this.isDeclared(source)) return;
    this.transfer = undefined;
    this.env.serving = true;
    const { failed, keys, bytes, from } = transfer;
    this.env.ctx.trace('transfer-complete', { failed, from: [...from].sort(), keys, bytes, ms: this.env.ctx.now() - transfer.startMs });
  }
}
