/**
 * Merkle-tree anti-entropy. Every intervalMs a node (the initiator) picks its
 * next peer in turn and compares the keys both of them replicate:
 *
 * 1. it sends its root hash; the peer answers which of the sent nodes differ;
 * 2. it sends the hashes of the children of the differing nodes only, level by
 *    level, until the differing leaves are known (or nothing differs);
 * 3. it sends its entries in the differing leaves; the peer merges them and
 *    answers with its own entries in those leaves that differ from what it got;
 *    the initiator merges those. Newer versions win; siblings merge.
 *
 * Both sides trace 'merkle-exchange' {peer, role, differingLeaves, keysSent, bytes}, and
 * 'anti-entropy-repair' {peer, keys} for the keys whose state actually changed.
 * Every comparison step is traced as 'merkle-step' on both sides, with digests
 * of the compared keys' states (see merkle-audit.ts), so a checker can verify that
 * the tree found exactly the keys that differed.
 *
 * @example
 * antiEntropy.start();          // arms the timer when enabled
 */
import { canonicalJson } from './canonical.js';
import { childIndices, MerkleTree } from '../shared/merkle-tree.js';
import type { KeyState } from './key-state.js';
import type { MerkleCompare, MerkleDiff, MerkleKeys, MerkleKeysReply } from './messages.js';
import { digestsUnder, messageBytes } from './merkle-audit.js';
import type { NodeEnv } from './node-env.js';

/**
 * The name of the timer that starts each anti-entropy round.
 *
 * @example
 * if (name === ANTI_ENTROPY_TIMER) antiEntropy.onTimer();
 */
export const ANTI_ENTROPY_TIMER = 'anti-entropy';

type Entry = { key: string; state: KeyState };

/**
 * One node's part in Merkle-tree anti-entropy, as initiator and as responder.
 *
 * @example
 * const antiEntropy = new AntiEntropy(env);
 * antiEntropy.start();                       // arms the first round
 * antiEntropy.onCompare('n2', compareMsg);   // answers a peer's round
 */
export class AntiEntropy {
  private peerTurn = 0;
  /** The one exchange this node is leading (a newer round replaces an unfinished one). */
  private session: { id: string; peer: string } | undefined;

  constructor(private readonly env: NodeEnv) {}

  /** Arms the first round at a random point of the interval, so nodes do not all start at once. */
  start(): void {
    const { enabled, intervalMs } = this.env.config.antiEntropy;
    if (enabled) this.env.ctx.setTimer(1 + Math.floor(this.env.ctx.random() * intervalMs), ANTI_ENTROPY_TIMER);
  }

  onTimer(): void {
    this.env.ctx.setTimer(this.env.config.antiEntropy.intervalMs, ANTI_ENTROPY_TIMER);
    const peers = [...this.env.ctx.peers].sort();
    if (peers.length === 0) return;
    const peer = peers[this.peerTurn++ % peers.length]!;
    this.session = { id: this.env.newId(), peer };
    const tree = this.sharedTree(peer);
    const root: MerkleCompare = { kind: 'merkle-compare', session: this.session.id, level: 0, nodes: tree.hashesAt(0, [0]) };
    this.sendCompare(peer, tree, root);
  }

  /** Responder: which of the initiator's nodes differ here. */
  onCompare(from: string, msg: MerkleCompare): void {
    const tree = this.sharedTree(from);
    const differing = tree.differing(msg.level, msg.nodes);
    const reply: MerkleDiff = { kind: 'merkle-diff', session: msg.session, level: msg.level, differing };
    this.audit(from, 'responder', tree, msg, { differing, bytes: messageBytes(reply) });
    this.env.ctx.send(from, reply);
  }

  /** Initiator: descend into the differing nodes, or move on to keys at the leaves. */
  onDiff(from: string, msg: MerkleDiff): void {
    if (this.session?.id !== msg.session || this.session.peer !== from) return;
    const tree = this.sharedTree(from);
    if (msg.differing.length === 0 || msg.level === tree.depth) {
      const entries = this.entriesIn(tree, msg.differing);
      if (msg.differing.length === 0) {
        this.trace(from, 'initiator', msg.differing, entries, 0);
        return void (this.session = undefined);
      }
      const keys: MerkleKeys = { kind: 'merkle-keys', session: msg.session, leaves: msg.differing, entries };
      this.trace(from, 'initiator', msg.differing, entries, messageBytes(keys));
      return this.env.ctx.send(from, keys);
    }
    const level = msg.level + 1;
    const nodes = tree.hashesAt(level, childIndices(msg.differing));
    this.sendCompare(from, tree, { kind: 'merkle-compare', session: msg.session, level, nodes });
  }

  /** Responder: take the initiator's entries, answer with those of ours it lacks. */
  onKeys(from: string, msg: MerkleKeys): void {
    this.mergeEntries(from, msg.entries);
    const sent = new Map(msg.entries.map((e) => [e.key, canonicalJson(e.state)]));
    const tree = this.sharedTree(from);
    const back = this.entriesIn(tree, msg.leaves).filter((e) => sent.get(e.key) !== canonicalJson(e.state));
    const reply: MerkleKeysReply = { kind: 'merkle-keys-reply', session: msg.session, entries: back };
    this.trace(from, 'responder', msg.leaves, back, messageBytes(reply));
    this.env.ctx.send(from, reply);
  }

  /** Initiator: the last step. */
  onKeysReply(from: string, msg: MerkleKeysReply): void {
    if (this.session?.id !== msg.session || this.session.peer !== from) return;
    this.session = undefined;
    this.mergeEntries(from, msg.entries);
  }

  /**
   * The tree over the keys both this node and `peer` replicate, each hashed with
   * its whole state. Under the merkle-without-version mutation the state is left
   * out, so the tree tells only which keys each side holds, not which version.
   */
  private sharedTree(peer: string): MerkleTree {
    const withoutVersion = this.env.mutations.on('merkle-without-version');
    const entries: Array<[string, string]> = [];
    for (const key of this.env.store.keys()) {
      const owners = this.env.owners(key);
      if (owners.includes(peer) && owners.includes(this.env.id)) entries.push([key, withoutVersion ? '' : canonicalJson(this.env.store.get(key))]);
    }
    return MerkleTree.build(entries, this.env.config.antiEntropy.treeDepth);
  }

  private entriesIn(tree: MerkleTree, leaves: readonly number[]): Entry[] {
    return leaves.flatMap((leaf) => tree.keysInLeaf(leaf)).map((key) => ({ key, state: this.env.store.get(key)! }));
  }

  private mergeEntries(peer: string, entries: readonly Entry[]): void {
    const before = new Map(entries.map((e) => [e.key, canonicalJson(this.env.store.get(e.key))]));
    this.env.store.mergeBatch(entries);
    const repaired = entries.filter((e) => canonicalJson(this.env.store.get(e.key)) !== before.get(e.key)).map((e) => e.key);
    if (repaired.length > 0) this.env.ctx.trace('anti-entropy-repair', { peer, keys: repaired });
  }

  private trace(peer: string, role: 'initiator' | 'responder', differingLeaves: readonly number[], sent: readonly Entry[], bytes: number): void {
    this.env.ctx.trace('merkle-exchange', { peer, role, differingLeaves: [...differingLeaves], keysSent: sent.map((e) => e.key), bytes });
  }

  private sendCompare(peer: string, tree: MerkleTree, msg: MerkleCompare): void {
    this.audit(peer, 'initiator', tree, msg, { bytes: messageBytes(msg) });
    this.env.ctx.send(peer, msg);
  }

  /**
   * One side of one comparison step: the node hashes compared, the responder's
   * answer, and digests of this side's keys under those nodes (for checkers).
   */
  private audit(peer: string, role: 'initiator' | 'responder', tree: MerkleTree, msg: MerkleCompare, extra: { differing?: number[]; bytes: number }): void {
    const digests = digestsUnder(this.env, peer, tree.depth, msg.level, msg.nodes.map((n) => n.index));
    const { session, level, nodes } = msg;
    this.env.ctx.trace('merkle-step', { peer, role, session, level, depth: tree.depth, nodes, ...extra, digests });
  }
}
