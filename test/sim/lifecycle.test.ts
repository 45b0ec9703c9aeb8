import { describe, expect, test } from 'vitest';
import { World, type NodeContext, type SimNode } from '../../src/sim/index.js';
import { receivedNumbers, recorder, recorderFactory, recorderWorld, sendNumbered } from './helpers.js';

/** A node that keeps a counter on disk: it appends each increment, fsyncing only when asked. */
class CounterNode implements SimNode<unknown> {
  value: number;
  constructor(readonly ctx: NodeContext<unknown>) {
    this.value = ctx.disk.read().reduce<number>((sum, record) => sum + (record as { add: number }).add, 0);
  }
  start(): void {
    this.ctx.trace('loaded', { value: this.value });
  }
  onMessage(_from: string, msg: unknown): void {
    const { add, sync } = msg as { add: number; sync: boolean };
    this.ctx.disk.append({ add });
    if (sync) this.ctx.disk.fsync();
    this.value += add;
  }
  onTimer(): void {}
}

describe('node lifecycle', () => {
  test('nodes start at their add time and see every store node as a peer', () => {
    const world = new World({ seed: 1 });
    world.addNode('n1', recorderFactory(world));
    world.addNode('n2', recorderFactory(world));
    world.addNode('c1', recorderFactory(world), { kind: 'client' });
    expect(world.node('n1')).toBeUndefined();
    expect(world.nodeState('n1')).toBe('pending');
    world.runUntil(0);
    expect(recorder(world, 'n1').ctx.peers).toEqual(['n2']);
    expect(recorder(world, 'c1').ctx.peers).toEqual(['n1', 'n2']);
    expect(world.nodeIdsOf('client')).toEqual(['c1']);
    expect(() => world.addNode('n1', recorderFactory(world))).toThrow(/already exists/);
  });

  test('a crash drops the node, cancels its timers, and drops messages that reach it', () => {
    const world = recorderWorld(['a', 'b']);
    recorder(world, 'b').ctx.setTimer(5, 'tick');
    sendNumbered(world, 'a', 'b', 1);
    expect(world.crash('b')).toBe(true);
    expect(world.crash('b')).toBe(false);
    expect(world.node('b')).toBeUndefined();
    world.runUntilIdle();
    expect(world.trace.counts.timer).toBe(0);
    expect(world.stats.link('a', 'b')).toMatchObject({ sent: 1, delivered: 0, dropped: 1 });
  });

  test('timers and sends of a crashed incarnation stay dead after restart', () => {
    const world = recorderWorld(['a', 'b']);
    const oldCtx = recorder(world, 'b').ctx;
    oldCtx.setTimer(5, 'old');
    world.crash('b');
    expect(world.restart('b')).toBe(true);
    expect(world.restart('b')).toBe(false);
    oldCtx.send('a', 'zombie');
    oldCtx.setTimer(1, 'zombie');
    world.runUntilIdle();
    expect(recorder(world, 'b').seen).toEqual([]);
    expect(recorder(world, 'a').seen).toEqual([]);
  });

  test('restart rebuilds the node from its durable disk records', () => {
    const world = new World({ seed: 1, network: { latencyMs: { kind: 'constant', value: 1 } } });
    world.addNode('n1', (ctx) => new CounterNode(ctx));
    world.addNode('c', recorderFactory(world), { kind: 'client' });
    world.runUntil(0);
    const client = recorder(world, 'c').ctx;
    client.send('n1', { add: 5, sync: true });
    client.send('n1', { add: 7, sync: false });
    world.runUntilIdle();
    expect(world.node<CounterNode>('n1')!.value).toBe(12);
    world.crash('n1');
    world.restart('n1');
    expect(world.node<CounterNode>('n1')!.value).toBe(5);
    world.crash('n1', { loseUnsynced: false });
    world.restart('n1');
    expect(world.node<CounterNode>('n1')!.value).toBe(5);
    expect(world.trace.events.filter((e) => e.name === 'loaded').map((e) => e.detail)).toEqual(['{"value":0}', '{"value":5}', '{"value":5}']);
  });

  test('a process crash keeps unsynced appends', () => {
    const world = new World({ seed: 1 });
    world.addNode('n1', (ctx) => new CounterNode(ctx));
    world.runUntil(0);
    world.node<CounterNode>('n1')!.onMessage('x', { add: 3, sync: false });
    world.crash('n1', { loseUnsynced: false });
    world.restart('n1');
    expect(world.node<CounterNode>('n1')!.value).toBe(3);
  });

  test('a paused node gets its timers and messages, in order, when it resumes', () => {
    const world = recorderWorld(['a', 'b']);
    world.pause('b', 50);
    expect(world.isPaused('b')).toBe(true);
    recorder(world, 'b').ctx.setTimer(10, 't1');
    sendNumbered(world, 'a', 'b', 2);
    world.runUntil(30);
    sendNumbered(world, 'a', 'b', 1, 2);
    world.runUntil(49);
    expect(recorder(world, 'b').seen).toEqual([]);
    world.runUntilIdle();
    const b = recorder(world, 'b');
    expect(b.seen).toEqual(['a:0', 'a:1', 'timer:t1', 'a:2']);
    expect(b.atMs).toEqual([50, 50, 50, 50]);
    expect(world.isPaused('b')).toBe(false);
  });

  test('pausing again extends the pause; resume ends it early', () => {
    const world = recorderWorld(['a', 'b']);
    world.pause('b', 10);
    world.runUntil(5);
    world.pause('b', 20);
    sendNumbered(world, 'a', 'b', 1);
    world.runUntil(20);
    expect(recorder(world, 'b').seen).toEqual([]);
    world.runUntilIdle();
    expect(recorder(world, 'b').atMs).toEqual([25]);
    world.pause('b', 100);
    sendNumbered(world, 'a', 'b', 1);
    world.runUntil(40);
    world.resume('b');
    expect(recorder(world, 'b').atMs).toEqual([25, 40]);
  });

  test('a node paused before it started starts when the pause ends', () => {
    const world = new World({ seed: 1 });
    world.addNode('a', recorderFactory(world));
    world.pause('a', 15);
    world.runUntil(10);
    expect(world.node('a')).toBeUndefined();
    world.runUntil(20);
    expect(world.trace.events.find((e) => e.kind === 'start')?.timeMs).toBe(15);
  });

  test('a crash during a pause drops the waiting messages', () => {
    const world = recorderWorld(['a', 'b']);
    world.pause('b', 50);
    sendNumbered(world, 'a', 'b', 2);
    world.runUntil(10);
    world.crash('b');
    world.restart('b');
    world.runUntilIdle();
    expect(recorder(world, 'b').seen).toEqual([]);
    expect(world.stats.link('a', 'b')).toMatchObject({ delivered: 0, dropped: 2 });
  });

  test('a slow node processes messages one at a time, each taking the extra delay', () => {
    const world = recorderWorld(['a', 'b']);
    world.slow('b', 10);
    sendNumbered(world, 'a', 'b', 3);
    world.runUntilIdle();
    expect(receivedNumbers(world, 'b')).toEqual([0, 1, 2]);
    expect(recorder(world, 'b').atMs).toEqual([11, 21, 31]);
    world.slow('b', 0);
    sendNumbered(world, 'a', 'b', 1, 3);
    world.runUntilIdle();
    expect(recorder(world, 'b').atMs.at(-1)).toBe(32);
  });

  test('setting a timer again replaces it; cancelTimer removes it', () => {
    const world = recorderWorld(['a']);
    const ctx = recorder(world, 'a').ctx;
    ctx.setTimer(5, 'x');
    ctx.setTimer(8, 'x');
    ctx.setTimer(3, 'y');
    ctx.cancelTimer('y');
    ctx.cancelTimer('never-set');
    world.runUntilIdle();
    expect(recorder(world, 'a').seen).toEqual(['timer:x']);
    expect(recorder(world, 'a').atMs).toEqual([8]);
    expect(() => ctx.setTimer(-1, 'bad')).toThrow(RangeError);
  });

  test('fillDisk makes appends throw until freeDisk', () => {
    const world = recorderWorld(['a']);
    world.fillDisk('a');
    expect(() => recorder(world, 'a').ctx.disk.append(1)).toThrow(/disk full on a/);
    world.freeDisk('a');
    recorder(world, 'a').ctx.disk.append(1);
    expect(world.disk('a').read()).toEqual([1]);
    expect(world.trace.counts.disk).toBe(2);
  });

  test('diskCapacityRecords bounds every node disk', () => {
    const world = recorderWorld(['a'], { diskCapacityRecords: 1 });
    recorder(world, 'a').ctx.disk.append(1);
    expect(() => recorder(world, 'a').ctx.disk.append(2)).toThrow(/disk full/);
  });
});
