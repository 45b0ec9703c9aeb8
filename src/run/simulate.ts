import { clientProcessFactory } from '../client/process.js';
import { queueSource, type PlannedOp, type ScenarioOp } from '../client/op-source.js';
import { defaultClientPolicy, validateClientPolicy, type ClientPolicyConfig } from '../client/policy.js';
import { requireObject } from '../config/config-checks.js';
import { createClientRuntime, type ClientRuntime, type ClientStats } from '../client/runtime.js';
import type { Op } from '../history/op.js';
import type { TraceEvent, TraceKind, TraceOptions } from '../sim/trace.js';
import { World, type NetworkOptions } from '../sim/world.js';
import { createStore, validateStoreConfig, type StoreConfig } from '../store/config.js';
import { ConfigError, requireInteger, requireNumber, requirePositive } from '../config/config-error.js';
import type { ReplicaState, StoreDefinition } from '../store/definition.js';
import type { ModeDefinition } from '../store/mode-definition.js';
import { splitStoreClient } from './store-client.js';
import { scheduleNemesis } from '../nemesis/apply.js';
import type { Fault } from '../nemesis/fault.js';
import { validateFaults } from '../nemesis/validate-faults.js';

/**
 * One run, as plain JSON data: the same scenario always gives the same result,
 * byte for byte.
 *
 * @example
 * const scenario: Simulation = {
 *   seed: 7,
 *   store: defaultStoreConfig('leaderless'),
 *   clients: { count: 2 },
 *   ops: [{ process: 0, f: 'add', key: 'c', value: 1 }, { process: 1, f: 'read', key: 'c', value: null, atMs: 50 }],
 *   verbs: { add: 'incr' },
 *   faults: [{ kind: 'partition-one', atMs: 10, durationMs: 200, targets: ['n1'] }],
 * };
 */
export interface Simulation {
  /** Fixes every random choice of the run. */
  seed: number;
  /** The store (partial JSON is completed with defaults). */
  store: StoreConfig;
  /**
   * How many logical clients (c0, c1, ...; processes 0..count-1), and their
   * policy (partial JSON is completed with defaults; default: the default policy).
   */
  clients: { count: number; policy?: ClientPolicyConfig };
  /** Either one flat list (each op names its client in `process`) or one list per client. */
  ops: ScenarioOp[] | PlannedOp[][];
  /** Store verb for each workload f (e.g. `{ add: 'incr' }`); an f not listed is sent as it is. */
  verbs?: Record<string, string>;
  /** What a read of a missing key records (a workload's empty value, e.g. 0 for a counter); default null. */
  nilReads?: unknown;
  /**
   * The faults (src/nemesis), each started at `atMs` and healed `durationMs`
   * later, recorded as `start-<family>` / `stop-<family>` nemesis ops. Those
   * still in force when the ops are done are healed by the final heal
   * (healAtEnd); those not started by then never start.
   */
  faults?: Fault[];
  /** Network settings of the World (latency distribution, loss...). */
  network?: NetworkOptions;
  /** How long clients may take, in virtual ms, before the run stops waiting for them. Default 60000. */
  maxTimeMs?: number;
  /** Virtual ms the world keeps running after the ops (and the final heal) so replicas settle. Default 1000. */
  settleMs?: number;
  /** Undo every fault once the ops are done, before settling (as Jepsen's final heal). Default true. */
  healAtEnd?: boolean;
  /** What the World's trace keeps. Default: everything. */
  trace?: TraceOptions;
}

/**
 * What a run produced: the history clients saw (with nemesis ops), the World's
 * trace of what nodes did, each live store node's final state, and counts.
 *
 * @example
 * const { history, replicaStates } = simulate(scenario);
 */
export interface RunResult {
  history: Op[];
  trace: TraceEvent[];
  replicaStates: Record<string, ReplicaState>;
  stats: RunStats;
}

/** @example simulate(scenario).stats.clients.ok; */
export interface RunStats {
  /** Virtual time when the run ended, in ms. */
  endTimeMs: number;
  /** True when every client finished its ops within maxTimeMs. */
  clientsFinished: boolean;
  /** Invocations without a completion (only when clients did not finish). */
  openOps: number;
  clients: ClientStats;
  network: { sent: number; delivered: number; dropped: number; duplicated: number; bytes: number };
  /** Trace events by kind, including those the trace did not keep. */
  events: Record<TraceKind, number>;
}

/**
 * Options of {@link simulate}: what a run needs besides its JSON description.
 *
 * @example
 * simulate(simulation, { modes: [primaryBackupMode] });
 */
export interface SimulateOptions {
  /** Store modes of your own, which `store.mode` may name (see ModeDefinition). */
  modes?: readonly ModeDefinition[];
  /**
   * Looks at the run while it goes, every `everyMs` of virtual time from 0 until
   * the clients are done (see {@link RunWatch}). The looks are events of the
   * World's own scheduler, so a watched run stays deterministic; a watch that
   * heals nothing leaves the history as it would be without it.
   */
  watch?: RunWatch;
}

/**
 * A look at a run in progress, every `everyMs` of virtual time (at everyMs,
 * 2 * everyMs, ...): `onTick` sees the history so far and may end the faults
 * early. Chaos experiments use it to abort an injection that hurts too much.
 *
 * @example
 * simulate(simulation, { watch: { everyMs: 1000, onTick: (view) => { if (view.history.length > 500) view.healAll(); } } });
 */
export interface RunWatch {
  everyMs: number;
  onTick(view: RunView): void;
}

/**
 * What a {@link RunWatch} sees at a tick.
 *
 * @example
 * const onTick = (view: RunView) => console.log(view.nowMs, view.history.length);
 */
export interface RunView {
  /** Virtual time of the tick, in ms. */
  nowMs: number;
  /** The history recorded so far (ops completed at nowMs may come after the tick). */
  history: readonly Op[];
  /** Heals every fault in force now and cancels those not started yet (as the final heal does). */
  healAll(): void;
}

const DEFAULT_MAX_TIME_MS = 60_000;
const DEFAULT_SETTLE_MS = 1_000;

/**
 * How long clients may take, in virtual ms, for ops whose starts span `spanMs`
 * (see workloadSpanMs): 60 s, or HORIZON_FACTOR times the span when that is
 * longer, so a long workload is not cut off at 60 s. The horizon only ends runs
 * whose clients are stuck (or far slower than their spacing), so runs that
 * finish within 60 s are the same under either rule.
 *
 * @example
 * horizonForSpanMs(500); // 60000
 * horizonForSpanMs(200_000); // 2000000
 */
export function horizonForSpanMs(spanMs: number): number {
  // A span that is not a number (a malformed workload, reported by its own check) keeps the default.
  return Number.isFinite(spanMs) ? Math.max(DEFAULT_MAX_TIME_MS, Math.ceil(HORIZON_FACTOR * spanMs)) : DEFAULT_MAX_TIME_MS;
}

/** Ops slowed by faults, retries and timeouts take several times their spacing. */
const HORIZON_FACTOR = 10;

/**
 * Runs a scenario on a fresh World: store nodes, one client node per logical
 * client, faults at their times. Clients run until their ops are done (or
 * maxTimeMs); then every fault still in force is healed (healAtEnd), the ones
 * not started yet never start, and the World settles for settleMs.
 *
 * @example
 * const result = simulate({ seed: 1, store: defaultStoreConfig('leaderless'), clients: { count: 1 },
 *   ops: [{ process: 0, f: 'write', key: 'x', value: 1 }] });
 * result.history.map((op) => op.type); // ['invoke', 'ok']
 */
export function simulate(scenario: Simulation, options: SimulateOptions = {}): RunResult {
  checkScenario(scenario);
  const modes = options.modes ?? [];
  // A store config saved with its clients' policy inside (`store.client`) still runs with it.
  const { store: storeConfig, client: storeClient } = splitStoreClient(scenario.store);
  const config = validateStoreConfig(storeConfig, modes);
  const policy = scenario.clients.policy !== undefined ? validateClientPolicy(scenario.clients.policy, 'clients.policy')
    : storeClient !== undefined ? validateClientPolicy(storeClient, 'store.client') : defaultClientPolicy();
  const store = createStore(config, modes) as StoreDefinition<unknown>;
  const world = new World({ seed: scenario.seed, network: scenario.network, trace: scenario.trace });
  const runtime = createClientRuntime(policy, () => world.now());
  for (const id of store.nodeIds) world.addNode(id, store.factory, { kind: 'store' });
  for (const service of store.services ?? []) world.addNode(service.id, service.factory, { kind: 'service' });
  const clients = addClients(world, store, runtime, scenario);
  const nemesis = scheduleNemesis(world, scenario.faults ?? [], {
    store, discovery: runtime.discovery, network: scenario.network,
    record: (op) => runtime.recorder.record(op),
  });
  if (options.watch !== undefined) scheduleWatch(world, options.watch, runtime, nemesis.healAll, clients.finished);
  // The last client to finish stops this run early (see addClients).
  if (!clients.finished()) world.runUntil(scenario.maxTimeMs ?? DEFAULT_MAX_TIME_MS);
  clients.stopWatching();
  if (scenario.healAtEnd ?? true) nemesis.healAll();
  // Settling starts once slowed nodes have worked off their backlog: until then they
  // are still, in effect, under the fault.
  world.runUntil(world.backlogClearsAtMs() + (scenario.settleMs ?? DEFAULT_SETTLE_MS));
  return {
    history: [...runtime.recorder.ops],
    trace: [...world.trace.events],
    replicaStates: replicaStatesOf(world, store),
    stats: runStats(world, runtime, clients.finished()),
  };
}

/**
 * Schedules the watch's ticks one at a time on the World's clock (each tick
 * queues the next), so the looks take their place among the run's events
 * deterministically; they stop once the clients are done.
 */
function scheduleWatch(world: World, watch: RunWatch, runtime: ClientRuntime, healAll: () => void, done: () => boolean): void {
  requirePositive('watch.everyMs', watch.everyMs);
  const tick = (atMs: number) => {
    world.schedule(atMs, 'watch', () => {
      if (done()) return;
      watch.onTick({ nowMs: world.now(), history: runtime.recorder.ops, healAll });
      tick(atMs + watch.everyMs);
    });
  };
  tick(watch.everyMs);
}

/** The checks the store and client configs do not cover; each error names its field. */
function checkScenario(scenario: Simulation): void {
  requireInteger('seed', scenario.seed, Number.MIN_SAFE_INTEGER);
  requireInteger('clients.count', scenario.clients?.count, 0, 10_000);
  if (scenario.faults !== undefined) validateFaults(scenario.faults, 'faults');
  for (const [name, value] of [['maxTimeMs', scenario.maxTimeMs], ['settleMs', scenario.settleMs]] as const) {
    if (value !== undefined) requireNumber(name, value, 0);
  }
}

/**
 * Adds c0..c(n-1). Until `stopWatching`, the last client to finish stops the
 * World's current run, so the op phase ends as soon as the ops do.
 */
function addClients(
  world: World,
  store: StoreDefinition<unknown>,
  runtime: ClientRuntime,
  scenario: Simulation,
): { finished(): boolean; stopWatching(): void } {
  const { count } = scenario.clients;
  const perClient = opsPerClient(scenario.ops, count);
  let finished = 0;
  let watching = true;
  const onDone = () => {
    finished++;
    if (finished === count && watching) world.stop();
  };
  for (let i = 0; i < count; i++) {
    const factory = clientProcessFactory({
      clientIndex: i, clientCount: count, entryPoints: store.entryPoints, runtime,
      ops: queueSource(perClient[i]!), verbs: scenario.verbs, onDone,
      ...(scenario.nilReads !== undefined ? { nilReads: scenario.nilReads } : {}),
    });
    world.addNode(`c${i}`, factory, { kind: 'client' });
  }
  return { finished: () => finished === count, stopWatching: () => void (watching = false) };
}

function opsPerClient(ops: Simulation['ops'], count: number): PlannedOp[][] {
  if (!Array.isArray(ops)) throw new ConfigError('ops', 'must be a list', ops);
  const perClient: PlannedOp[][] = Array.from({ length: count }, () => []);
  if (ops.length > 0 && Array.isArray(ops[0])) {
    (ops as unknown[]).forEach((list, i) => {
      if (!Array.isArray(list)) throw new ConfigError(`ops[${i}]`, 'must be a list of ops, like the other clients\' lists', list);
      if (i >= count) throw new ConfigError(`ops[${i}]`, `is for client ${i}, but clients.count is ${count}`);
      list.forEach((op: unknown, j) => perClient[i]!.push(checkOp(op, `ops[${i}][${j}]`)));
    });
    return perClient;
  }
  (ops as unknown[]).forEach((entry, i) => {
    const { process, ...op } = checkOp(entry, `ops[${i}]`) as ScenarioOp;
    requireInteger(`ops[${i}].process`, process, 0, count - 1);
    perClient[process]!.push(op);
  });
  return perClient;
}

function checkOp(op: unknown, path: string): PlannedOp {
  requireObject(path, op);
  if (typeof op.f !== 'string' || op.f === '') throw new ConfigError(`${path}.f`, 'must be a non-empty string', op.f);
  if (op.key !== undefined && typeof op.key !== 'string' && typeof op.key !== 'number') {
    throw new ConfigError(`${path}.key`, 'must be a string or a number', op.key);
  }
  if (op.atMs !== undefined) requireNumber(`${path}.atMs`, op.atMs, 0);
  return op as unknown as PlannedOp;
}

function replicaStatesOf(world: World, store: StoreDefinition<unknown>): Record<string, ReplicaState> {
  const states: Record<string, ReplicaState> = {};
  for (const id of store.nodeIds) {
    const node = world.node(id);
    if (node !== undefined) states[id] = store.replicaState(node);
  }
  return states;
}

function runStats(world: World, runtime: ClientRuntime, clientsFinished: boolean): RunStats {
  const clients = { ...runtime.stats };
  return {
    endTimeMs: world.now(),
    clientsFinished,
    openOps: clients.invoked - clients.ok - clients.fail - clients.info,
    clients,
    network: world.stats.total(),
    events: { ...world.trace.counts },
  };
}
