import type { ClientPolicyConfig } from '../client/policy.js';
import type { FaultKind } from '../nemesis/fault.js';
import type { StoreConfig } from '../store/config.js';

/**
 * A chaos experiment, as its file describes it once validated: a steady-state
 * hypothesis, the store and the workload that exercises it, one fault with its
 * blast radius, the three phases, and when to abort the injection.
 *
 * @example
 * const experiment: Experiment = {
 *   name: 'follower crash', seed: 1, preset: 'sl-majority', store, client,
 *   workload: { workload: 'cas-register', clients: 3, keys: 1, spacingMs: 20 },
 *   hypothesis: { windowMs: 1000, okShare: 0.99, p99LatencyMs: 200 },
 *   phases: { baselineMs: 2000, injectionMs: 3000, recoveryMs: 2000 },
 *   fault: { kind: 'crash-one' }, blastRadius: { nodes: ['n3'] }, abort: null,
 * };
 */
export interface Experiment {
  name: string;
  seed: number;
  /** The preset the store came from, when it came from one. */
  preset?: string;
  store: StoreConfig;
  client: ClientPolicyConfig;
  workload: ExperimentWorkload;
  hypothesis: Hypothesis;
  phases: Phases;
  fault: ExperimentFault;
  blastRadius: BlastRadius;
  abort: AbortRule | null;
}

/**
 * The clients' steady load: each client starts an op every `spacingMs` on
 * average, from the start of the baseline to the end of the recovery window.
 */
export interface ExperimentWorkload {
  workload: string;
  clients: number;
  keys: number;
  spacingMs: number;
  readFraction?: number;
  values?: number;
}

/**
 * The steady state, judged in each window of `windowMs` virtual ms: the share
 * of ops ending in the window that succeeded is at least `okShare`, and the
 * 99th percentile latency of the ok ones is at most `p99LatencyMs`. A bound
 * left out is not judged.
 */
export interface Hypothesis {
  windowMs: number;
  okShare?: number;
  p99LatencyMs?: number;
}

/** How long each phase lasts, in virtual ms (each a whole number of windows). */
export interface Phases {
  baselineMs: number;
  injectionMs: number;
  recoveryMs: number;
}

/** The fault to inject: a kind of the fault catalogue and its parameters. */
export interface ExperimentFault {
  kind: FaultKind;
  params?: Record<string, number>;
}

/**
 * Where the fault lands; at most one field. `nodes`: these store nodes;
 * `region`: every node of one datacenter group (`dc1`, `dc2`, ...);
 * `linkShare`: at least this share of the links between store nodes, on nodes
 * the seed picks. Empty: the kind's own choice (the leader, a share of the
 * cluster, every link).
 */
export interface BlastRadius {
  nodes?: string[];
  region?: string;
  linkShare?: number;
}

/**
 * When to stop injecting: a window during the injection whose ok share falls
 * more than `okShareMargin` below the hypothesis, or whose p99 latency rises
 * more than `p99LatencyMarginMs` above it.
 */
export interface AbortRule {
  okShareMargin?: number;
  p99LatencyMarginMs?: number;
}
