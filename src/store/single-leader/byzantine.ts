import type { OutboundTamper } from '../../sim/host.js';
import type { ByzantineHooks, ByzantineTools } from '../definition.js';
import { replyChecksum, type ClientReply } from '../protocol.js';
import { forgedValue, rotValue } from '../shared/integrity.js';
import type { LogEntry } from '../shared/log.js';
import type { SingleLeaderConfig } from './config.js';
import type { AppendRequest, SingleLeaderMessage } from './messages.js';
import type { SingleLeaderNode } from './node.js';
import type { DiskRecord, EntryRecord, Payload } from './records.js';
import { entryChecksum } from './replica.js';

/**
 * How a single-leader node misbehaves under each byzantine fault. Each tamper
 * rewrites the messages the honest node code produced:
 *
 * - corrupt-message: in shipped entries, a value and the entry's epoch (its
 *   version) are altered, in client replies the value, after they were summed
 *   (a bad NIC or bad memory): checksums catch it. A follower holding an entry
 *   under an epoch no leader gave it can win an election it should have lost.
 * - equivocate: the leader ships altered entries, re-summed, to every other
 *   follower: one position, two contents. No crash-tolerant defence exists.
 * - forge-epoch: a follower tells each peer it leads the next epoch and ships
 *   an entry with a made-up value: authenticated epochs catch it.
 * - replay-old: an earlier read's reply is sent again as the answer to a new
 *   request, and old appends are sent again: checksums (which bind a reply to
 *   its request) catch the first; epochs and offsets make the second harmless.
 * - lie-read: a node answers with a value it never stored, re-summed. Reads are
 *   served by one node (the leader), so no crash-tolerant defence exists.
 *
 * Rot at rest alters the value of one durable log record; checksums on the
 * records find it at restart.
 *
 * @example
 * singleLeaderStore({ checksums: true }).byzantine!.tamper['corrupt-message'];
 */
export function singleLeaderByzantine(config: SingleLeaderConfig): ByzantineHooks<SingleLeaderMessage> {
  return {
    tamper: {
      'corrupt-message': () => (_to, msg) => [corrupted(msg as SingleLeaderMessage)],
      equivocate: (tools) => (to, msg) => [equivocated(tools, to, msg as SingleLeaderMessage)],
      'forge-epoch': (tools) => forger(tools, config),
      'replay-old': (tools) => replayer(tools),
      'lie-read': (tools) => (_to, msg) => [lie(tools, msg as SingleLeaderMessage)],
    },
    rot: (records, random) => rotRecords(records as DiskRecord[], random),
  };
}

/** The message with a value (and an entry's epoch) altered, its checksums left as they were. */
function corrupted(msg: SingleLeaderMessage): SingleLeaderMessage {
  if (msg.kind === 'append') {
    const entry = msg.entries.find((candidate) => rotPayload(candidate.payload));
    if (entry !== undefined) entry.epoch += 1;
  } else if (isValueReply(msg)) {
    msg.value = rotValue(msg.value);
  }
  return msg;
}

/** To every other follower (by cluster order), entries with altered values, summed anew. */
function equivocated(tools: ByzantineTools<SingleLeaderMessage>, to: string, msg: SingleLeaderMessage): SingleLeaderMessage {
  const node = tools.node() as SingleLeaderNode | undefined;
  if (msg.kind !== 'append' || node === undefined || node.peers.indexOf(to) % 2 === 0) return msg;
  for (const entry of msg.entries) {
    if (rotPayload(entry.payload) && entry.sum !== undefined) entry.sum = entryChecksum(entry);
  }
  return msg;
}

/**
 * Next to each message to a peer, once per peer and epoch: an append that
 * claims leadership of the next epoch and ships a made-up value after this
 * node's log, committed at once. It can only attach a certificate it holds
 * (its own, from an epoch it did win), never one for the epoch it claims.
 */
function forger(tools: ByzantineTools<SingleLeaderMessage>, config: SingleLeaderConfig): OutboundTamper {
  const forged = new Set<string>();
  return (to, msg) => {
    const node = tools.node() as SingleLeaderNode | undefined;
    if (node === undefined || node.role === 'leader' || !node.peers.includes(to)) return [msg];
    const { log } = node.replica;
    const epoch = node.replica.epoch + 1;
    const key = lastWrittenKey(node);
    if (key === undefined || forged.has(`${to}/${epoch}`)) return [msg];
    forged.add(`${to}/${epoch}`);
    const entry: LogEntry<Payload> = {
      epoch,
      offset: log.lastOffset + 1,
      payload: { kind: 'wal', records: [{ op: 'set', key, value: forgedValue(tools.random) }] },
    };
    if (config.checksums) entry.sum = entryChecksum(entry);
    const claim: AppendRequest = {
      kind: 'append', epoch, leader: tools.self, prevOffset: log.lastOffset, prevEpoch: log.lastEpoch,
      entries: [entry], commitOffset: entry.offset, round: 0,
      ...(node.certificate === undefined ? {} : { certificate: node.certificate }),
    };
    return [msg, claim];
  };
}

/** The key of the latest write in a node's log, for a forged entry to overwrite. */
function lastWrittenKey(node: SingleLeaderNode): string | undefined {
  const { log } = node.replica;
  for (let offset = log.lastOffset; offset >= 1; offset--) {
    const payload = log.entryAt(offset)!.payload;
    if (payload.kind === 'wal') {
      const set = payload.records.find((record) => record.op === 'set');
      if (set !== undefined) return set.key;
    } else if (payload.kind === 'row' && payload.changes.length > 0) return payload.changes[0]!.key;
    else if (payload.kind === 'statement') return payload.statement.key;
  }
  return undefined;
}

/**
 * Half of the value replies answer with an earlier reply's value and checksum
 * under the new request's id; a third of the appends go out again later, as
 * they were.
 */
function replayer(tools: ByzantineTools<SingleLeaderMessage>): OutboundTamper {
  const replies: ClientReply[] = [];
  const appends = new Map<string, AppendRequest[]>();
  return (to, message) => {
    const msg = message as SingleLeaderMessage;
    if (isValueReply(msg)) {
      const older = replies.filter((reply) => JSON.stringify(reply.value) !== JSON.stringify(msg.value));
      replies.push(structuredClone(msg));
      if (older.length === 0 || tools.random() < 0.5) return [msg];
      const old = older[Math.floor(tools.random() * older.length)]!;
      return [{ ...old, requestId: msg.requestId }];
    }
    if (msg.kind === 'append') {
      const sent = appends.get(to) ?? [];
      appends.set(to, [...sent.slice(-19), structuredClone(msg)]);
      if (sent.length > 0 && tools.random() < 1 / 3) return [msg, sent[Math.floor(tools.random() * sent.length)]!];
    }
    return [msg];
  };
}

/** A value reply with a made-up value, summed anew: the node itself lies. */
function lie(tools: ByzantineTools<SingleLeaderMessage>, msg: SingleLeaderMessage): SingleLeaderMessage {
  if (!isValueReply(msg)) return msg;
  msg.value = forgedValue(tools.random);
  if (msg.sum !== undefined) msg.sum = replyChecksum(msg);
  return msg;
}

/** An ok client reply that carries a data value (not a switchover's node id). */
function isValueReply(msg: SingleLeaderMessage): msg is ClientReply {
  return msg.kind === 'client-reply' && msg.outcome === 'ok' && msg.value !== undefined && typeof msg.value !== 'string';
}

/** Alters the first value a payload carries; false when it carries none. */
function rotPayload(payload: Payload): boolean {
  switch (payload.kind) {
    case 'noop': return false;
    case 'wal': {
      const set = payload.records.find((record) => record.op === 'set');
      if (set === undefined) return false;
      set.value = rotValue(set.value);
      return true;
    }
    case 'row':
      if (payload.changes.length === 0) return false;
      payload.changes[0]!.after = rotValue(payload.changes[0]!.after);
      return true;
    case 'statement':
      payload.statement.value = rotValue(payload.statement.value);
      return true;
  }
}

/** One durable entry record, drawn at random among those with a value, with its value rotten (payload and effects). */
function rotRecords(records: DiskRecord[], random: () => number): DiskRecord[] {
  const valued = records.filter((record): record is EntryRecord => record.t === 'entry' && record.effects.some((effect) => effect.op === 'set'));
  if (valued.length === 0) return records;
  const record = valued[Math.floor(random() * valued.length)]!;
  rotPayload(record.payload);
  const set = record.effects.find((effect) => effect.op === 'set')!;
  set.value = rotValue(set.value);
  return records;
}
