import { describe, expect, it } from 'vitest';
import { RealtimeNetwork } from '../../src/external/network.js';
import type { Message } from '../../src/external/protocol.js';
import { planFaults } from '../../src/external/nemesis.js';
import { gridTopology } from '../../src/external/topology.js';
import { SimRandom } from '../../src/sim/rng.js';

const message = (src: string, dest: string, n: number): Message => ({ src, dest, body: { type: 'x', n } });

describe('the real-time network', () => {
  it('delivers each link\'s messages in send order, even with random latency', async () => {
    const got: number[] = [];
    let resolve!: () => void;
    const done = new Promise<void>((r) => (resolve = r));
    const net = new RealtimeNetwork({ latency: { kind: 'exponential', mean: 2, max: 20 }, lossProbability: 0 }, new SimRandom(1), (m) => {
      got.push(m.body.n as number);
      if (got.length === 50) resolve();
    });
    for (let n = 0; n < 50; n++) net.send(message('n1', 'n2', n));
    await done;
    expect(got).toEqual(Array.from({ length: 50 }, (_, n) => n));
    expect(net.stats()).toMatchObject({ sent: 50, delivered: 50, dropped: 0, serverSent: 50 });
    net.close();
  });

  it('drops what is sent on a cut link, one way only, until healed', async () => {
    const got: string[] = [];
    const net = new RealtimeNetwork({ latency: { kind: 'constant', value: 0 }, lossProbability: 0 }, new SimRandom(1), (m) => got.push(`${m.src}>${m.dest}`));
    net.cut([['n1', 'n2']]);
    expect(net.send(message('n1', 'n2', 1))).toBe(false);
    expect(net.send(message('n2', 'n1', 2))).toBe(true);
    net.heal();
    expect(net.send(message('n1', 'n2', 3))).toBe(true);
    await new Promise((r) => setTimeout(r, 20));
    expect(got).toEqual(['n2>n1', 'n1>n2']);
    expect(net.stats().dropped).toBe(1);
    net.close();
  });

  it('loses messages at the probability asked', () => {
    const net = new RealtimeNetwork({ latency: { kind: 'constant', value: 0 }, lossProbability: 0.5 }, new SimRandom(2), () => {});
    let delivered = 0;
    for (let n = 0; n < 1000; n++) if (net.send(message('n1', 'n2', n))) delivered++;
    expect(delivered).toBeGreaterThan(400);
    expect(delivered).toBeLessThan(600);
    net.close();
  });
});

describe('the fault schedule and the topology', () => {
  it('the seed fixes the fault schedule; another seed gives another', () => {
    const nodes = ['n1', 'n2', 'n3', 'n4', 'n5'];
    const plan = (seed: number) => planFaults(new SimRandom(seed), nodes, ['partition', 'kill', 'pause'], 1000, 20_000);
    expect(plan(7)).toEqual(plan(7));
    expect(plan(7)).not.toEqual(plan(8));
    for (const window of plan(7)) {
      expect(window.endMs).toBeGreaterThan(window.startMs);
      if (window.fault.kind !== 'partition') expect(window.fault.nodes.length).toBeLessThanOrEqual(2);
    }
  });

  it('the grid topology links each node to its neighbours, both ways', () => {
    const topology = gridTopology(['n1', 'n2', 'n3', 'n4', 'n5']);
    expect(topology).toEqual({ n1: ['n2', 'n4'], n2: ['n1', 'n3', 'n5'], n3: ['n2'], n4: ['n1', 'n5'], n5: ['n2', 'n4'] });
    for (const [node, neighbours] of Object.entries(topology)) for (const other of neighbours) expect(topology[other]).toContain(node);
  });
});
