import { describe, expect, it } from 'vitest';
import { clientProcessFactory } from '../../src/client/process.js';
import { generatorSource, queueSource } from '../../src/client/op-source.js';
import { defaultClientPolicy } from '../../src/client/policy.js';
import { createClientRuntime } from '../../src/client/runtime.js';
import { World } from '../../src/sim/world.js';
import { toyStoreFactory } from './support/toy-store.js';

describe('op sources', () => {
  it('a queue hands out its ops in order, then nothing', () => {
    const source = queueSource([{ f: 'a', value: 1 }, { f: 'b', value: 2 }]);
    expect([source.next(0)?.f, source.next(0)?.f, source.next(0)]).toEqual(['a', 'b', undefined]);
  });

  it('a generator is asked with the virtual time and how many ops it gave', () => {
    const calls: Array<[number, number]> = [];
    const source = generatorSource((nowMs, count) => {
      calls.push([nowMs, count]);
      return count < 2 ? { f: 'read', value: null } : undefined;
    });
    [5, 6, 7].forEach((t) => source.next(t));
    expect(calls).toEqual([[5, 0], [6, 1], [7, 2]]);
  });

  it('drives a client process: it asks for the next op each time it is idle', () => {
    const world = new World({ seed: 1, network: { latencyMs: { kind: 'constant', value: 1 } } });
    const runtime = createClientRuntime(defaultClientPolicy(), () => world.now());
    world.addNode('n1', toyStoreFactory(), { kind: 'store' });
    const asked: number[] = [];
    const ops = generatorSource((nowMs, count) => {
      asked.push(nowMs);
      return count < 3 ? { f: 'add', key: 'c', value: 1 } : undefined;
    });
    let done = 0;
    world.addNode('c0', clientProcessFactory({ clientIndex: 0, clientCount: 1, entryPoints: ['n1'], runtime, ops, verbs: { add: 'incr' }, onDone: () => done++ }), { kind: 'client' });
    world.runUntil(100);
    // asked at the start and after each 2 ms round trip
    expect(asked).toEqual([0, 2, 4, 6]);
    expect(runtime.recorder.ops.filter((op) => op.type === 'ok')).toHaveLength(3);
    expect(done).toBe(1);
  });
});
