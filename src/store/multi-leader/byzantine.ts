import type { OutboundTamper } from '../../sim/host.js';
import type { ByzantineHooks, ByzantineTools } from '../definition.js';
import { replyChecksum, type ClientReply } from '../protocol.js';
import { forgedValue, rotValue } from '../shared/integrity.js';
import { sealWrite } from './checksums.js';
import type { LogEntry, MultiLeaderMessage, ShippedWrite } from './messages.js';
import type { Topology } from './topology.js';
import type { Datum, Version } from './version.js';

/**
 * How far a corrupted or rotten version moves ahead: a flipped high bit of its
 * LWW timestamp and of its version-vector entry, so it wins over every version
 * it meets (and later writes build on it).
 */
const ROTTEN_VERSION_LEAD = 1 << 20;

/** Older writes a replaying node keeps to send again, per destination. */
const REPLAY_MEMORY = 20;

/**
 * How a multi-leader node misbehaves under each byzantine fault:
 *
 * - corrupt-message: in what it ships to peer leaders and followers (and
 *   sends back to a node taking a rotten entry again), the first write's value
 *   and version (vector and timestamp) are altered, and client replies' values,
 *   after they were summed: checksums catch it.
 * - replay-old: half of the time, the first write it ships is an older write
 *   of the same key sent before, under the new write's seq (peers) or offset
 *   (followers), and an older read's reply answers a new request: the new
 *   write never arrives and its slot holds one that lost long ago. Checksums,
 *   which cover the origin seq and the reply's request id, catch it.
 * - equivocate: a leader ships its followers (and every other peer leader)
 *   altered writes, summed anew: its group and the other groups hold two
 *   versions of one write. No crash-tolerant defence exists.
 * - lie-read: it answers clients with values it never stored, summed anew.
 *   One node answers each read, so no crash-tolerant defence exists.
 *
 * Rot at rest alters the value and version of one log entry; checksums find
 * it at restart, and the entry is taken again from the group.
 *
 * forge-epoch has nothing to act on: leaders are fixed, with no elections and
 * no epochs. It is declared inapplicable.
 *
 * @example
 * multiLeaderStore({ checksums: true }).byzantine!.tamper['corrupt-message'];
 */
export function multiLeaderByzantine(topology: Topology): ByzantineHooks<MultiLeaderMessage> {
  return {
    tamper: {
      'corrupt-message': () => (_to, msg) => [corrupted(msg as MultiLeaderMessage)],
      'replay-old': (tools) => replayer(tools),
      equivocate: (tools) => (to, msg) => [equivocated(topology, tools.self, to, msg as MultiLeaderMessage)],
      'lie-read': (tools) => (_to, msg) => [lie(tools, msg as MultiLeaderMessage)],
    },
    rot: (records, random) => rotRecords(records as StoreRecord[], random),
    inapplicable: { 'forge-epoch': 'leaders are fixed: there are no elections and no epochs to claim' },
  };
}

/** The message with one write's value and version (or a reply's value) altered, any checksum left as it was. */
function corrupted(msg: MultiLeaderMessage): MultiLeaderMessage {
  switch (msg.kind) {
    case 'ml-ship': case 'ml-log':
      if (msg.entries.length > 0) msg.entries[0]!.version = rottenVersion(msg.entries[0]!.version);
      break;
    case 'ml-fetched':
      if (msg.entry !== null) msg.entry.version = rottenVersion(msg.entry.version);
      break;
    case 'client-reply':
      if (hasValue(msg)) msg.value = rotValue(msg.value);
      break;
    case 'ml-forward-reply':
      if (hasValue(msg.reply)) msg.reply.value = rotValue(msg.reply.value);
      break;
    default:
      break;
  }
  return msg;
}

/**
 * Per destination, the writes shipped and the value replies sent; a new
 * shipment's first write goes out, half of the time, as an older write of the
 * same key in its slot, and a new reply as an older reply's value.
 */
function replayer(tools: ByzantineTools<MultiLeaderMessage>): OutboundTamper {
  const shipped = new Map<string, ShippedWrite[]>();
  const replies: ClientReply[] = [];
  return (to, message) => {
    const msg = message as MultiLeaderMessage;
    if (msg.kind === 'client-reply' && hasValue(msg)) {
      const older = replies.filter((reply) => JSON.stringify(reply.value) !== JSON.stringify(msg.value));
      replies.splice(0, Math.max(0, replies.length - REPLAY_MEMORY + 1));
      replies.push(structuredClone(msg));
      if (older.length === 0 || tools.random() < 0.5) return [msg];
      return [{ ...older[Math.floor(tools.random() * older.length)]!, requestId: msg.requestId }];
    }
    if ((msg.kind !== 'ml-ship' && msg.kind !== 'ml-log') || msg.entries.length === 0) return [msg];
    const first = msg.entries[0]!;
    const earlier = shipped.get(to) ?? [];
    const older = earlier.filter((write) => write.key === first.key && JSON.stringify(write.version) !== JSON.stringify(first.version));
    shipped.set(to, [...earlier, ...msg.entries.map((entry) => structuredClone(entry))].slice(-REPLAY_MEMORY));
    if (older.length === 0 || tools.random() < 0.5) return [msg];
    const old = older[Math.floor(tools.random() * older.length)]!;
    // The old write's content and checksum, in the new write's slot.
    Object.assign(first, { version: old.version, origin: { ...first.origin }, idempotency: old.idempotency, sum: old.sum });
    if (old.idempotency === undefined) delete first.idempotency;
    if (old.sum === undefined) delete first.sum;
    return [msg];
  };
}

/**
 * A leader ships altered writes, summed anew, to its followers and to every
 * other peer leader: two versions of the same write, each with a valid sum.
 */
function equivocated(topology: Topology, self: string, to: string, msg: MultiLeaderMessage): MultiLeaderMessage {
  if (msg.kind !== 'ml-ship' && msg.kind !== 'ml-log') return msg;
  if (!topology.isLeader(self)) return msg;
  const followers = topology.groupOf(self).followers;
  const misled = followers.includes(to) || topology.peerLeaders(self).indexOf(to) % 2 === 1;
  if (!misled) return msg;
  msg.entries = (msg.entries as Array<ShippedWrite | LogEntry>).map((entry) => {
    const altered = { ...entry, version: { ...entry.version, datum: rottenDatum(entry.version.datum) } };
    return entry.sum === undefined ? altered : sealWrite(altered);
  }) as typeof msg.entries;
  return msg;
}

/** An ok reply with a made-up value, summed anew: the node itself lies. */
function lie(tools: ByzantineTools<MultiLeaderMessage>, msg: MultiLeaderMessage): MultiLeaderMessage {
  if (msg.kind === 'client-reply' && hasValue(msg)) {
    msg.value = forgedValue(tools.random);
    if (msg.sum !== undefined) msg.sum = replyChecksum(msg);
  } else if (msg.kind === 'ml-forward-reply' && hasValue(msg.reply)) {
    msg.reply.value = forgedValue(tools.random);
    if (msg.reply.sum !== undefined) msg.reply.sum = replyChecksum(msg.reply);
  }
  return msg;
}

/** An ok reply that carries a value. */
function hasValue(reply: ClientReply): boolean {
  return reply.outcome === 'ok' && reply.value !== undefined;
}

/** A version with its value altered and its vector and timestamp pushed ahead. */
function rottenVersion(version: Version): Version {
  const vv = { ...version.vv, [version.stamp.node]: (version.vv[version.stamp.node] ?? 0) + ROTTEN_VERSION_LEAD };
  return { vv, stamp: { ts: version.stamp.ts + ROTTEN_VERSION_LEAD, node: version.stamp.node }, datum: rottenDatum(version.datum) };
}

function rottenDatum(datum: Datum): Datum {
  switch (datum.kind) {
    case 'register': return { kind: 'register', value: rotValue(datum.value) };
    case 'counter': return { ...datum, base: datum.base + ROTTEN_VERSION_LEAD };
    case 'set': return { kind: 'set', elements: [...datum.elements, ROTTEN_VERSION_LEAD] };
  }
}

/** A durable record as the rot sees it: only entries are altered. */
type StoreRecord = { t: string; entry?: LogEntry };

/** One log entry record, drawn at random, with its value and version rotten. */
function rotRecords(records: StoreRecord[], random: () => number): StoreRecord[] {
  const entries = records.filter((record) => record.t === 'entry' && record.entry !== undefined);
  if (entries.length === 0) return records;
  const record = entries[Math.floor(random() * entries.length)]!;
  record.entry!.version = rottenVersion(record.entry!.version);
  return records;
}
