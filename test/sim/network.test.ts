import { describe, expect, test } from 'vitest';
import { receivedNumbers, recorderWorld, sendNumbered } from './helpers.js';

const uniformLatency = { kind: 'uniform', min: 1, max: 10 } as const;

describe('network faults', () => {
  test('loss drops about the given fraction of messages', () => {
    const world = recorderWorld(['a', 'b'], { network: { lossProbability: 0.3 } });
    sendNumbered(world, 'a', 'b', 10_000);
    world.runUntilIdle();
    const delivered = receivedNumbers(world, 'b').length;
    expect(delivered).toBeGreaterThan(6700);
    expect(delivered).toBeLessThan(7300);
    const stats = world.stats.link('a', 'b');
    expect(stats.dropped).toBe(10_000 - delivered);
    expect(world.trace.counts.drop).toBe(stats.dropped);
  });

  test('duplication delivers some messages twice, each copy its own object', () => {
    const world = recorderWorld(['a', 'b'], { network: { duplicateProbability: 0.2 } });
    sendNumbered(world, 'a', 'b', 5000);
    world.runUntilIdle();
    const received = receivedNumbers(world, 'b');
    const duplicates = received.length - 5000;
    expect(duplicates).toBeGreaterThan(850);
    expect(duplicates).toBeLessThan(1150);
    expect(new Set(received).size).toBe(5000);
    expect(world.stats.link('a', 'b')).toMatchObject({ sent: 5000 + duplicates, duplicated: duplicates, delivered: 5000 + duplicates });
  });

  test('without reordering a link is FIFO even with random latency', () => {
    const world = recorderWorld(['a', 'b'], { network: { latencyMs: uniformLatency } });
    for (let i = 0; i < 200; i++) {
      sendNumbered(world, 'a', 'b', 1, i);
      world.runUntil(world.now() + 0.5);
    }
    world.runUntilIdle();
    const received = receivedNumbers(world, 'b');
    expect(received).toEqual(Array.from({ length: 200 }, (_, i) => i));
  });

  test('reordering lets later messages overtake earlier ones', () => {
    const world = recorderWorld(['a', 'b'], { network: { latencyMs: uniformLatency, reorderProbability: 0.3 } });
    for (let i = 0; i < 200; i++) {
      sendNumbered(world, 'a', 'b', 1, i);
      world.runUntil(world.now() + 0.5);
    }
    world.runUntilIdle();
    const received = receivedNumbers(world, 'b');
    expect([...received].sort((x, y) => x - y)).toEqual(Array.from({ length: 200 }, (_, i) => i));
    const inversions = received.filter((n, i) => i > 0 && n < received[i - 1]!).length;
    expect(inversions).toBeGreaterThan(5);
  });

  test('a one-way partition blocks only its direction, and heal restores it', () => {
    const world = recorderWorld(['a', 'b']);
    world.blockLink('a', 'b');
    sendNumbered(world, 'a', 'b', 3);
    sendNumbered(world, 'b', 'a', 3);
    world.runUntilIdle();
    expect(receivedNumbers(world, 'b')).toEqual([]);
    expect(receivedNumbers(world, 'a')).toEqual([0, 1, 2]);
    expect(world.blockedLinks()).toEqual([['a', 'b']]);
    world.heal();
    expect(world.blockedLinks()).toEqual([]);
    sendNumbered(world, 'a', 'b', 1);
    world.runUntilIdle();
    expect(receivedNumbers(world, 'b')).toEqual([0]);
  });

  test('a partition drops messages already in flight when they arrive', () => {
    const world = recorderWorld(['a', 'b'], { network: { latencyMs: { kind: 'constant', value: 10 } } });
    sendNumbered(world, 'a', 'b', 1);
    world.runUntil(5);
    world.partition([['a', 'b']]);
    world.runUntilIdle();
    expect(receivedNumbers(world, 'b')).toEqual([]);
    expect(world.trace.events.some((e) => e.kind === 'drop' && e.detail?.includes('partition'))).toBe(true);
  });

  test('partitionGroups cuts across groups both ways and leaves a bridge node connected', () => {
    const world = recorderWorld(['a', 'b', 'c', 'd', 'bridge']);
    world.partitionGroups([['a', 'b'], ['c', 'd']]);
    for (const from of ['a', 'b', 'c', 'd', 'bridge']) {
      for (const to of ['a', 'b', 'c', 'd', 'bridge']) if (from !== to) sendNumbered(world, from, to, 1);
    }
    world.runUntilIdle();
    const senders = (id: string) => world.trace.events.filter((e) => e.kind === 'deliver' && e.node === id).map((e) => e.peer).sort();
    expect(senders('a')).toEqual(['b', 'bridge']);
    expect(senders('c')).toEqual(['bridge', 'd']);
    expect(senders('bridge')).toEqual(['a', 'b', 'c', 'd']);
  });

  test('latency and extra latency can be set per link', () => {
    const world = recorderWorld(['a', 'b', 'c']);
    world.setLatency({ kind: 'constant', value: 7 }, [['a', 'b']]);
    world.addLatency(100, [['a', 'c']]);
    sendNumbered(world, 'a', 'b', 1);
    sendNumbered(world, 'a', 'c', 1);
    sendNumbered(world, 'b', 'c', 1);
    world.runUntilIdle();
    const deliveredAt = (to: string, from: string) => world.trace.events.find((e) => e.kind === 'deliver' && e.node === to && e.peer === from)?.timeMs;
    expect(deliveredAt('b', 'a')).toBe(7);
    expect(deliveredAt('c', 'a')).toBe(101);
    expect(deliveredAt('c', 'b')).toBe(1);
  });

  test('a global setting overrides per-link ones and applies to links made later', () => {
    const world = recorderWorld(['a', 'b', 'c']);
    world.setLoss(0.5, [['a', 'b']]);
    world.setLoss(1);
    sendNumbered(world, 'a', 'b', 5);
    sendNumbered(world, 'c', 'a', 5);
    world.runUntilIdle();
    expect(world.stats.total()).toMatchObject({ sent: 10, delivered: 0, dropped: 10 });
    expect(() => world.setLoss(1.5)).toThrow(/lossProbability/);
  });

  test('messages are copied at send: the sender mutating afterwards changes nothing', () => {
    const world = recorderWorld(['a', 'b']);
    const message = { list: [1] };
    world.node<{ ctx: { send(to: string, m: unknown): void } }>('a')!.ctx.send('b', message);
    message.list.push(2);
    world.runUntilIdle();
    expect(world.trace.events.filter((e) => e.kind === 'deliver').length).toBe(1);
    expect(world.node<{ seen: string[] }>('b')!.seen).toEqual(['a:{"list":[1]}']);
  });

  test('sending to an unknown node is a programming error', () => {
    const world = recorderWorld(['a']);
    expect(() => sendNumbered(world, 'a', 'nobody', 1)).toThrow(/unknown node 'nobody'/);
  });
});

describe('network stats', () => {
  test('count messages and JSON bytes per directed link', () => {
    const world = recorderWorld(['a', 'b']);
    const ctxA = world.node<{ ctx: { send(to: string, m: unknown): void } }>('a')!.ctx;
    ctxA.send('b', { kind: 'x', n: 10 });
    ctxA.send('b', 'hi');
    world.blockLink('b', 'a');
    sendNumbered(world, 'b', 'a', 1);
    world.runUntilIdle();
    const bytes = JSON.stringify({ kind: 'x', n: 10 }).length + JSON.stringify('hi').length;
    expect(world.stats.link('a', 'b')).toEqual({ from: 'a', to: 'b', sent: 2, delivered: 2, dropped: 0, duplicated: 0, bytes });
    expect(world.stats.link('b', 'a')).toEqual({ from: 'b', to: 'a', sent: 1, delivered: 0, dropped: 1, duplicated: 0, bytes: 1 });
    expect(world.stats.links().map((s) => `${s.from}->${s.to}`)).toEqual(['a->b', 'b->a']);
    expect(world.stats.total()).toEqual({ sent: 3, delivered: 2, dropped: 1, duplicated: 0, bytes: bytes + 1 });
  });

  test('countBytes: false skips byte counting', () => {
    const world = recorderWorld(['a', 'b'], { network: { latencyMs: { kind: 'constant', value: 1 }, countBytes: false } });
    sendNumbered(world, 'a', 'b', 3);
    expect(world.stats.link('a', 'b')).toMatchObject({ sent: 3, bytes: 0 });
  });
});
