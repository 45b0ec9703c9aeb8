import { describe, expect, test } from 'vitest';
import { World } from '../../src/sim/world.js';
import type { NodeFactory } from '../../src/sim/node.js';

/** A node that logs what it receives and, on a timer, sends { n } to every peer. */
function world(): { world: World; received: Map<string, unknown[]> } {
  const received = new Map<string, unknown[]>();
  const factory: NodeFactory<unknown> = (ctx) => ({
    start: () => ctx.setTimer(10, 'send'),
    onMessage: (_from, msg) => void received.set(ctx.id, [...(received.get(ctx.id) ?? []), msg]),
    onTimer: () => { for (const peer of ctx.peers) ctx.send(peer, { n: 1 }); },
  });
  const w = new World({ seed: 1, network: { latencyMs: { kind: 'constant', value: 1 } } });
  for (const id of ['n1', 'n2']) w.addNode(id, factory, { kind: 'store' });
  return { world: w, received };
}

describe('a byzantine node in the World', () => {
  test('sends what its tamper makes of each message, from a private copy, until it is honest again', () => {
    const { world: w, received } = world();
    let seen: unknown;
    w.setTamper('n1', (_to, msg) => { seen = msg; (msg as { n: number }).n = 99; return [msg, { extra: true }]; });
    expect(w.isTampered('n1')).toBe(true);
    w.runUntil(50);
    expect(received.get('n2')).toEqual([{ n: 99 }, { extra: true }]);
    expect(received.get('n1')).toEqual([{ n: 1 }]);
    expect(seen).toEqual({ n: 99 });
    w.setTamper('n1', undefined);
    expect(w.isTampered('n1')).toBe(false);
  });

  test('reads back rotten records after a restart', () => {
    const { world: w } = world();
    w.runUntil(1);
    w.disk('n1').append({ value: 1 });
    w.disk('n1').fsync();
    w.crash('n1');
    expect(w.rotDisk('n1', (records) => records.map(() => ({ value: 1048577 })))).toBe(1);
    w.restart('n1');
    expect(w.disk('n1').read()).toEqual([{ value: 1048577 }]);
  });
});
