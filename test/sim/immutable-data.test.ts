import { describe, expect, test } from 'vitest';
import { deepFreeze } from '../../src/sim/immutable-data.js';
import { World, type NodeContext, type SimNode, type WorldOptions } from '../../src/sim/index.js';

/** A node that keeps what it receives and can promise immutable data or not. */
class Keeper implements SimNode<unknown> {
  readonly received: unknown[] = [];
  constructor(
    readonly ctx: NodeContext<unknown>,
    readonly immutableData: boolean,
  ) {}
  onMessage(_from: string, msg: unknown): void {
    this.received.push(msg);
  }
  onTimer(): void {}
}

function world(promises: Record<string, boolean>, options: Partial<WorldOptions> = {}): World {
  const w = new World({ seed: 1, network: { latencyMs: { kind: 'constant', value: 1 } }, ...options });
  for (const [id, promise] of Object.entries(promises)) w.addNode(id, (ctx) => new Keeper(ctx, promise));
  w.runUntil(0);
  return w;
}

const keeper = (w: World, id: string) => w.node<Keeper>(id)!;

describe('immutable data between nodes that promise it', () => {
  test("'trust' hands the very object over, to the node and to its disk", () => {
    const w = world({ a: true, b: true }, { immutableData: 'trust' });
    const message = { list: [1] };
    keeper(w, 'a').ctx.send('b', message);
    w.runUntilIdle();
    expect(keeper(w, 'b').received[0]).toBe(message);
    const record = { n: 1 };
    keeper(w, 'a').ctx.disk.append(record);
    // Reads still hand out copies: a restarted node gets data of its own.
    expect(w.disk('a').read()).toEqual([record]);
    expect(w.disk('a').read()[0]).not.toBe(record);
  });

  test("'verify' freezes what is shared, so a broken promise throws", () => {
    const w = world({ a: true, b: true }, { immutableData: 'verify' });
    const message = { list: [1], nested: { n: 1 } };
    keeper(w, 'a').ctx.send('b', message);
    expect(() => message.list.push(2)).toThrow(TypeError);
    w.runUntilIdle();
    const received = keeper(w, 'b').received[0] as typeof message;
    expect(received).toBe(message);
    expect(() => {
      received.nested.n = 2;
    }).toThrow(TypeError);
    const record = { entries: [1] };
    keeper(w, 'a').ctx.disk.append(record);
    expect(Object.isFrozen(record.entries)).toBe(true);
  });

  test('data to or from a node that makes no promise is still copied, both ways', () => {
    const w = world({ a: true, b: false }, { immutableData: 'verify' });
    const toB = { list: [1] };
    const toA = { list: [2] };
    keeper(w, 'a').ctx.send('b', toB);
    keeper(w, 'b').ctx.send('a', toA);
    toB.list.push(3);
    toA.list.push(4);
    w.runUntilIdle();
    expect(keeper(w, 'b').received).toEqual([{ list: [1] }]);
    expect(keeper(w, 'a').received).toEqual([{ list: [2] }]);
    expect(Object.isFrozen(toB)).toBe(false);
    const record = { n: [1] };
    keeper(w, 'b').ctx.disk.append(record);
    record.n.push(2);
    expect(w.disk('b').read()).toEqual([{ n: [1] }]);
  });

  test('the mode defaults to the FAULTLINE_VERIFY_IMMUTABLE_DATA environment variable', () => {
    const saved = process.env.FAULTLINE_VERIFY_IMMUTABLE_DATA;
    try {
      process.env.FAULTLINE_VERIFY_IMMUTABLE_DATA = '1';
      const verifying = world({ a: true, b: true });
      const frozen = { x: 1 };
      keeper(verifying, 'a').ctx.send('b', frozen);
      expect(Object.isFrozen(frozen)).toBe(true);
      process.env.FAULTLINE_VERIFY_IMMUTABLE_DATA = '0';
      const trusting = world({ a: true, b: true });
      const open = { x: 1 };
      keeper(trusting, 'a').ctx.send('b', open);
      expect(Object.isFrozen(open)).toBe(false);
    } finally {
      if (saved === undefined) delete process.env.FAULTLINE_VERIFY_IMMUTABLE_DATA;
      else process.env.FAULTLINE_VERIFY_IMMUTABLE_DATA = saved;
    }
  });
});

describe('deepFreeze', () => {
  test('freezes everything reachable and returns its argument', () => {
    const value = { a: [1, { b: 'x' }], c: null };
    expect(deepFreeze(value)).toBe(value);
    expect(Object.isFrozen(value.a[1])).toBe(true);
    expect(() => (value.a as unknown[]).push(2)).toThrow(TypeError);
  });

  test('refuses data that freezing cannot make immutable', () => {
    expect(() => deepFreeze({ seen: new Map() })).toThrow(/plain JSON-like data, got a Map/);
    expect(() => deepFreeze([new Date(0)])).toThrow(TypeError);
  });
});
