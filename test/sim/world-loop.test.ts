import { describe, expect, test } from 'vitest';
import { World } from '../../src/sim/index.js';
import { recorder, recorderWorld } from './helpers.js';

describe('the event loop', () => {
  test('driver events run in time order, same-time ones in scheduling order', () => {
    const world = new World({ seed: 1 });
    const order: string[] = [];
    world.schedule(10, 'late', () => order.push('late'));
    world.schedule(5, 'first', () => order.push('first'));
    world.schedule(5, 'second', () => order.push('second'));
    world.runUntil(20);
    expect(order).toEqual(['first', 'second', 'late']);
    expect(world.now()).toBe(20);
  });

  test('cancelled and replaced timers leave the queue at once, and only the live ones fire', () => {
    const world = recorderWorld(['a']);
    const ctx = recorder(world, 'a').ctx;
    const before = world.pendingEvents;
    for (let i = 0; i < 1000; i++) ctx.setTimer(100 + i, `t${i}`);
    expect(world.pendingEvents).toBe(before + 1000);
    for (let i = 0; i < 1000; i++) if (i % 100 !== 0) ctx.cancelTimer(`t${i}`);
    ctx.setTimer(5, 't0'); // replaces the first one
    expect(world.pendingEvents).toBe(before + 10);
    world.runUntilIdle();
    expect(recorder(world, 'a').seen).toEqual(Array.from({ length: 10 }, (_, k) => `timer:t${k * 100}`));
    expect(recorder(world, 'a').atMs[0]).toBe(5);
  });

  test('runUntil stops at its time, step runs one event at a time', () => {
    const world = new World({ seed: 1 });
    const seen: number[] = [];
    world.schedule(3, 'a', () => seen.push(world.now()));
    world.schedule(7, 'b', () => seen.push(world.now()));
    world.runUntil(5);
    expect(seen).toEqual([3]);
    expect(world.now()).toBe(5);
    expect(world.step()).toBe(true);
    expect(seen).toEqual([3, 7]);
    expect(world.step()).toBe(false);
  });

  test('runUntilIdle reports whether the world went idle within the limit', () => {
    const world = recorderWorld(['a']);
    const ctx = recorder(world, 'a').ctx;
    ctx.setTimer(5, 'once');
    expect(world.runUntilIdle()).toBe(true);
    const world2 = new World({ seed: 1 });
    const tick = () => world2.schedule(world2.now() + 30, 'tick', tick);
    tick();
    expect(world2.runUntilIdle(100)).toBe(false);
    expect(world2.now()).toBe(100);
  });

  test('cancelled timers do not keep the world busy', () => {
    const world = recorderWorld(['a']);
    recorder(world, 'a').ctx.setTimer(1000, 'x');
    recorder(world, 'a').ctx.cancelTimer('x');
    expect(world.runUntilIdle(10)).toBe(true);
  });

  test('stop() makes the current run return after the event', () => {
    const world = new World({ seed: 1 });
    const seen: number[] = [];
    world.schedule(1, 'a', () => seen.push(1));
    world.schedule(2, 'stop', () => world.stop());
    world.schedule(3, 'b', () => seen.push(3));
    world.runUntil(10);
    expect(seen).toEqual([1]);
    expect(world.now()).toBe(2);
    world.runUntil(10);
    expect(seen).toEqual([1, 3]);
  });

  test('a cancelled driver event never runs; scheduling in the past is refused', () => {
    const world = new World({ seed: 1 });
    let ran = false;
    world.schedule(5, 'x', () => (ran = true)).cancel();
    world.runUntil(10);
    expect(ran).toBe(false);
    expect(() => world.schedule(9, 'past', () => {})).toThrow(/now is 10/);
  });

  test('nodes draw from the world generator: same seed, same draws', () => {
    const draws = (seed: number) => {
      const world = recorderWorld(['a'], { seed });
      return [recorder(world, 'a').ctx.random(), world.random()];
    };
    expect(draws(9)).toEqual(draws(9));
    expect(draws(9)).not.toEqual(draws(10));
  });
});
