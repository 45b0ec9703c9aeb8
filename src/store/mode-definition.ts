import type fc from 'fast-check';
import type { StoreDefinition } from './definition.js';
import type { MutationSwitches } from './mutation-switches.js';

/**
 * One deliberate bug a mode can switch on (see `ModeDefinition.mutations`):
 * the mode whose nodes it changes, what the buggy node does, and which promise
 * that breaks (what a checker should report).
 */
export interface Mutation<Name extends string = string> {
  name: Name;
  /** The only store mode the bug lives in. */
  mode: string;
  /** What the buggy node does, as one sentence. */
  bug: string;
  /** The promise it breaks, and what it takes to see it. */
  breaks: string;
}

/**
 * The bounds a mode's arbitrary draws within (`storeConfigArb` fills in its
 * defaults): a mode reads the ones that fit its shape.
 *
 * @example
 * singleLeaderMode.arbitrary!({ maxNodes: 3, maxGroups: 1, maxNodesPerGroup: 1 });
 */
export interface StoreBounds {
  /** Most nodes of a one-group store. */
  maxNodes: number;
  /** Most groups (datacenters) of a store made of groups. */
  maxGroups: number;
  /** Most nodes per group. */
  maxNodesPerGroup: number;
}

/**
 * Where a store's nodes are, for faults and checkers: every node id, the
 * groups a fault may cut off together (none when there is one group), and, when
 * a key lives on some nodes only, which (the convergence checker compares those
 * replicas only).
 *
 * @example
 * storeTopology(defaultStoreConfig('multi-leader')).groups; // [['dc1-n1', 'dc1-n2'], ['dc2-n1', 'dc2-n2']]
 */
export interface StoreTopology {
  nodeIds: string[];
  groups: string[][];
  replicasOf?: (key: string) => string[];
}

/**
 * Everything faultline needs of one store mode, as values: its settings field
 * in a store config, defaults, validation, how to build its nodes, its
 * deliberate bugs, and what generating, shrinking and aiming faults need. The
 * three built-in modes are entries of `MODES`; a store of your own is a
 * definition like these, passed as `{ modes: [yourMode] }` to simulate,
 * runScenario, explore, shrinkScenario and replay (or as `--store file.js`).
 *
 * Only `name`, `field`, `defaults`, `validate` and `create` are required:
 * without `arbitrary` explore runs the defaults (with every fault, workload and
 * seed drawn), without `smaller` shrinking keeps the node count, and without
 * `topology` the node ids and groups come from `create`.
 *
 * @example
 * // see "Test your own store in the simulator" in the README for a whole one
 * const register: ModeDefinition<{ nodes: number }, 'primary-backup', 'primaryBackup'> = {
 *   name: 'primary-backup', field: 'primaryBackup',
 *   defaults: () => ({ nodes: 2 }),
 *   validate: (value, path) => ({ nodes: requireInteger(`${path}.nodes`, (value as any).nodes ?? 2, 2, 9) }),
 *   create: (settings) => primaryBackupStore(settings),
 * };
 */
export interface ModeDefinition<Settings = any, Name extends string = string, Field extends string = string, Bug extends string = string> {
  /** The `mode` a store config names, e.g. 'single-leader'. */
  readonly name: Name;
  /** The config field holding this mode's settings, e.g. 'singleLeader'. */
  readonly field: Field;
  /** A fresh copy of the default settings. */
  defaults(): Settings;
  /**
   * Untrusted JSON (a partial settings object; `{}` when the field is left
   * out) to complete settings; throws a ConfigError naming the field under `path`.
   */
  validate(value: unknown, path: string): Settings;
  /** The store the settings describe, with the deliberate bugs `mutations` switches on. */
  create(settings: Settings, mutations: MutationSwitches<Bug>): StoreDefinition<any>;
  /** The deliberate bugs this mode can switch on (a config's `mutations` names them). */
  readonly mutations?: readonly Mutation<Bug>[];
  /** Settings valid by construction, within `bounds`, for explore. */
  arbitrary?(bounds: StoreBounds): fc.Arbitrary<Settings>;
  /** Settings one step smaller (one node fewer, say), smallest change first, for shrinking. */
  smaller?(settings: Settings): Iterable<Settings>;
  /** The node ids, groups and key placement of the store the settings describe. */
  topology?(settings: Settings): StoreTopology;
  /**
   * The URL of an ES module whose default export is this definition: explore's
   * worker threads load the mode from there. `faultline --store` and
   * `loadModeDefinition` fill it in.
   */
  module?: string;
}

/**
 * The store config of a mode definition's type: `{ mode, <field>: settings }`,
 * with the deliberate bugs to switch on (names checked by validateStoreConfig:
 * each must be one of the mode's own, and none listed twice).
 */
export type StoreConfigOf<D> = D extends ModeDefinition<infer Settings, infer Name, infer Field>
  ? { mode: Name; mutations?: string[] } & { [K in Field]: Settings }
  : never;
