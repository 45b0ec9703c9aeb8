import { describe, expect, test } from 'vitest';
import { Trace, formatTrace, formatTraceEvent } from '../../src/sim/index.js';
import { recorder, recorderWorld, sendNumbered } from './helpers.js';

describe('the trace', () => {
  test('records sends, deliveries, timers, faults and custom events in order', () => {
    const world = recorderWorld(['a', 'b']);
    sendNumbered(world, 'a', 'b', 1);
    recorder(world, 'a').ctx.setTimer(2, 'tick');
    recorder(world, 'a').ctx.trace('elected', { term: 3 });
    world.runUntil(1);
    world.crash('b');
    world.runUntilIdle();
    expect(formatTrace(world.trace.events)).toEqual([
      '     0.000 start     a',
      '     0.000 start     b',
      '     0.000 send      a -> b     m1',
      '     0.000 custom    a          elected {"term":3}',
      '     1.000 deliver   b <- a     m1',
      '     1.000 crash     b          lost 0 unsynced',
      '     2.000 timer     a          tick',
    ]);
  });

  test('messages: false keeps only lifecycle, faults and custom events, but counts everything', () => {
    const world = recorderWorld(['a', 'b'], { trace: { messages: false } });
    sendNumbered(world, 'a', 'b', 3);
    recorder(world, 'a').ctx.setTimer(1, 't');
    world.runUntil(1);
    world.blockLink('a', 'b');
    sendNumbered(world, 'a', 'b', 1);
    world.runUntilIdle();
    expect(world.trace.events.map((e) => e.kind)).toEqual(['start', 'start', 'partition']);
    expect(world.trace.counts).toMatchObject({ send: 4, deliver: 3, drop: 1, timer: 1, partition: 1 });
  });

  test('drivers can annotate the trace', () => {
    const world = recorderWorld([], { seed: 77 });
    world.runUntil(5);
    world.annotate('nemesis', { f: 'kill' });
    world.annotate('phase');
    expect(formatTrace(world.trace.events)).toEqual(['     5.000 custom               nemesis {"f":"kill"}', '     5.000 custom               phase']);
    expect(world.seed).toBe(77);
  });

  test('maxEvents keeps the last N events, oldest first', () => {
    const trace = new Trace({ maxEvents: 3 });
    for (let i = 0; i < 7; i++) trace.record({ timeMs: i, kind: 'custom', name: `e${i}` });
    expect(trace.events.map((e) => e.name)).toEqual(['e4', 'e5', 'e6']);
    expect(trace.evicted).toBe(4);
    expect(trace.counts.custom).toBe(7);
  });

  test('enabled: false keeps nothing but counts', () => {
    const trace = new Trace({ enabled: false });
    trace.record({ timeMs: 0, kind: 'heal' });
    expect(trace.events).toEqual([]);
    expect(trace.counts.heal).toBe(1);
  });

  test('message labels show the kind or type field', () => {
    const world = recorderWorld(['a', 'b']);
    recorder(world, 'a').ctx.send('b', { kind: 'vote' });
    recorder(world, 'a').ctx.send('b', { type: 'read' });
    expect(world.trace.events.filter((e) => e.kind === 'send').map((e) => e.detail)).toEqual(['m1 vote', 'm2 read']);
  });

  test('formatTraceEvent renders each shape on one line', () => {
    expect(formatTraceEvent({ timeMs: 1, kind: 'heal' })).toBe('     1.000 heal');
    expect(formatTraceEvent({ timeMs: 12.3456, kind: 'drop', node: 'b', peer: 'a', detail: 'm3 (loss)' })).toBe('    12.346 drop      b <- a     m3 (loss)');
  });
});
