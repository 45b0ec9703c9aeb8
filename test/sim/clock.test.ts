import { describe, expect, test } from 'vitest';
import { NodeClock } from '../../src/sim/index.js';
import { recorder, recorderWorld } from './helpers.js';

describe('NodeClock', () => {
  test('reads virtual time when untouched', () => {
    expect(new NodeClock().read(123.5)).toBe(123.5);
  });

  test('offset shifts, bump jumps (both ways), reset restores', () => {
    const clock = new NodeClock();
    clock.setOffset(100);
    expect(clock.read(10)).toBe(110);
    clock.bump(-30);
    expect(clock.read(10)).toBe(80);
    clock.bump(-30);
    expect(clock.read(10)).toBe(50);
    clock.reset();
    expect(clock.read(10)).toBe(10);
  });

  test('constant drift from 0 gives t * (1 + drift) + offset', () => {
    const clock = new NodeClock();
    clock.setDrift(0, 0.5);
    clock.setOffset(7);
    expect(clock.read(100)).toBe(157);
  });

  test('changing the drift re-anchors: the clock never jumps', () => {
    const clock = new NodeClock();
    clock.setDrift(0, 1); // runs twice as fast
    expect(clock.read(10)).toBe(20);
    clock.setDrift(10, 0); // back to normal speed at t = 10: keeps its 10 ms lead
    expect(clock.read(10)).toBe(20);
    expect(clock.read(15)).toBe(25);
    clock.setDrift(15, -0.5);
    expect(clock.read(25)).toBe(30);
  });

  test('drift must stay above -1', () => {
    expect(() => new NodeClock().setDrift(0, -1)).toThrow(RangeError);
    expect(() => new NodeClock().bump(NaN)).toThrow(RangeError);
  });
});

describe('clocks in the world', () => {
  test('ctx.now() reads the node clock while other nodes keep virtual time', () => {
    const world = recorderWorld(['a', 'b']);
    world.runUntil(100);
    world.setClockOffset('a', 5000);
    world.setClockDrift('b', 0.1);
    world.runUntil(200);
    expect(recorder(world, 'a').ctx.now()).toBe(5200);
    expect(recorder(world, 'b').ctx.now()).toBeCloseTo(210, 9);
    world.bumpClock('a', -6000);
    expect(recorder(world, 'a').ctx.now()).toBe(-800);
    world.resetClock('a');
    expect(world.clockOf('a')).toBe(200);
    expect(world.trace.counts.clock).toBe(4);
  });

  test('timers run on the node clock: a fast clock fires them early, offsets do not move them', () => {
    const world = recorderWorld(['fast', 'skewed']);
    world.setClockDrift('fast', 1);
    world.setClockOffset('skewed', 1_000_000);
    recorder(world, 'fast').ctx.setTimer(100, 't');
    recorder(world, 'skewed').ctx.setTimer(100, 't');
    world.runUntil(1000);
    expect(recorder(world, 'fast').atMs).toEqual([50]);
    expect(recorder(world, 'skewed').atMs).toEqual([100]);
  });
});
