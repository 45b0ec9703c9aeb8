/**
 * The custom trace events the stores emit, with the data each one carries: the
 * contract between the store nodes that trace them and the code that reads
 * them back from a run's trace (the checkers, the nemesis finding the leader).
 * Store nodes take a {@link StoreNodeContext}, so an event that is not listed
 * here, or a detail of the wrong shape, fails to compile where it is emitted.
 */
import type { NodeContext } from '../sim/node.js';
import type { CustomTraceEvent, TraceEvent } from '../sim/trace.js';

/** A version as the leaderless store tags it: an LWW tag or a version vector. */
type VersionTag = unknown;

/**
 * Each store event's detail, by event name.
 *
 * - leaderless: `suspect` (a peer stopped answering), `handoff` /
 *   `handoff-impossible` (a sloppy-quorum write went to a fallback, or found none),
 *   `hint-stored`, `hints-held` (right after a restart), `hint-delivered`,
 *   `read-repair`, `merkle-step` (one comparison step of anti-entropy, with
 *   digests for checkers), `merkle-exchange`, `anti-entropy-repair`; with spares
 *   `spare-takeover` (a spare took a dead member's tokens) and `transfer-complete`
 *   (it holds their data: keys, bytes and ms of the transfer).
 * - single-leader: `candidate`, `election`, `step-down`, `suspect` /
 *   `declare-dead` (of the leader), `truncate`, `switchover`, `cdc-subscribe`,
 *   `statement-failed`, `deduplicated`, `disk-full`; with a standby `promote`,
 *   `standby-synced`, `snapshot`, `restore`.
 * - multi-leader: `conflict`, `forward`, `recovered`, `idempotent-replay`, `disk-full`.
 */
export type StoreTraceData = {
  // leaderless
  suspect: { peer: string } | { leader: string | undefined; epoch: number };
  handoff: { key: string; owner: string; fallback: string };
  'handoff-impossible': { key: string; owner: string };
  'hint-stored': { owner: string; key: string; hint: string };
  'hints-held': { hints: string[] };
  'hint-delivered': { owner: string; keys: string[]; count: number; hints: string[] };
  'read-repair': { key: string; replicas: readonly string[]; sent: VersionTag; observed: Record<string, VersionTag> };
  'merkle-step': MerkleStepDetail;
  'merkle-exchange': { peer: string; role: MerkleRole; differingLeaves: number[]; keysSent: string[]; bytes: number };
  'anti-entropy-repair': { peer: string; keys: string[] };
  'read-mismatch': { key: string; replicas: string[] };
  'corrupt-dropped': { where: 'message' | 'disk'; kind: string; from?: string; key?: string };
  'key-refetched': { key: string; from: string[] };
  'spare-takeover': { failed: string; spare: string };
  'transfer-complete': { failed: string; from: string[]; keys: number; bytes: number; ms: number };
  'entry-refetched': { offset: number; from: string };
  // single-leader
  candidate: { epoch: number; transfer: boolean };
  election: { epoch: number; leader: string; votes: string[]; lastOffset: number };
  'step-down': { epoch: number; reason: string; newLeader?: string | null };
  'declare-dead': { leader: string | undefined; epoch: number };
  truncate: { reason: string; keptThrough: number; droppedCount: number; droppedEpochs: number[] };
  switchover: SwitchoverDetail;
  'cdc-subscribe': { consumer: string; fromOffset: number };
  'statement-failed': { offset: number; error: string };
  deduplicated: { idempotencyKey: string; offset: number };
  'checksum-mismatch': { where: 'append' | 'disk'; offset: number; from?: string };
  'rot-recovery': { keptThrough: number; lostThrough: number };
  'epoch-unproven': { epoch: number; leader: string };
  promote: { epoch: number; level: string; replay: number };
  'standby-synced': { epoch: number; offset: number };
  snapshot: { offset: number; epoch: number };
  restore: { snapshotOffset: number | null; keptThrough: number; replay: number };
  'disk-full':
    | { while: 'standing for election' | 'persisting epoch'; epoch: number }
    | { while: 'replicating'; offset: number }
    | { key: string; from: string }
    | { key: string; f: string }
    | { offset: number };
  // multi-leader
  conflict: ConflictDetail;
  forward: { key: string | number | null; to: string; requestId: string | number };
  recovered: { entries: number; ownWrites?: number };
  'idempotent-replay': { idempotencyKey: string };
};

/** Which side of an anti-entropy exchange traced a Merkle event. */
export type MerkleRole = 'initiator' | 'responder';

/**
 * One side of one Merkle comparison step: the tree nodes compared, the
 * responder's answer (`differing`, on the initiator's side), and digests of
 * this side's keys under those nodes, so a checker can redo the comparison.
 */
export type MerkleStepDetail = {
  peer: string;
  role: MerkleRole;
  session: string;
  level: number;
  depth: number;
  nodes: Array<{ index: number; hash: number }>;
  differing?: number[];
  bytes: number;
  digests: Record<string, Record<string, number>>;
};

/** A switchover's progress on the leader handing over (or its end). */
type SwitchoverDetail =
  | { phase: 'drain'; target: string; epoch: number; pendingWrites: number }
  | { phase: 'hand-over'; target: string; lastOffset: number }
  | { phase: 'done'; target: string; epoch: number }
  | { phase: 'overtaken'; target: string; leader: string | undefined; epoch: number }
  | { phase: 'abandoned'; target: string };

/** A multi-leader conflict and how the policy resolved it (LWW's winner, or the merged kind). */
type ConflictDetail = {
  key: string;
  resolution: 'lww' | 'siblings' | 'merge';
  from: string;
  versions: number;
  winner?: string;
  winnerTs?: number;
  merged?: string;
};

/**
 * The name of a store event.
 */
export type StoreTraceName = keyof StoreTraceData & string;

/**
 * A store event as one union: narrowing on `name` gives its detail's type.
 *
 * @example
 * if (event.name === 'election') leaders.set(event.node, event.detail.epoch);
 */
export type StoreTraceEvent<N extends StoreTraceName = StoreTraceName> = CustomTraceEvent<Pick<StoreTraceData, N>> & {
  timeMs: number;
  /** The node that traced it. */
  node: string;
};

/**
 * The context a store node runs with: the simulator's, limited to tracing the
 * store's own events.
 *
 * @example
 * class LeaderNode { constructor(readonly ctx: StoreNodeContext<Message>) {} }
 */
export type StoreNodeContext<M> = NodeContext<M, StoreTraceData>;

/**
 * True when a trace event is a store event of one of the given names; cheaper
 * than {@link readStoreEvent} when the detail is not needed.
 *
 * @example
 * const elections = run.trace.filter((event) => isStoreEvent(event, 'election')).length;
 */
export function isStoreEvent(event: TraceEvent, ...names: StoreTraceName[]): boolean {
  return event.kind === 'custom' && event.name !== undefined && (names as string[]).includes(event.name);
}

/**
 * A trace event as the store event it is, when it is one of the wanted names
 * (its detail parsed back from JSON); undefined otherwise. A detail that is
 * not JSON (a hand-edited trace) reads as an empty object, so readers still
 * check the fields they rely on.
 *
 * @example
 * const election = readStoreEvent(event, ['election']);
 * if (election !== undefined) console.log(election.detail.epoch);
 */
export function readStoreEvent<N extends StoreTraceName>(event: TraceEvent, names: readonly N[]): StoreTraceEvent<N> | undefined {
  if (event.kind !== 'custom' || event.name === undefined || !(names as readonly string[]).includes(event.name)) return undefined;
  return { timeMs: event.timeMs, node: event.node ?? '', name: event.name, detail: parseDetail(event.detail) } as StoreTraceEvent<N>;
}

/**
 * The store events of a trace with one of the given names, in trace order.
 *
 * @example
 * storeEvents(run.trace, ['hint-stored', 'hint-delivered']).length;
 */
export function storeEvents<N extends StoreTraceName>(trace: readonly TraceEvent[], names: readonly N[]): StoreTraceEvent<N>[] {
  const events: StoreTraceEvent<N>[] = [];
  for (const event of trace) {
    const read = readStoreEvent(event, names);
    if (read !== undefined) events.push(read);
  }
  return events;
}

function parseDetail(detail: string | undefined): unknown {
  if (detail === undefined) return {};
  try {
    const parsed: unknown = JSON.parse(detail);
    return typeof parsed === 'object' && parsed !== null ? parsed : {};
  } catch {
    return {};
  }
}
