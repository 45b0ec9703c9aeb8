/**
 * Configuration of the single-leader store: plain JSON data. Every field has a
 * default ({@link defaultSingleLeaderConfig}); {@link validateSingleLeaderConfig} fills
 * the missing ones and rejects what cannot work.
 */

/**
 * How the leader ships changes to followers (see {@link SingleLeaderConfig.replication}).
 */
export type ReplicationKind = (typeof REPLICATION_KINDS)[number];
/** Every {@link ReplicationKind}, for validation. */
export const REPLICATION_KINDS = ['wal', 'statement', 'row'] as const;
/**
 * When the leader acknowledges a write (see {@link SingleLeaderConfig.acks}).
 */
export type AckMode = (typeof ACK_MODES)[number];
/** Every {@link AckMode}, for validation. */
export const ACK_MODES = ['async', 'semi-sync', 'sync', 'majority'] as const;
/**
 * Who serves reads, and how (see {@link SingleLeaderConfig.reads}).
 */
export type ReadMode = (typeof READ_MODES)[number];
/** Every {@link ReadMode}, for validation. */
export const READ_MODES = ['leader', 'any', 'lease'] as const;
/**
 * When appended records are made durable (see {@link SingleLeaderConfig.fsync}).
 */
export type FsyncPolicy = (typeof FSYNC_POLICIES)[number];
/** Every {@link FsyncPolicy}, for validation. */
export const FSYNC_POLICIES = ['every-write', 'batched'] as const;

/**
 * How ready a standby is to take over (see {@link StandbyConfig}).
 */
export type StandbyLevel = (typeof STANDBY_LEVELS)[number];
/** Every {@link StandbyLevel}, coldest first. */
export const STANDBY_LEVELS = ['cold', 'warm', 'hot'] as const;

/**
 * The passive standby of a lone primary (see {@link SingleLeaderConfig.standby}).
 * The level decides what the standby holds and when the primary acknowledges:
 * - 'hot': the standby stores every entry before the primary acknowledges it
 *   (synchronous, like acks 'sync'); promoted at once.
 * - 'warm': the log is shipped to it in batches every `shipIntervalMs`
 *   (asynchronous: the primary acknowledges after its own fsync) and applied
 *   every `applyIntervalMs`; promoted after replaying what it holds unapplied.
 * - 'cold': it receives no data, only heartbeats; the primary puts a snapshot of
 *   its acknowledged log on the object store every `snapshotIntervalMs`;
 *   promoted after fetching the latest snapshot and replaying it.
 */
export interface StandbyConfig {
  level: StandbyLevel;
  /** Warm: period (ms) of the batched log shipping. Default 200. */
  shipIntervalMs: number;
  /** Warm: period (ms) at which the standby applies the entries it stored. Default 1000. */
  applyIntervalMs: number;
  /** Cold: period (ms) of the primary's snapshots. Default 1000. */
  snapshotIntervalMs: number;
  /** Warm and cold: time (ms) to replay one entry when promoted. Default 2. */
  replayMsPerEntry: number;
  /** Cold: the object store's time per request (ms) and throughput (bytes per ms). Default 30 ms, 2000 B/ms. */
  objectStore: { requestMs: number; bytesPerMs: number };
}

/**
 * The fixed-timeout detector: suspect, then declare the leader dead, after fixed silences.
 */
export interface HeartbeatDetectorConfig {
  kind: 'heartbeat';
  /** Silence (ms, follower's clock) after which the leader is suspected (traced only). Default 150. */
  suspectAfterMs: number;
  /** Silence (ms, follower's clock) after which the leader is declared dead and an election starts. Default 300. */
  declareAfterMs: number;
}

/**
 * The phi-accrual detector: declare the leader dead when phi reaches the threshold.
 */
export interface PhiDetectorConfig {
  kind: 'phi';
  /** Phi at or above which the leader is declared dead. Default 8. */
  threshold: number;
  /** Number of heartbeat inter-arrival times in the sliding window. Default 100. */
  windowSize: number;
  /** Floor on the standard deviation, in ms. Default 10. */
  minStdDevMs: number;
}

/**
 * How followers watch their leader: a fixed timeout or phi accrual.
 */
export type FailureDetectorConfig = HeartbeatDetectorConfig | PhiDetectorConfig;

/**
 * The single-leader store's settings.
 *
 * @example
 * const config: SingleLeaderConfig = { ...defaultSingleLeaderConfig(), acks: 'async', reads: 'lease' };
 */
export interface SingleLeaderConfig {
  /** Number of store nodes, named n1..nN; n1 stands for leader first. Default 3. */
  nodes: number;
  /**
   * What travels in the replication log. 'wal': the leader's own storage records,
   * byte for byte. 'statement': the client's statement, re-executed by every follower
   * (so NOW() and RAND() diverge). 'row': the resulting row change {key, before, after},
   * which also feeds change-data-capture subscribers. Default 'wal'.
   */
  replication: ReplicationKind;
  /**
   * When a write is acknowledged: 'async' after the leader's own fsync; 'semi-sync' also
   * after one follower's; 'sync' after every follower's; 'majority' after a majority of
   * nodes (leader included). Default 'majority'.
   */
  acks: AckMode;
  /**
   * 'leader': the leader serves reads at its acknowledged offset; with `fencing` on it
   * first confirms its leadership with a majority heartbeat round (linearizable with
   * majority acks), with fencing off it answers at once (a deposed leader reads stale).
   * 'any': every node serves reads from its own copy (stale). 'lease': the leader serves
   * reads locally while its lease is valid on its own clock. Default 'leader'.
   */
  reads: ReadMode;
  /** Lease length (ms, leader's clock), counted from the send time of a heartbeat round a majority acknowledged. Default 1000. */
  leaseMs: number;
  /** Clock drift the lease tolerates (ms): a new leader waits leaseMs + this before serving lease reads. Default 100. */
  clockDriftMarginMs: number;
  /** Leader heartbeat period (ms of virtual time). Default 50. */
  heartbeatIntervalMs: number;
  /** How followers decide the leader is dead. Default: heartbeat, 150/300 ms. */
  failureDetector: FailureDetectorConfig;
  /**
   * Upper bound (ms) of the random back-off, drawn from the node's random(), before a
   * follower that declared its leader dead stands for election; also the base of how
   * long a candidate waits for votes before trying again. Default 300.
   */
  electionTimeoutMs: number;
  /**
   * Fencing by epoch. On: followers reject appends from a lower epoch, and a leader that
   * has not heard from a majority for quorumTimeoutMs steps down. Off: neither, so a
   * partitioned old leader keeps acknowledging writes (split brain). Default true.
   */
  fencing: boolean;
  /** With fencing: silence from a majority (ms, leader's clock) after which a leader steps down. Default 500. */
  quorumTimeoutMs: number;
  /** 'every-write': fsync each appended record at once; 'batched': one fsync per fsyncIntervalMs (group commit; acks still wait for it). Default 'every-write'. */
  fsync: FsyncPolicy;
  /** Period (ms) of the batched fsync. Default 10. */
  fsyncIntervalMs: number;
  /** How long (ms) a write waits for its acks (and a read for its confirmation) before an 'error' (write) or 'fail' (read) reply. Default 1000. */
  requestTimeoutMs: number;
  /**
   * Checksums on log entries, on the records at rest and on client replies. A
   * follower drops an entry whose checksum does not match (the leader sends it
   * again); a restarted node drops its log from the first rotten record on and
   * neither votes nor stands until it has fetched that far again; a client drops
   * a reply that does not match. They catch data altered after it was summed
   * (corrupt-message, corrupt-disk, replay-old), not a node that lies. Default false.
   */
  checksums: boolean;
  /**
   * Authenticated epochs: each vote is signed with the voter's key, and a leader's
   * appends carry the certificate of a majority's signed votes for its epoch.
   * A follower ignores an append whose certificate does not prove that its
   * sender won that epoch (forge-epoch). Default false.
   */
  authenticatedEpochs: boolean;
  /**
   * A passive standby for a lone primary (needs `nodes: 1`), or null for none. The
   * standby is one more node, n2: it serves no client (it redirects) and does not
   * stand until its failure detector declares the primary dead; then it promotes
   * itself in a new epoch, after the preparation its level needs. The roles swap:
   * the old primary, back, follows as the standby. With a standby the level sets
   * the acknowledgement rule, so `acks` is not used. Cold standbys add the object
   * store node `os`. Default null.
   */
  standby: StandbyConfig | null;
}

/**
 * The defaults: three nodes, WAL shipping, majority acks, confirmed leader reads,
 * fencing on, fsync on every write.
 *
 * @example
 * defaultSingleLeaderConfig().acks; // 'majority'
 */
export function defaultSingleLeaderConfig(): SingleLeaderConfig {
  return {
    nodes: 3,
    replication: 'wal',
    acks: 'majority',
    reads: 'leader',
    leaseMs: 1000,
    clockDriftMarginMs: 100,
    heartbeatIntervalMs: 50,
    failureDetector: defaultHeartbeatDetector(),
    electionTimeoutMs: 300,
    fencing: true,
    quorumTimeoutMs: 500,
    fsync: 'every-write',
    fsyncIntervalMs: 10,
    requestTimeoutMs: 1000,
    checksums: false,
    authenticatedEpochs: false,
    standby: null,
  };
}

/**
 * Default settings of a standby of the given level.
 *
 * @example
 * defaultStandby('warm').shipIntervalMs; // 200
 */
export function defaultStandby(level: StandbyLevel): StandbyConfig {
  return {
    level,
    shipIntervalMs: 200,
    applyIntervalMs: 1000,
    snapshotIntervalMs: 1000,
    replayMsPerEntry: 2,
    objectStore: { requestMs: 30, bytesPerMs: 2000 },
  };
}

/**
 * Default settings of the fixed-timeout detector.
 *
 * @example
 * defaultHeartbeatDetector().declareAfterMs; // 300
 */
export function defaultHeartbeatDetector(): HeartbeatDetectorConfig {
  return { kind: 'heartbeat', suspectAfterMs: 150, declareAfterMs: 300 };
}

/**
 * Default settings of the phi-accrual detector.
 *
 * @example
 * defaultPhiDetector().threshold; // 8
 */
export function defaultPhiDetector(): PhiDetectorConfig {
  return { kind: 'phi', threshold: 8, windowSize: 100, minStdDevMs: 10 };
}

/**
 * Node ids of a config: n1..nN, then the standby if there is one.
 *
 * @example
 * singleLeaderNodeIds({ nodes: 3 }); // ['n1', 'n2', 'n3']
 * singleLeaderNodeIds({ nodes: 1, standby: defaultStandby('hot') }); // ['n1', 'n2']
 */
export function singleLeaderNodeIds(config: Pick<SingleLeaderConfig, 'nodes'> & { standby?: StandbyConfig | null }): string[] {
  const count = config.nodes + (config.standby ? 1 : 0);
  return Array.from({ length: count }, (_, i) => `n${i + 1}`);
}

/** The id of the object store a cold standby restores from. */
export const SNAPSHOT_STORE_ID = 'os';

/**
 * Nodes needed for a majority of `clusterSize`.
 *
 * @example
 * majorityOf(3); // 2
 */
export function majorityOf(clusterSize: number): number {
  return Math.floor(clusterSize / 2) + 1;
}
