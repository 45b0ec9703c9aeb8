import { Bulkheads } from './bulkhead.js';
import { CircuitBreakers } from './circuit-breaker.js';
import { HistoryRecorder, type RecorderOptions } from './history-recorder.js';
import { DiscoveryService } from './leader-discovery.js';
import type { ClientPolicyConfig } from './policy.js';

/**
 * Counts of what the clients of a run did, for the run's stats.
 *
 * @example
 * const stats = emptyClientStats(); // every count 0
 */
export interface ClientStats {
  /** Logical ops started (one invoke each). */
  invoked: number;
  ok: number;
  fail: number;
  info: number;
  /** Requests sent to nodes (first attempts, retries and redirects). */
  requestsSent: number;
  retries: number;
  redirectsFollowed: number;
  timeouts: number;
  connectTimeouts: number;
  circuitOpenRejections: number;
  bulkheadRejections: number;
  /** Processes retired after an indeterminate op. */
  processesRetired: number;
}

/** @example emptyClientStats().ok; // 0 */
export function emptyClientStats(): ClientStats {
  return {
    invoked: 0,
    ok: 0,
    fail: 0,
    info: 0,
    requestsSent: 0,
    retries: 0,
    redirectsFollowed: 0,
    timeouts: 0,
    connectTimeouts: 0,
    circuitOpenRejections: 0,
    bulkheadRejections: 0,
    processesRetired: 0,
  };
}

/**
 * What the client processes of one run share: the history they record into, the
 * per-node circuit breakers and bulkheads (one application's worth), the discovery
 * service, and their stats.
 *
 * @example
 * const runtime = createClientRuntime(defaultClientPolicy(), () => world.now());
 */
export interface ClientRuntime {
  readonly policy: ClientPolicyConfig;
  /** The simulation's virtual time in ms: the clock of the shared parts and of history timestamps. */
  readonly clockMs: () => number;
  readonly recorder: HistoryRecorder;
  readonly breakers: CircuitBreakers;
  readonly bulkheads: Bulkheads;
  readonly discovery: DiscoveryService;
  readonly stats: ClientStats;
}

/**
 * Makes the shared state for the clients of one run.
 *
 * @param clockMs the simulation's virtual time in ms, for history timestamps
 * @example
 * const runtime = createClientRuntime(defaultClientPolicy(), () => world.now());
 */
export function createClientRuntime(
  policy: ClientPolicyConfig,
  clockMs: () => number,
  recorderOptions: RecorderOptions = {},
): ClientRuntime {
  return {
    policy,
    clockMs,
    recorder: new HistoryRecorder(clockMs, recorderOptions),
    breakers: new CircuitBreakers(policy.circuitBreaker),
    bulkheads: new Bulkheads(policy.bulkhead),
    discovery: new DiscoveryService(),
    stats: emptyClientStats(),
  };
}
