/**
 * The fault catalogue, as data. A {@link Fault} is plain JSON: a kind, when it
 * starts, how long it lasts, and what it targets. How each kind starts and heals
 * on a World lives in apply.ts.
 */

/**
 * Every kind of fault the nemesis can inject.
 *
 * - partitions: `partition-one` (isolate one node), `partition-majority` (clean
 *   majority/minority split), `partition-ring` (overlapping majorities: each node
 *   sees its ring neighbours only), `partition-third` (split off a minority third),
 *   `partition-bridge` (two halves joined by one node), `partition-leader` (isolate
 *   the current leader(s), found when the fault starts), `partition-group` (cut off
 *   one datacenter group), `partition-one-way` (a node's outgoing links cut, not its
 *   incoming ones).
 * - packets: `latency`, `loss`, `duplicate`, `reorder` on the targets' links.
 * - clocks: `clock-bump` (jump by offsetMs), `clock-strobe` (back and forth every
 *   periodMs), `clock-drift` (runs fast or slow); every clock is reset at heal.
 * - processes: `crash-one`, `crash-minority`, `crash-majority`, `crash-all`,
 *   `crash-leader` (crash, then restart at heal), `crash-unsynced` (a power
 *   failure that loses unfsynced writes), `pause` (a GC pause), `slow` (CPU stress).
 * - disks: `disk-full` (appends fail until heal).
 * - discovery: `discovery` (clients cannot resolve the leader until heal).
 * - regions: `region-loss` (every node of one datacenter group destroyed with
 *   its disks, for good: heal restores nothing), `region-isolation` (the group
 *   cut off from every other node, intact, until heal).
 * - byzantine (see {@link BYZANTINE_FAULT_KINDS}): `corrupt-message` (a node
 *   alters values or versions in what it sends), `corrupt-disk` (bit rot in a
 *   node's log at rest: it is crashed, its durable records rot, and it reads them
 *   back when it restarts at heal), `equivocate` (the leader sends different
 *   entries for one log position to different followers), `forge-epoch` (a node
 *   claims leadership in an epoch it did not win), `replay-old` (a node re-sends
 *   old messages as new), `lie-read` (a replica answers reads with a value it
 *   never stored).
 */
export type FaultKind = (typeof FAULT_KINDS)[number];

/**
 * One fault: it starts at `atMs` and heals at `atMs + durationMs` (virtual ms).
 * `targets` are node ids chosen when the schedule is generated; kinds that aim at
 * the leader resolve it when the fault starts. `params` holds the kind's numbers
 * (see {@link FAULT_PARAMS}).
 *
 * @example
 * const fault: Fault = { kind: 'clock-bump', atMs: 200, durationMs: 500, targets: ['n2'], params: { offsetMs: -3000 } };
 */
export interface Fault {
  kind: FaultKind;
  atMs: number;
  durationMs: number;
  targets?: string[];
  params?: Record<string, number>;
}

/**
 * Every {@link FaultKind}, in catalogue order.
 *
 * @example
 * FAULT_KINDS.includes('pause'); // true
 */
export const FAULT_KINDS = [
  'partition-one', 'partition-majority', 'partition-ring', 'partition-third',
  'partition-bridge', 'partition-leader', 'partition-group', 'partition-one-way',
  'latency', 'loss', 'duplicate', 'reorder',
  'clock-bump', 'clock-strobe', 'clock-drift',
  'crash-one', 'crash-minority', 'crash-majority', 'crash-all', 'crash-leader',
  'crash-unsynced', 'pause', 'slow', 'disk-full', 'discovery',
  'region-loss', 'region-isolation',
  'corrupt-message', 'corrupt-disk', 'equivocate', 'forge-epoch', 'replay-old', 'lie-read',
] as const;

/**
 * Kinds whose damage outlasts their heal (a destroyed node never comes back).
 * A store that promises durability cannot promise it through these unless it
 * keeps copies outside the lost group, so presets leave them out.
 *
 * @example
 * PERMANENT_FAULT_KINDS.includes('region-loss'); // true
 */
export const PERMANENT_FAULT_KINDS: readonly FaultKind[] = ['region-loss'];

/**
 * Kinds aimed at stores spread over regions. Schedules draw them only when
 * asked (by name, or `--nemesis all`): presets and the default schedules leave
 * them out, so the runs they draw stay the runs they drew before these kinds
 * existed, and a permanent loss never reaches a store that cannot survive it.
 *
 * @example
 * FAULT_KINDS.filter((kind) => !REGION_FAULT_KINDS.includes(kind)); // the kinds presets draw from
 */
export const REGION_FAULT_KINDS: readonly FaultKind[] = ['region-loss', 'region-isolation'];

/**
 * The kinds where a node does something wrong rather than nothing: it sends,
 * stores or answers data that is false. Crash-tolerant stores promise nothing
 * under them unless a defence (checksums, authenticated epochs, read
 * verification) turns the lie into a detected fault; see the README.
 *
 * @example
 * BYZANTINE_FAULT_KINDS.includes('equivocate'); // true
 */
export const BYZANTINE_FAULT_KINDS = [
  'corrupt-message', 'corrupt-disk', 'equivocate', 'forge-epoch', 'replay-old', 'lie-read',
] as const satisfies readonly FaultKind[];

/**
 * Every kind that is neither byzantine nor aimed at regions: crash, omission and
 * timing faults, which a crash-tolerant store must survive (the safe presets and the
 * default schedules draw from these).
 *
 * @example
 * BENIGN_FAULT_KINDS.includes('lie-read'); // false
 */
export const BENIGN_FAULT_KINDS: readonly FaultKind[] = FAULT_KINDS.filter(
  (kind) => !(BYZANTINE_FAULT_KINDS as readonly FaultKind[]).includes(kind) && !REGION_FAULT_KINDS.includes(kind),
);

/**
 * The range and default of one numeric parameter of a fault kind.
 */
export interface FaultParamRange {
  min: number;
  max: number;
  default: number;
}

/**
 * The numeric parameters each kind reads from `Fault.params`, with the range a
 * generator should draw from and the default used when one is left out. Kinds
 * not listed take no parameters.
 *
 * - `extraMs`: latency added to each message (latency), or to each message a slow
 *   node processes (slow).
 * - `probability`: per message (loss, duplicate, reorder).
 * - `maxDelayMs`: how long reorder holds a message back at most.
 * - `offsetMs`: clock jump (clock-bump), or the amplitude of a strobe.
 * - `periodMs`: how often a strobing clock flips.
 * - `drift`: relative clock rate error (0.5 = 50% fast, -0.5 = 50% slow).
 *
 * @example
 * FAULT_PARAMS['clock-bump']?.offsetMs?.default; // 2000
 */
export const FAULT_PARAMS: Readonly<Partial<Record<FaultKind, Readonly<Record<string, FaultParamRange>>>>> = {
  latency: { extraMs: { min: 5, max: 200, default: 50 } },
  loss: { probability: { min: 0.05, max: 0.6, default: 0.3 } },
  duplicate: { probability: { min: 0.05, max: 0.6, default: 0.3 } },
  reorder: { probability: { min: 0.05, max: 0.6, default: 0.3 }, maxDelayMs: { min: 5, max: 100, default: 30 } },
  'clock-bump': { offsetMs: { min: -5000, max: 5000, default: 2000 } },
  'clock-strobe': { offsetMs: { min: 10, max: 2000, default: 500 }, periodMs: { min: 5, max: 50, default: 10 } },
  'clock-drift': { drift: { min: -0.9, max: 2, default: 0.5 } },
  slow: { extraMs: { min: 1, max: 100, default: 20 } },
};

/**
 * How a kind picks its nodes when a schedule is generated:
 * - `none`: acts on the clients' discovery service, no node;
 * - `one`: `targets[0]` is the node;
 * - `some`: one or more nodes (the links touching them for packet faults);
 * - `group`: the nodes of one datacenter group (any subset for single-group stores);
 * - `leader`: the current leader(s), found when the fault starts; `targets`, if
 *   given, are the fallback when no leader is known;
 * - `all`: the kind splits or crashes a share of the whole cluster; `targets`, if
 *   given, is the order in which the cluster's nodes are taken (e.g. the first
 *   minority of it is crashed), and the store's node order when absent.
 * At run time, targets that name no store node are ignored (a shrunk scenario
 * may have fewer nodes than the one its faults were drawn for).
 *
 * @example
 * FAULT_TARGETING['crash-one']; // 'one'
 */
export const FAULT_TARGETING: Readonly<Record<FaultKind, 'none' | 'one' | 'some' | 'group' | 'leader' | 'all'>> = {
  'partition-one': 'one',
  'partition-majority': 'all',
  'partition-ring': 'all',
  'partition-third': 'all',
  'partition-bridge': 'all',
  'partition-leader': 'leader',
  'partition-group': 'group',
  'partition-one-way': 'one',
  latency: 'some',
  loss: 'some',
  duplicate: 'some',
  reorder: 'some',
  'clock-bump': 'one',
  'clock-strobe': 'one',
  'clock-drift': 'one',
  'crash-one': 'one',
  'crash-minority': 'all',
  'crash-majority': 'all',
  'crash-all': 'all',
  'crash-leader': 'leader',
  'crash-unsynced': 'one',
  pause: 'one',
  slow: 'one',
  'disk-full': 'one',
  discovery: 'none',
  'region-loss': 'group',
  'region-isolation': 'group',
  'corrupt-message': 'one',
  'corrupt-disk': 'one',
  equivocate: 'leader',
  'forge-epoch': 'one',
  'replay-old': 'one',
  'lie-read': 'one',
};
