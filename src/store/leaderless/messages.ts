/**
 * Messages between leaderless store nodes (client messages come from
 * src/store/protocol.ts). Every message is plain JSON data.
 */
import type { ClientMessage, ClientReply, ClientRequest } from '../protocol.js';
import type { MerkleNodeHash } from '../shared/merkle-tree.js';
import type { KeyState } from './key-state.js';
import type { AppliedKey } from './replica-store.js';

/**
 * What every message between nodes may carry: with the `checksums` setting, a
 * checksum over the rest of it (see seals.ts).
 */
export interface Sealed {
  sum?: string;
}

/**
 * Coordinator -> replica: your state of `key` (and whether you applied `idempotencyKey`).
 *
 * @example
 * ctx.send('n2', { kind: 'replica-read', opId: 'n1.x.7', key: 'k' });
 */
export interface ReplicaRead extends Sealed {
  kind: 'replica-read';
  opId: string;
  key: string;
  idempotencyKey?: string;
}

/**
 * A replica's answer to a ReplicaRead.
 *
 * @example
 * ctx.send(from, { kind: 'replica-read-reply', opId, state: null }); // holds nothing for the key
 */
export interface ReplicaReadReply extends Sealed {
  kind: 'replica-read-reply';
  opId: string;
  state: KeyState | null;
  /** Set when the replica already applied the request's idempotency key. */
  applied?: { result: unknown };
}

/**
 * Coordinator -> replica (or, with `hintFor`, -> the fallback keeping a hint for that owner).
 *
 * @example
 * ctx.send('n4', { kind: 'replica-write', opId, key: 'k', state, hintFor: 'n2' });
 */
export interface ReplicaWrite extends Sealed {
  kind: 'replica-write';
  opId: string;
  key: string;
  state: KeyState;
  applied?: AppliedKey;
  hintFor?: string;
}

/**
 * A replica's (or hint holder's) acknowledgement; `ok: false` when its disk is full.
 *
 * @example
 * ctx.send(from, { kind: 'replica-write-reply', opId, ok: false, error: 'disk-full' });
 */
export interface ReplicaWriteReply extends Sealed {
  kind: 'replica-write-reply';
  opId: string;
  ok: boolean;
  hintFor?: string;
  error?: string;
}

/**
 * Read repair: a newer state for a replica that answered with an older one. No reply.
 *
 * @example
 * ctx.send('n3', { kind: 'repair', key: 'k', state: newest });
 */
export interface Repair extends Sealed {
  kind: 'repair';
  key: string;
  state: KeyState;
}

/**
 * Hint holder -> owner: writes kept for you while you were unavailable.
 *
 * @example
 * ctx.send(owner, { kind: 'hint-delivery', hints: [{ id, key: 'k', state }] });
 */
export interface HintDelivery extends Sealed {
  kind: 'hint-delivery';
  hints: Array<{ id: string; key: string; state: KeyState; applied?: AppliedKey }>;
}

/**
 * Owner -> hint holder: these hints are durable here now.
 *
 * @example
 * ctx.send(holder, { kind: 'hint-ack', ids: ['n4.x.12'] });
 */
export interface HintAck extends Sealed {
  kind: 'hint-ack';
  ids: string[];
}

/**
 * Contacted node -> a replica of the key: coordinate this request for me.
 *
 * @example
 * ctx.send(owner, { kind: 'forward', forwardId: 'n5.x.3', request });
 */
export interface Forward extends Sealed {
  kind: 'forward';
  forwardId: string;
  request: ClientRequest;
}

/**
 * The coordinator's answer to a forwarded request, relayed to the client by the forwarder.
 *
 * @example
 * ctx.send(forwarder, { kind: 'forward-reply', forwardId, reply });
 */
export interface ForwardReply extends Sealed {
  kind: 'forward-reply';
  forwardId: string;
  reply: ClientReply;
}

/**
 * Anti-entropy, initiator -> responder: my hashes of these tree nodes at `level`.
 *
 * @example
 * ctx.send(peer, { kind: 'merkle-compare', session, level: 0, nodes: tree.hashesAt(0, [0]) });
 */
export interface MerkleCompare extends Sealed {
  kind: 'merkle-compare';
  session: string;
  level: number;
  nodes: MerkleNodeHash[];
}

/**
 * Responder -> initiator: the nodes (of those sent) whose hashes differ here.
 *
 * @example
 * ctx.send(initiator, { kind: 'merkle-diff', session, level: 0, differing: [0] });
 */
export interface MerkleDiff extends Sealed {
  kind: 'merkle-diff';
  session: string;
  level: number;
  differing: number[];
}

/**
 * Initiator -> responder: my entries in the differing leaves.
 *
 * @example
 * ctx.send(peer, { kind: 'merkle-keys', session, leaves: [5], entries: [{ key: 'k', state }] });
 */
export interface MerkleKeys extends Sealed {
  kind: 'merkle-keys';
  session: string;
  leaves: number[];
  entries: Array<{ key: string; state: KeyState }>;
}

/**
 * Responder -> initiator: my entries in those leaves that the initiator lacks.
 *
 * @example
 * ctx.send(initiator, { kind: 'merkle-keys-reply', session, entries: [] });
 */
export interface MerkleKeysReply extends Sealed {
  kind: 'merkle-keys-reply';
  session: string;
  entries: Array<{ key: string; state: KeyState }>;
}

/**
 * One spare's taking over of a failed ring member: `[failed, spare]`.
 */
export type Takeover = [failed: string, spare: string];

/**
 * Spare -> every node, every spareHeartbeatMs: the takeovers it knows of. The
 * receiver adopts them and answers (its answer is the spare's heartbeat from it).
 *
 * @example
 * ctx.send('n1', { kind: 'spare-ping', takeovers: [['n2', 's1']] });
 */
export interface SparePing extends Sealed {
  kind: 'spare-ping';
  takeovers: Takeover[];
}

/**
 * Any node -> spare: the answer to a SparePing, with the takeovers the node
 * knows of (a restarted spare learns from them which member it holds).
 *
 * @example
 * ctx.send('s1', { kind: 'spare-pong', takeovers: [['n2', 's1']] });
 */
export interface SparePong extends Sealed {
  kind: 'spare-pong';
  takeovers: Takeover[];
}

/**
 * Spare taking over `failed` -> every surviving member: send me what I now replicate.
 *
 * @example
 * ctx.send('n3', { kind: 'transfer-request', failed: 'n2', takeovers: [['n2', 's1']] });
 */
export interface TransferRequest extends Sealed {
  kind: 'transfer-request';
  failed: string;
  takeovers: Takeover[];
  /** Send the keys after this one (in key order); from the first key when absent. */
  after?: string;
}

/**
 * Member -> spare: every key it holds that the spare now replicates.
 *
 * @example
 * ctx.send('s1', { kind: 'transfer-data', failed: 'n2', entries: [{ key: 'k', state }], done: true });
 */
export interface TransferData extends Sealed {
  kind: 'transfer-data';
  failed: string;
  entries: Array<{ key: string; state: KeyState }>;
  /** True on the last page: nothing after these entries. */
  done: boolean;
}

/**
 * Every message between store nodes.
 *
 * @example
 * if (msg.kind === 'replica-read') ctx.send(from, replica.read(msg));
 */
export type PeerMessage =
  | ReplicaRead
  | ReplicaReadReply
  | ReplicaWrite
  | ReplicaWriteReply
  | Repair
  | HintDelivery
  | HintAck
  | Forward
  | ForwardReply
  | MerkleCompare
  | MerkleDiff
  | MerkleKeys
  | MerkleKeysReply
  | SparePing
  | SparePong
  | TransferRequest
  | TransferData;

/**
 * Everything a leaderless node sends or receives.
 *
 * @example
 * const node: SimNode<LeaderlessMessage> = new LeaderlessNode(ctx, config, ring);
 */
export type LeaderlessMessage = PeerMessage | ClientMessage;
