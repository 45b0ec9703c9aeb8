/**
 * The leaderless (Dynamo-style) store's configuration: plain JSON data, every
 * field documented with its meaning, unit and default.
 *
 * @example
 * const config = resolveLeaderlessConfig({ nodes: 5, w: 1, r: 1 });
 * validateLeaderlessConfig(config); // passes: W + R <= N is allowed (and can read stale)
 */

/**
 * Merkle-tree anti-entropy between replicas that share keys.
 */
export interface AntiEntropyConfig {
  /** Run anti-entropy at all. Default false. */
  enabled: boolean;
  /** How often each node starts one exchange with its next peer, in ms of virtual time. Default 1000. */
  intervalMs: number;
  /** Levels below the root of each Merkle tree (2^depth leaves, i.e. key ranges). Default 6. */
  treeDepth: number;
}

/**
 * Which node coordinates a request:
 * - `'preference-list'`: the contacted node coordinates when it is one of the key's
 *   replicas; otherwise it forwards the request to the first replica of the key it does
 *   not suspect to be down, and relays that node's answer (an unanswered forward is an
 *   unknown outcome, 'error').
 * - `'contacted'`: the contacted node always coordinates, replica or not. Only with
 *   totally ordered tags (versioning 'lww', with or without ABD): version vectors are
 *   built on the coordinator's own replica of the key.
 */
export type CoordinatorChoice = (typeof COORDINATOR_CHOICES)[number];
/** Every {@link CoordinatorChoice}, for validation. */
export const COORDINATOR_CHOICES = ['preference-list', 'contacted'] as const;

/**
 * How concurrent versions are told apart:
 * - `'lww'`: one tag per version, (timestamp, node id); the highest tag wins. The timestamp
 *   is the coordinator's own, possibly skewed, clock — or a logical counter with `abd`.
 * - `'vv'`: version vectors; concurrent versions are kept as siblings (counters and sets
 *   are merged instead). A read of a key with siblings answers the sorted list of the
 *   sibling values.
 */
export type Versioning = (typeof VERSIONINGS)[number];
/** Every {@link Versioning}, for validation. */
export const VERSIONINGS = ['lww', 'vv'] as const;

/**
 * The whole configuration of a leaderless store; every field has a default (defaultLeaderlessConfig).
 *
 * @example
 * const config: LeaderlessConfig = { ...defaultLeaderlessConfig(), nodes: 5, sloppyQuorum: true };
 */
export interface LeaderlessConfig {
  /** Number of store nodes M, named n1..nM. Default 3. */
  nodes: number;
  /** Replicas per key (N): the first N distinct nodes clockwise on the ring. Default 3. */
  n: number;
  /** Replica acknowledgements a write needs (W). Default 2. */
  w: number;
  /** Replica answers a read needs (R). Default 2. */
  r: number;
  /** Tokens per node on the hash ring. Default 8. */
  vnodes: number;
  /** After a read, send the newest version to replicas that answered with an older one. Default true. */
  readRepair: boolean;
  /**
   * When an owner does not answer a write within `replicaTimeoutMs` (or is suspected down),
   * send the write to the next node on the ring with a hint naming the owner; that node keeps
   * the hint durably and delivers it when the owner answers again. Default true.
   */
  hintedHandoff: boolean;
  /**
   * Count acknowledgements of hinted writes toward W (needs hintedHandoff). Reads still ask
   * only the preference list, so a write acknowledged by fallbacks can be missed by a read
   * even with R + W > N until its hints are delivered (the known price of sloppy quorums).
   * Default false.
   */
  sloppyQuorum: boolean;
  antiEntropy: AntiEntropyConfig;
  /**
   * Attiya–Bar-Noy–Dolev: tags are logical (counter, node id); a write first asks R replicas
   * for the highest tag and writes a higher one; a read writes the version it picked back
   * to W replicas before answering. Linearizable registers when R + W > N. Needs
   * versioning 'lww'. Default false.
   */
  abd: boolean;
  /**
   * Read verification: a coordinator compares digests of the replicas' answers
   * and takes the newest version only when at least two replicas hold it,
   * byte for byte; it waits for more answers until then, and answers 'error'
   * (unknown outcome) when every replica answered and none is vouched for. A
   * replica that makes up a value (lie-read) is outvoted, never returned. Needs
   * versioning 'lww'. With n = 1 one replica vouches (and nothing is verified).
   * Default false.
   */
  readVerification: boolean;
  /**
   * Checksums over key, value and version on everything a node sends (replica
   * replies and writes, repairs, hints, anti-entropy entries, client replies)
   * and on the records it keeps on disk. A receiver drops a message whose
   * checksum does not match (it is resent, or another replica answers); a
   * restarted node drops a rotten record and, until it has re-fetched the key
   * from enough other replicas, answers no reads for it. Detects data altered
   * after it was summed (corrupt-message, corrupt-disk, replay-old), never a
   * node that sums its own lie. Default false.
   */
  checksums: boolean;
  versioning: Versioning;
  /** Longest a coordinator works on one request before answering 'error' (unknown outcome), in ms. Default 200. */
  requestTimeoutMs: number;
  /** How long a coordinator waits for one replica before treating it as unavailable, in ms. Default 50. */
  replicaTimeoutMs: number;
  /** How often a node holding hints tries to deliver them, in ms. Default 100. */
  hintRetryMs: number;
  coordinator: CoordinatorChoice;
  /**
   * Spare nodes (N+1 with 1, N+2 with 2), named s1..sK. They run but own no ring
   * range and serve nothing until their heartbeat detector declares a ring member
   * dead; then the first spare not yet taken takes over that member's tokens, is
   * sent the data it must hold by the surviving replicas, and serves those ranges
   * once it has it. A taken spare is not there for the next failure. Default 0.
   */
  spares: number;
  /** How often each spare sends every node its view of the membership (and expects an answer), in ms. Default 50. */
  spareHeartbeatMs: number;
  /** Silence of a ring member after which a spare declares it dead and takes over, in ms. Default 400. */
  spareDeclareAfterMs: number;
}

/** Every default, in one place. */
const DEFAULTS: Readonly<LeaderlessConfig> = Object.freeze({
  nodes: 3,
  n: 3,
  w: 2,
  r: 2,
  vnodes: 8,
  readRepair: true,
  hintedHandoff: true,
  sloppyQuorum: false,
  antiEntropy: Object.freeze({ enabled: false, intervalMs: 1000, treeDepth: 6 }),
  abd: false,
  readVerification: false,
  checksums: false,
  versioning: 'lww',
  requestTimeoutMs: 200,
  replicaTimeoutMs: 50,
  hintRetryMs: 100,
  coordinator: 'preference-list',
  spares: 0,
  spareHeartbeatMs: 50,
  spareDeclareAfterMs: 400,
});

/**
 * A fresh copy of the defaults (callers may change it freely).
 *
 * @example
 * defaultLeaderlessConfig().w; // 2
 */
export function defaultLeaderlessConfig(): LeaderlessConfig {
  return resolveLeaderlessConfig({});
}

/**
 * A configuration with any field (also inside antiEntropy) left out to take its default.
 */
export type LeaderlessConfigInput = Partial<Omit<LeaderlessConfig, 'antiEntropy'>> & {
  antiEntropy?: Partial<AntiEntropyConfig>;
};

/**
 * Fills the defaults in. Does not validate (see validateLeaderlessConfig).
 *
 * @example
 * resolveLeaderlessConfig({ w: 3 }).r; // 2
 */
export function resolveLeaderlessConfig(input: LeaderlessConfigInput = {}): LeaderlessConfig {
  return {
    ...DEFAULTS,
    ...input,
    antiEntropy: { ...DEFAULTS.antiEntropy, ...input.antiEntropy },
  };
}

/**
 * The node ids of a configuration: n1..nM.
 *
 * @example
 * leaderlessNodeIds(resolveLeaderlessConfig({ nodes: 2 })); // ['n1', 'n2']
 */
export function leaderlessNodeIds(config: Pick<LeaderlessConfig, 'nodes'>): string[] {
  return Array.from({ length: config.nodes }, (_, i) => `n${i + 1}`);
}

/**
 * The spare node ids of a configuration: s1..sK (none by default).
 *
 * @example
 * leaderlessSpareIds(resolveLeaderlessConfig({ spares: 2 })); // ['s1', 's2']
 */
export function leaderlessSpareIds(config: Pick<LeaderlessConfig, 'spares'>): string[] {
  return Array.from({ length: config.spares }, (_, i) => `s${i + 1}`);
}
