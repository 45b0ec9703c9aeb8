/**
 * The router of `faultline test`: messages per second through it with five echo
 * node processes, and the time a message spends in faultline per hop (from the
 * line read off a node's stdout, or a client's send, to the write on the
 * destination's stdin or its delivery to the client), with no added latency.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RpcClient } from '../../src/external/client.js';
import { NodeProcess } from '../../src/external/node-process.js';
import { RealtimeNetwork } from '../../src/external/network.js';
import type { Message } from '../../src/external/protocol.js';
import { Router } from '../../src/external/router.js';
import { SimRandom } from '../../src/sim/rng.js';

const ECHO_NODE = path.resolve('test/fixtures/maelstrom/echo.mjs');

/** One measurement: messages routed per second, and per-hop time in faultline (ms). */
export interface RouterFigures {
  messagesPerSec: number;
  hopMsP50: number;
  hopMsP99: number;
  messages: number;
}

/**
 * Sends `requests` echo requests to `nodes` echo processes, `window` in flight
 * at a time per client (5 clients, one per node), and times the router.
 */
export async function benchRouter(options: { nodes: number; requests: number; window: number }): Promise<RouterFigures> {
  const dir = mkdtempSync(path.join(tmpdir(), 'faultline-router-bench-'));
  const sentAt = new Map<Message, number>();
  const hops: number[] = [];
  let router: Router | undefined;
  const network = new RealtimeNetwork({ latency: { kind: 'constant', value: 0 }, lossProbability: 0 }, new SimRandom(1), (message) => {
    const at = sentAt.get(message);
    if (at !== undefined) {
      hops.push(performance.now() - at);
      sentAt.delete(message);
    }
    router!.deliver(message);
  });
  const send = network.send.bind(network);
  network.send = (message) => {
    sentAt.set(message, performance.now());
    return send(message);
  };
  router = new Router(network, () => {});
  const ids = Array.from({ length: options.nodes }, (_, i) => `n${i + 1}`);
  const nodes = ids.map((id) => new NodeProcess(id, { bin: process.execPath, args: [ECHO_NODE], cwd: path.join(dir, id), logFile: path.join(dir, `${id}.log`) }, {
    line: (from, line) => router!.fromNode(from, line),
    badOutput: () => {},
    exit: () => {},
  }));
  try {
    for (const node of nodes) {
      router.addNode(node);
      await node.start();
    }
    const control = new RpcClient('c0', router, 10_000);
    await Promise.all(ids.map((id) => control.call(id, { type: 'init', node_id: id, node_ids: ids })));
    const clients = ids.map((id, i) => ({ node: id, client: new RpcClient(`c${i + 1}`, router!, 30_000) }));
    const perClient = Math.ceil(options.requests / clients.length);
    hops.length = 0;
    const started = performance.now();
    await Promise.all(clients.map(async ({ node, client }) => {
      let next = 0;
      const lane = async (): Promise<void> => {
        while (next < perClient) {
          next++;
          await client.call(node, { type: 'echo', echo: next });
        }
      };
      await Promise.all(Array.from({ length: options.window }, lane));
    }));
    const seconds = (performance.now() - started) / 1000;
    const messages = network.stats().delivered - ids.length * 2;
    hops.sort((a, b) => a - b);
    return {
      messagesPerSec: (perClient * clients.length * 2) / seconds,
      hopMsP50: hops[Math.floor(hops.length / 2)] ?? 0,
      hopMsP99: hops[Math.floor(hops.length * 0.99)] ?? 0,
      messages,
    };
  } finally {
    await Promise.all(nodes.map((node) => node.close()));
    network.close();
  }
}
