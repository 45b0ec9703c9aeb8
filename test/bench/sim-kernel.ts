/**
 * Benchmark of the simulator's event loop: how many events (and replicated
 * client operations) it runs per second of real time.
 *
 * Run it alone with `node dist/test/bench/sim-kernel.js` after a build.
 */
import { pathToFileURL } from 'node:url';
import { World, type NodeContext, type SimNode, type WorldOptions } from '../../src/sim/index.js';

interface Request { kind: 'req'; id: number }
interface Replicate { kind: 'rep'; id: number; client: string }
interface Ack { kind: 'ack'; id: number; client: string }
interface Reply { kind: 'reply'; id: number }
type BenchMessage = Request | Replicate | Ack | Reply;

/** Bounces one message back and forth with its partner, forever. */
function pingPongNode(partner: string, serves: boolean) {
  return (ctx: NodeContext<BenchMessage>): SimNode<BenchMessage> => ({
    start: () => serves && ctx.send(partner, { kind: 'req', id: 0 }),
    onMessage: (from, msg) => ctx.send(from, { kind: 'req', id: msg.id + 1 }),
    onTimer: () => {},
  });
}

/**
 * Pings its partner every millisecond (a timer) and answers pings with pongs:
 * traffic that keeps flowing however many messages the network loses or
 * duplicates.
 */
function pingerNode(partner: string) {
  return (ctx: NodeContext<BenchMessage>): SimNode<BenchMessage> => ({
    start: () => ctx.setTimer(1, 'ping'),
    onTimer: () => {
      ctx.send(partner, { kind: 'req', id: 0 });
      ctx.setTimer(1, 'ping');
    },
    onMessage: (from, msg) => {
      if (msg.kind === 'req') ctx.send(from, { kind: 'reply', id: msg.id });
    },
  });
}

/**
 * A leader that replicates each request to its followers and replies once all
 * acknowledged: 6 messages per operation with 3 store nodes, like a simple
 * primary-backup write.
 */
function leaderNode(ctx: NodeContext<BenchMessage>): SimNode<BenchMessage> {
  const acks = new Map<string, number>();
  return {
    onMessage(from, msg) {
      if (msg.kind === 'req') {
        acks.set(`${from}/${msg.id}`, 0);
        for (const peer of ctx.peers) ctx.send(peer, { kind: 'rep', id: msg.id, client: from });
      } else if (msg.kind === 'ack') {
        const key = `${msg.client}/${msg.id}`;
        const count = acks.get(key)! + 1;
        if (count < ctx.peers.length) acks.set(key, count);
        else {
          acks.delete(key);
          ctx.send(msg.client, { kind: 'reply', id: msg.id });
        }
      }
    },
    onTimer: () => {},
  };
}

function followerNode(ctx: NodeContext<BenchMessage>): SimNode<BenchMessage> {
  return {
    onMessage(from, msg) {
      if (msg.kind !== 'rep') return;
      ctx.disk.append(msg.id);
      ctx.send(from, { kind: 'ack', id: msg.id, client: msg.client });
    },
    onTimer: () => {},
  };
}

/** A closed-loop client: one operation at a time, the next as soon as the reply comes. */
function clientNode(onOp: () => void) {
  return (ctx: NodeContext<BenchMessage>): SimNode<BenchMessage> => {
    let next = 0;
    return {
      start: () => ctx.send('n1', { kind: 'req', id: next++ }),
      onMessage: () => {
        onOp();
        ctx.send('n1', { kind: 'req', id: next++ });
      },
      onTimer: () => {},
    };
  };
}

/** Runs `world` for `virtualMs` and returns real events per second. */
function eventsPerSecond(world: World, virtualMs: number): number {
  const startMs = performance.now();
  world.runUntil(virtualMs);
  const elapsedMs = performance.now() - startMs;
  const counts = world.trace.counts;
  const events = counts.deliver + counts.drop + counts.timer;
  return Math.round(events / (elapsedMs / 1000));
}

function pingPong(options: Omit<WorldOptions, 'seed'>, pairs = 8): number {
  const world = new World({ seed: 1, ...options });
  for (let i = 0; i < pairs; i++) {
    world.addNode(`a${i}`, pingPongNode(`b${i}`, true), { kind: 'client' });
    world.addNode(`b${i}`, pingPongNode(`a${i}`, false), { kind: 'client' });
  }
  return eventsPerSecond(world, 50_000);
}

function timedPings(options: Omit<WorldOptions, 'seed'>, pairs = 8): number {
  const world = new World({ seed: 1, ...options });
  for (let i = 0; i < pairs; i++) {
    world.addNode(`a${i}`, pingerNode(`b${i}`), { kind: 'client' });
    world.addNode(`b${i}`, pingerNode(`a${i}`), { kind: 'client' });
  }
  return eventsPerSecond(world, 5_000);
}

function replicatedOpsPerSecond(clients = 10): number {
  const world = new World({ seed: 1, trace: { messages: false } });
  for (const id of ['n1', 'n2', 'n3']) world.addNode(id, id === 'n1' ? leaderNode : followerNode);
  let ops = 0;
  for (let i = 0; i < clients; i++) world.addNode(`c${i}`, clientNode(() => ops++), { kind: 'client' });
  const startMs = performance.now();
  world.runUntil(20_000);
  return Math.round(ops / ((performance.now() - startMs) / 1000));
}

/**
 * Measures the kernel on ping-pong traffic (without and with a full message
 * trace), on timer-driven pings (on a clean and on a faulty network), and on
 * a 3-node replicated workload.
 *
 * @example
 * const results = await benchSimKernel(); // { 'ping-pong events/s': 2.1e6, ... }
 */
export async function benchSimKernel(): Promise<Record<string, number>> {
  pingPong({ trace: { messages: false } }); // warm-up, so the JIT has compiled the loop
  return {
    'ping-pong events/s': pingPong({ trace: { messages: false } }),
    'ping-pong events/s (full trace)': pingPong({ trace: { maxEvents: 100_000 } }),
    'timed pings events/s': timedPings({ trace: { messages: false } }),
    'timed pings events/s (lossy, duplicating, reordering)': timedPings({
      trace: { messages: false },
      network: { lossProbability: 0.05, duplicateProbability: 0.05, reorderProbability: 0.1 },
    }),
    'replicated ops/s (3 nodes, 6 messages each)': replicatedOpsPerSecond(),
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await benchSimKernel());
}
