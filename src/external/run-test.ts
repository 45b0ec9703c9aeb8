import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compose } from '../checker/compose.js';
import type { Verdict } from '../checker/checker.js';
import type { Op, Process } from '../history/op.js';
import type { LatencyDistribution } from '../sim/latency.js';
import { SimRandom } from '../sim/rng.js';
import { RpcClient } from './client.js';
import { Cluster, oneLine } from './cluster.js';
import { absoluteCommand, checkBinary } from './find-binary.js';
import { HistoryLog } from './history-log.js';
import { describeFault, planFaults, type ExternalFault, type FaultWindow } from './nemesis.js';
import { RealtimeNetwork, type NetworkStats } from './network.js';
import type { NodeEnd } from './node-process.js';
import { errorName, isDefiniteError, type Body } from './protocol.js';
import { Router } from './router.js';
import { createServices, SERVICE_NAMES } from './services.js';
import { gridTopology } from './topology.js';
import { EXTERNAL_WORKLOAD_DEFS, type ExternalWorkload, type ExternalWorkloadName, type PlannedOp } from './workloads.js';
import { runStats, type RunStatsSummary } from './run-stats.js';

/**
 * Everything a test of external nodes takes (the flags of `faultline test`).
 *
 * @example
 * await runExternalTest({ bin: 'node', args: ['echo.js'], workload: 'echo', nodeCount: 1, timeLimitS: 2, rate: 20, concurrency: 2,
 *   latencyMs: 0, lossProbability: 0, nemesis: [], nemesisIntervalS: 2, seed: 1, dir: 'out/echo' });
 */
export interface ExternalTestOptions {
  bin: string;
  args: readonly string[];
  workload: ExternalWorkloadName;
  nodeCount: number;
  timeLimitS: number;
  /** Client ops per second, over all clients. */
  rate: number;
  concurrency: number;
  /** Mean one-way latency per message, ms (exponential, capped at 10x the mean); 0 = none. */
  latencyMs: number;
  lossProbability: number;
  nemesis: readonly ExternalFault[];
  nemesisIntervalS: number;
  seed: number;
  dir: string;
  /** A request with no reply within this is indeterminate. Default 2000 ms. */
  clientTimeoutMs?: number;
  /** Quiet time after the faults heal, before the final reads. Default 3000 ms (0 for workloads without final reads). */
  settleMs?: number;
  /** Budget of the linearizability search. Default 60 s. */
  checkTimeoutMs?: number;
  /** Progress lines (faults, node exits). */
  log?: (line: string) => void;
}

/** What a test found: the verdict, the history, the numbers and the schedule it ran. */
export interface ExternalTestResult {
  verdict: Verdict;
  history: Op[];
  stats: RunStatsSummary;
  network: NetworkStats;
  faults: { fault: string; startMs: number; endMs: number }[];
  nodeExits: NodeEnd[];
  /** Replies that were not what the request asked for (recorded as indeterminate). */
  malformedReplies: { op: number; problem: string }[];
  /** Messages dropped because their node stopped reading its stdin (16 MiB waiting), by node. */
  droppedAtStdin: Record<string, number>;
  /** faultline's own peak resident memory over the run, MiB. */
  peakMemoryMiB: number;
}

/**
 * Runs a workload against a store's node processes over the Maelstrom protocol:
 * starts and initialises the nodes, drives clients at the rate asked through
 * the real-time network while the nemesis injects faults, heals, lets the
 * cluster settle, makes the final reads, stops every process, and checks the
 * history. Bad setups (binary missing, protocol broken, no init_ok) throw an
 * ExternalRunError; every process is gone when this returns or throws.
 *
 * @example
 * const result = await runExternalTest(options);
 * result.verdict.valid; // true | false | 'unknown'
 */
export async function runExternalTest(options: ExternalTestOptions): Promise<ExternalTestResult> {
  checkBinary(options.bin);
  const workload = EXTERNAL_WORKLOAD_DEFS[options.workload];
  const log = options.log ?? (() => {});
  const nodeIds = Array.from({ length: options.nodeCount }, (_, i) => `n${i + 1}`);
  // A folder of an earlier test: its nodes' data and logs must not leak into this one.
  for (const sub of ['node-logs', 'node-data']) rmSync(join(options.dir, sub), { recursive: true, force: true });
  mkdirSync(join(options.dir, 'node-logs'), { recursive: true });
  const history = new HistoryLog();
  const netRng = new SimRandom(options.seed);
  const routerLog: string[] = [];
  let router: Router | undefined;
  const network = new RealtimeNetwork({ latency: latencyOf(options.latencyMs), lossProbability: options.lossProbability }, netRng, (m) => router!.deliver(m));
  router = new Router(network, (line) => {
    if (routerLog.length < 1000) routerLog.push(line);
    if (routerLog.length <= 3) log(line);
  });
  const services = createServices(new SimRandom(options.seed + 1));
  for (const name of SERVICE_NAMES) {
    router.addEndpoint(name, (message) => {
      const reply = services[name].handle(message.src, message.body, network.nowMs());
      if (reply !== undefined) router!.send({ src: name, dest: message.src, body: reply });
    });
  }
  const cluster = new Cluster(nodeIds, absoluteCommand(options.bin, options.args), router, options.dir, (end) => {
    history.add('nemesis', 'info', 'node-exit', `${end.node} exited ${end.signal === null ? `with code ${end.code}` : `on ${end.signal}`}`, { node: end.node });
    log(`${end.node} exited ${end.signal === null ? `with code ${end.code}` : `on signal ${end.signal}`}${end.stderrTail === '' ? '' : `; its stderr ends: ${oneLine(end.stderrTail)}`}`);
  }, workload.topology ? gridTopology(nodeIds) : undefined);
  const malformed: { op: number; problem: string }[] = [];
  const windows = planFaults(new SimRandom(options.seed + 2), nodeIds, options.nemesis, options.nemesisIntervalS * 1000, options.timeLimitS * 1000);
  try {
    await cluster.startAll();
    const run = async (): Promise<number> => {
      const timeoutMs = options.clientTimeoutMs ?? 2000;
      const started = history.nowMs();
      const stopAtMs = started + options.timeLimitS * 1000;
      const nemesis = runNemesis(windows, cluster, network, history, started, log);
      const clients = Array.from({ length: options.concurrency }, (_, i) =>
        clientLoop(i, options, new RpcClient(`c${i + 1}`, router!, timeoutMs), nodeIds, history, stopAtMs, malformed));
      await Promise.all(clients);
      await nemesis.done(stopAtMs);
      if (workload.finalRead === undefined) return history.ops.length;
      await sleep(options.settleMs ?? 3000);
      const finalFrom = history.ops.length;
      await finalReads(workload, workload.finalRead, nodeIds, new RpcClient(`c${options.concurrency + 1}`, router!, timeoutMs), history, options.concurrency, malformed);
      return finalFrom;
    };
    const finalFromIndex = await Promise.race([run(), cluster.failed]);
    const stats = network.stats();
    await cluster.close();
    network.close();
    const verdict = compose(workload.checks(history.ops, {
      nodeIds, finalFromIndex, serverMessages: stats.serverSent, checkTimeoutMs: options.checkTimeoutMs ?? 60_000,
    }));
    return {
      verdict, history: history.ops, stats: runStats(history.ops, finalFromIndex), network: stats,
      faults: windows.map((w) => ({ fault: describeFault(w.fault), startMs: w.startMs, endMs: w.endMs })),
      nodeExits: cluster.exits, malformedReplies: malformed,
      droppedAtStdin: Object.fromEntries([...cluster.nodes].map(([id, node]) => [id, node.droppedToStdin])),
      peakMemoryMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    await cluster.close();
    network.close();
    if (routerLog.length > 0) {
      writeFileSync(join(options.dir, 'node-logs', 'router.log'), `${routerLog.join('\n')}\n`);
    }
  }
}

function latencyOf(meanMs: number): LatencyDistribution {
  return meanMs <= 0 ? { kind: 'constant', value: 0 } : { kind: 'exponential', mean: meanMs, max: meanMs * 10 };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

/**
 * One client: ops at its share of the rate (exponential gaps), each to its own
 * node, each recorded as invoke then ok / fail / info. After an indeterminate
 * op the client takes a new process number, as Jepsen's do: the old one may
 * still be acting.
 */
async function clientLoop(
  index: number, options: ExternalTestOptions, client: RpcClient, nodeIds: readonly string[],
  history: HistoryLog, stopAtMs: number, malformed: { op: number; problem: string }[],
): Promise<void> {
  const rng = new SimRandom(options.seed * 1000 + index + 3);
  const workload = EXTERNAL_WORKLOAD_DEFS[options.workload];
  const node = nodeIds[index % nodeIds.length]!;
  const meanGapMs = (options.concurrency / options.rate) * 1000;
  let process: number = index;
  for (let k = 0; ; k++) {
    await sleep(-meanGapMs * Math.log(1 - rng.next()));
    if (history.nowMs() >= stopAtMs) return;
    const op = workload.next(rng, index + k * options.concurrency);
    const ended = await invoke(workload, op, process, node, client, history, malformed);
    if (ended === 'info') process += options.concurrency;
  }
}

async function invoke(workload: ExternalWorkload, op: PlannedOp, process: Process, node: string, client: RpcClient, history: HistoryLog, malformed: { op: number; problem: string }[]): Promise<'ok' | 'fail' | 'info'> {
  const extra = { ...(op.key === undefined ? {} : { key: op.key }), node };
  history.add(process, 'invoke', op.f, op.value, extra);
  const reply = await client.call(node, op.body);
  const completion = completionOf(workload, op, reply);
  const recorded = history.add(process, completion.type, op.f, completion.value, { ...extra, ...(completion.error === undefined ? {} : { error: completion.error }) });
  if (completion.malformed !== undefined) malformed.push({ op: recorded.index, problem: completion.malformed });
  return completion.type;
}

function completionOf(workload: ExternalWorkload, op: PlannedOp, reply: Body | 'timeout'): { type: 'ok' | 'fail' | 'info'; value: unknown; error?: string; malformed?: string } {
  if (reply === 'timeout') return { type: 'info', value: op.value, error: 'timeout: no reply within the client timeout' };
  if (reply.type === 'error') return { type: isDefiniteError(reply.code) ? 'fail' : 'info', value: op.value, error: errorName(reply) };
  const ok = workload.okValue(op, reply);
  // A reply that is not what was asked for says nothing certain about the op: indeterminate.
  if ('problem' in ok) return { type: 'info', value: op.value, error: `malformed reply: ${ok.problem}`, malformed: ok.problem };
  return { type: 'ok', value: ok.value };
}

/** After the settle period: each node answers a read (up to five tries), recorded like any op. */
async function finalReads(workload: ExternalWorkload, read: PlannedOp, nodeIds: readonly string[], client: RpcClient, history: HistoryLog, concurrency: number, malformed: { op: number; problem: string }[]): Promise<void> {
  let process = concurrency * 1000;
  await Promise.all(nodeIds.map(async (node) => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const mine = process++;
      if ((await invoke(workload, read, mine, node, client, history, malformed)) === 'ok') return;
    }
  }));
}

/**
 * Applies the fault schedule on the wall clock; `done` heals everything that
 * is still broken once the time limit is reached (restarting killed nodes).
 */
function runNemesis(windows: readonly FaultWindow[], cluster: Cluster, network: RealtimeNetwork, history: HistoryLog, startedMs: number, log: (line: string) => void): { done(stopAtMs: number): Promise<void> } {
  const timers: NodeJS.Timeout[] = [];
  const active = new Set<FaultWindow>();
  const pending: Promise<void>[] = [];
  const heal = async (window: FaultWindow): Promise<void> => {
    if (!active.delete(window)) return;
    const { fault } = window;
    history.add('nemesis', 'info', `stop-${fault.kind}`, describeFault(fault));
    if (fault.kind === 'partition') network.heal();
    else if (fault.kind === 'pause') for (const id of fault.nodes) cluster.resume(id);
    else {
      for (const id of fault.nodes) {
        await cluster.start(id).catch((error: Error) => log(`restarting ${id} failed: ${error.message}`));
      }
    }
  };
  for (const window of windows) {
    timers.push(setTimeout(() => {
      const { fault } = window;
      active.add(window);
      history.add('nemesis', 'info', `start-${fault.kind}`, describeFault(fault));
      log(`nemesis: ${describeFault(fault)}`);
      if (fault.kind === 'partition') network.cut(fault.links);
      else if (fault.kind === 'pause') for (const id of fault.nodes) cluster.pause(id);
      else pending.push(Promise.all(fault.nodes.map((id) => cluster.kill(id))).then(() => {}));
    }, Math.max(0, startedMs + window.startMs - history.nowMs())));
    timers.push(setTimeout(() => void pending.push(heal(window)), Math.max(0, startedMs + window.endMs - history.nowMs())));
  }
  return {
    async done(stopAtMs: number): Promise<void> {
      await sleep(stopAtMs - history.nowMs());
      for (const timer of timers) clearTimeout(timer);
      await Promise.all(pending);
      for (const window of [...active]) await heal(window);
    },
  };
}
