import type { ConflictPolicy } from './resolve.js';

/**
 * One group of nodes (a datacenter): its first node is the group's leader, the
 * others are followers that copy the leader's log.
 */
export interface MultiLeaderGroup {
  /** The group's name; letters, digits, `_` and `-`. */
  name: string;
  /**
   * How many nodes (ids `<name>-n1` … `<name>-nK`), or the node ids themselves.
   * The first node is the leader. At least 1.
   */
  nodes: number | string[];
}

/** Who may serve reads in a group (see {@link MultiLeaderConfig.readFrom}). */
export const MULTI_LEADER_READS = ['leader', 'any'] as const;

/**
 * The multi-leader store's settings. Plain JSON data; every field has a default
 * (see {@link defaultMultiLeaderConfig}).
 *
 * @example
 * const config: MultiLeaderConfig = { ...defaultMultiLeaderConfig(), conflictResolution: 'siblings' };
 */
export interface MultiLeaderConfig {
  /** The groups (datacenters), each with one leader. Default: `dc1` and `dc2`, 2 nodes each. */
  groups: MultiLeaderGroup[];
  /**
   * How often, in ms of virtual time, a leader ships pending log entries to its
   * followers and its local writes to the other leaders (resending whatever is not
   * yet acknowledged). Default 20.
   */
  replicationIntervalMs: number;
  /** The most entries sent in one replication message, to one follower or leader. Default 64. */
  replicationBatch: number;
  /**
   * When on, each key has a home group (a deterministic hash of the key), and every
   * write to the key is forwarded to the home group's leader, so writes to one key
   * are never concurrent (conflict avoidance) — at the price of a cross-group round
   * trip, and of unavailability for that key when its home is unreachable. Reads
   * are still served in the client's group. Default false.
   */
  homeRouting: boolean;
  /** How concurrent writes to a key are resolved: `lww`, `siblings` or `merge`. Default `lww`. */
  conflictResolution: ConflictPolicy;
  /**
   * Who serves reads in a group: `leader` (followers redirect reads to it) or `any`
   * (a follower answers from its own, possibly stale, copy). Writes always go to
   * the leader. Default `leader`.
   */
  readFrom: (typeof MULTI_LEADER_READS)[number];
  /**
   * How long, in ms, a leader waits for the home leader's answer to a forwarded
   * write before telling the client the outcome is unknown (`error`). Default 500.
   */
  forwardTimeoutMs: number;
  /**
   * Checksums over each write's key, version, origin and idempotency record,
   * made by the leader that accepts it and kept with it on every log, disk and
   * message, and over every client reply. A peer or follower drops an entry
   * whose checksum does not match and takes it again when it is resent; a
   * restarted node that finds a rotten record takes that entry again from a
   * node of its group (same offsets) before it serves anything; a client drops
   * an altered reply. Detects data altered after it was summed (corrupt-message,
   * corrupt-disk, replay-old), never a leader that sums its own lie. Default false.
   */
  checksums: boolean;
}

/** The defaults: two groups of two nodes, LWW, leader reads, no home routing. */
const DEFAULTS: Readonly<MultiLeaderConfig> = Object.freeze({
  groups: [
    { name: 'dc1', nodes: 2 },
    { name: 'dc2', nodes: 2 },
  ],
  replicationIntervalMs: 20,
  replicationBatch: 64,
  homeRouting: false,
  conflictResolution: 'lww',
  readFrom: 'leader',
  forwardTimeoutMs: 500,
  checksums: false,
});

/**
 * A config as a user writes it: any field may be left out (defaults fill it).
 */
export type MultiLeaderConfigInput = Partial<MultiLeaderConfig>;

/**
 * A fresh copy of the defaults (callers may change it freely).
 *
 * @example
 * defaultMultiLeaderConfig().groups.length; // 2
 */
export function defaultMultiLeaderConfig(): MultiLeaderConfig {
  return resolveMultiLeaderConfig({});
}

/**
 * A full config from a partial one: missing fields take their defaults. Copies
 * the groups, so callers never share the default's arrays. Does not validate (see
 * `validateMultiLeaderConfig`).
 *
 * @example
 * resolveMultiLeaderConfig({ homeRouting: true }).conflictResolution; // 'lww'
 */
export function resolveMultiLeaderConfig(input: MultiLeaderConfigInput): MultiLeaderConfig {
  const merged = { ...DEFAULTS, ...input };
  const groups = Array.isArray(merged.groups) ? merged.groups.map(copyGroup) : merged.groups;
  return { ...merged, groups };
}

function copyGroup(group: MultiLeaderGroup): MultiLeaderGroup {
  if (typeof group !== 'object' || group === null) return group;
  return { ...group, nodes: Array.isArray(group.nodes) ? [...group.nodes] : group.nodes };
}
