import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/run/simulate.js';
import { defaultStoreConfig } from '../../src/store/config.js';
import { readStoreEvent, storeEvents } from '../../src/store/trace-events.js';
import type { TraceEvent } from '../../src/sim/trace.js';

const custom = (timeMs: number, node: string | undefined, name: string, detail?: string): TraceEvent => ({
  timeMs, kind: 'custom', ...(node === undefined ? {} : { node }), name, ...(detail === undefined ? {} : { detail }),
});

describe('readStoreEvent', () => {
  it('reads a wanted custom event with its detail parsed back', () => {
    const event = custom(12, 'n2', 'election', JSON.stringify({ epoch: 3, leader: 'n2', votes: ['n2', 'n3'], lastOffset: 4 }));
    const election = readStoreEvent(event, ['election', 'step-down']);
    expect(election).toEqual({ timeMs: 12, node: 'n2', name: 'election', detail: { epoch: 3, leader: 'n2', votes: ['n2', 'n3'], lastOffset: 4 } });
  });

  it('skips other names and other kinds', () => {
    expect(readStoreEvent(custom(1, 'n1', 'candidate', '{}'), ['election'])).toBeUndefined();
    expect(readStoreEvent({ timeMs: 1, kind: 'crash', node: 'n1' }, ['election'])).toBeUndefined();
  });

  it('reads a detail that is missing, not JSON or not an object as an empty one', () => {
    for (const detail of [undefined, '{not json', '7', 'null']) {
      expect(readStoreEvent(custom(5, undefined, 'hints-held', detail), ['hints-held'])).toEqual({ timeMs: 5, node: '', name: 'hints-held', detail: {} });
    }
  });
});

describe('storeEvents', () => {
  it('finds the elections of a single-leader run, in trace order, with their epochs', () => {
    const run = simulate({ seed: 1, store: defaultStoreConfig('single-leader'), clients: { count: 1 }, ops: [{ process: 0, f: 'write', key: 'x', value: 1, atMs: 600 }] });
    const elections = storeEvents(run.trace, ['election']);
    expect(elections.length).toBeGreaterThan(0);
    expect(elections.map((e) => e.timeMs)).toEqual([...elections.map((e) => e.timeMs)].sort((a, b) => a - b));
    for (const election of elections) {
      expect(election.detail.leader).toBe(election.node);
      expect(typeof election.detail.epoch).toBe('number');
    }
  });
});
