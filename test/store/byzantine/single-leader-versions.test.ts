import { describe, expect, test } from 'vitest';
import type { AppendRequest } from '../../../src/store/single-leader/messages.js';
import { entryChecksum } from '../../../src/store/single-leader/replica.js';
import { singleLeaderStore } from '../../../src/store/single-leader/store.js';

const tools = { self: 'n1', node: () => undefined, random: () => 0.5 };

function append(): AppendRequest {
  const entry = { epoch: 3, offset: 7, payload: { kind: 'wal' as const, records: [{ op: 'set' as const, key: 'x', value: 4 }] } };
  return { kind: 'append', epoch: 3, leader: 'n1', prevOffset: 6, prevEpoch: 3, entries: [{ ...entry, sum: entryChecksum(entry) }], commitOffset: 6, round: 1 };
}

describe('single-leader corrupt-message', () => {
  test('alters the version of a shipped entry (its epoch) along with its value, leaving the checksum stale', () => {
    const tamper = singleLeaderStore({ checksums: true }).byzantine!.tamper['corrupt-message']!(tools);
    const [sent] = tamper('n2', append()) as AppendRequest[];
    const entry = sent!.entries[0]!;
    expect(entry.epoch).toBe(4);
    expect(entry.offset).toBe(7);
    expect(entry.payload).not.toEqual(append().entries[0]!.payload);
    expect(entry.sum).toBe(append().entries[0]!.sum);
    expect(entryChecksum(entry)).not.toBe(entry.sum);
  });
});
