import type { OutboundTamper } from '../../sim/host.js';
import type { ByzantineHooks, ByzantineTools } from '../definition.js';
import { forgedValue, rotValue } from '../shared/integrity.js';
import type { KeyState } from './key-state.js';
import type { LeaderlessMessage, ReplicaWrite } from './messages.js';

/** How far ahead of the real version a lying replica claims its made-up one is. */
const FORGED_TAG_LEAD = 1000;

/**
 * How far a corrupted or rotten version moves ahead: a flipped high bit of the
 * tag's counter (or of one version-vector entry), so the altered state wins
 * every merge it meets, and spreads.
 */
const ROTTEN_VERSION_LEAD = 1 << 20;

/** Older writes a replaying node keeps to send again, per destination. */
const REPLAY_MEMORY = 20;

/**
 * How a leaderless node misbehaves under the byzantine faults it can act out.
 *
 * - corrupt-message: in everything it sends that carries data (replies to
 *   coordinators, replica writes, read repairs, hints, anti-entropy entries,
 *   replies to clients and forwarders), the first value and its version are
 *   altered after the honest code summed them: checksums catch it.
 * - replay-old: half of its replica writes carry, under the new op id, an
 *   older write of the same key sent earlier (with that write's checksum): the
 *   replica acknowledges a write it never got. Checksums, which cover the op
 *   id, catch it.
 * - lie-read: as a replica, it answers each coordinator's read with a value it
 *   never stored, under a tag ahead of everything, so that the value wins the
 *   merge (and ABD writes it back). Read verification outvotes it.
 *
 * Rot at rest alters the value and version of one key's newest record;
 * checksums on the records find it at restart, and the key is re-fetched.
 *
 * equivocate and forge-epoch have nothing to act on here: there is no leader
 * and no epoch. They are declared inapplicable, with why: the CLI and the
 * scenario checks refuse them for this mode, and generated schedules leave them out.
 *
 * @example
 * leaderlessStore({ checksums: true }).byzantine!.tamper['corrupt-message'];
 */
export function leaderlessByzantine(): ByzantineHooks<LeaderlessMessage> {
  return {
    tamper: {
      'corrupt-message': () => (_to, message) => [corrupted(message as LeaderlessMessage)],
      'replay-old': (tools) => replayer(tools),
      'lie-read': (tools) => (_to, message) => {
        const msg = message as LeaderlessMessage;
        if (msg.kind === 'replica-read-reply') msg.state = forgedState(msg.state, tools);
        return [msg];
      },
    },
    rot: (records, random) => rotRecords(records as StoreRecord[], random),
    inapplicable: {
      equivocate: 'there is no leader to send two versions of one entry',
      'forge-epoch': 'there is no leader and no epoch to claim',
    },
  };
}

/** The message with its first value and version altered, any checksum left as it was. */
function corrupted(msg: LeaderlessMessage): LeaderlessMessage {
  switch (msg.kind) {
    case 'replica-read-reply':
      if (msg.state !== null) msg.state = rottenState(msg.state);
      break;
    case 'replica-write': case 'repair':
      msg.state = rottenState(msg.state);
      break;
    case 'hint-delivery':
      if (msg.hints.length > 0) msg.hints[0]!.state = rottenState(msg.hints[0]!.state);
      break;
    case 'merkle-keys': case 'merkle-keys-reply':
      if (msg.entries.length > 0) msg.entries[0]!.state = rottenState(msg.entries[0]!.state);
      break;
    case 'forward-reply':
      if (msg.reply.outcome === 'ok') msg.reply.value = rotValue(msg.reply.value);
      break;
    case 'client-reply':
      if (msg.outcome === 'ok') msg.value = rotValue(msg.value);
      break;
    default:
      break;
  }
  return msg;
}

/**
 * Per destination, the replica writes sent; a new one goes out, half of the
 * time, as an older write of the same key (another state) under its op id.
 */
function replayer(tools: ByzantineTools<LeaderlessMessage>): OutboundTamper {
  const sent = new Map<string, ReplicaWrite[]>();
  return (to, message) => {
    const msg = message as LeaderlessMessage;
    if (msg.kind !== 'replica-write') return [msg];
    const earlier = sent.get(to) ?? [];
    sent.set(to, [...earlier.slice(1 - REPLAY_MEMORY), structuredClone(msg)]);
    const older = earlier.filter((write) => write.key === msg.key && JSON.stringify(write.state) !== JSON.stringify(msg.state));
    if (older.length === 0 || tools.random() < 0.5) return [msg];
    const old = older[Math.floor(tools.random() * older.length)]!;
    return [{ ...structuredClone(old), opId: msg.opId }];
  };
}

/** A state with its (first) value altered and its version pushed ahead. */
function rottenState(state: KeyState): KeyState {
  if (state.kind === 'tagged') {
    return { kind: 'tagged', tag: { c: state.tag.c + ROTTEN_VERSION_LEAD, node: state.tag.node }, value: rotValue(state.value) };
  }
  const [first, ...rest] = state.siblings;
  if (first === undefined) return state;
  const [node] = Object.keys(first.vv);
  const vv = node === undefined ? first.vv : { ...first.vv, [node]: first.vv[node]! + ROTTEN_VERSION_LEAD };
  const data = first.data.type === 'value' ? { type: 'value' as const, value: rotValue(first.data.value) } : first.data;
  return { kind: 'siblings', siblings: [{ vv, data }, ...rest] };
}

function forgedState(state: KeyState | null, tools: ByzantineTools<LeaderlessMessage>): KeyState | null {
  if (state === null) return { kind: 'tagged', tag: { c: FORGED_TAG_LEAD, node: tools.self }, value: forgedValue(tools.random) };
  if (state.kind !== 'tagged') return state;
  return { kind: 'tagged', tag: { c: state.tag.c + FORGED_TAG_LEAD, node: state.tag.node }, value: forgedValue(tools.random) };
}

/** A durable record as the rot sees it: only puts are altered. */
type StoreRecord = { t: string; key?: string; state?: KeyState };

/** The newest put of one key, drawn at random, with its value and version rotten. */
function rotRecords(records: StoreRecord[], random: () => number): StoreRecord[] {
  const newest = new Map<string, StoreRecord>();
  for (const record of records) if (record.t === 'put' && record.key !== undefined) newest.set(record.key, record);
  const candidates = [...newest.values()];
  if (candidates.length === 0) return records;
  const record = candidates[Math.floor(random() * candidates.length)]!;
  record.state = rottenState(record.state!);
  return records;
}
