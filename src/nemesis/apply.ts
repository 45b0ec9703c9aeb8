import type { OpRecord } from '../client/history-recorder.js';
import type { StoreDefinition } from '../store/definition.js';
import type { NetworkOptions, ScheduledEvent, World } from '../sim/world.js';
import { linkDefaults } from '../sim/world-options.js';
import type { Fault } from './fault.js';
import { currentLeaders } from './leaders.js';
import { planFault, type FaultPlan, type FaultScope } from './plan.js';
import { WorldEffects, type DiscoveryControl } from './world-effects.js';

/**
 * What the nemesis needs besides the World: the store (its nodes, groups and
 * leaders), where history ops go, the clients' discovery service, and the
 * network's normal settings (to restore links at heal).
 *
 * @example
 * const env: NemesisEnv = { store, record: (op) => runtime.recorder.record(op), discovery: runtime.discovery };
 */
export interface NemesisEnv {
  store: StoreDefinition<unknown>;
  record(op: OpRecord): void;
  discovery: DiscoveryControl;
  network?: NetworkOptions;
}

/**
 * A scheduled fault schedule: it runs by itself on the World's clock;
 * `healAll` ends it.
 *
 * @example
 * const nemesis = scheduleNemesis(world, faults, env);
 * world.runUntil(5_000);
 * nemesis.healAll(); // every fault still in force is healed, later ones never start
 */
export interface Nemesis {
  /** Heals every fault in force (latest first) and cancels the faults not started yet. */
  healAll(): void;
  /** Indices of the faults in force now, in the order they started. */
  active(): number[];
}

/**
 * Schedules each fault on the World: at `atMs` it is resolved against the world
 * as it is then (the current leader, the nodes that exist), its effects are
 * applied and a `start-<family>` info op is recorded; `durationMs` later its
 * effects are undone and a `stop-<family>` op is recorded, as Jepsen records
 * its nemesis. Overlapping faults compose: healing one leaves the others in
 * force.
 *
 * @example
 * scheduleNemesis(world, [{ kind: 'partition-majority', atMs: 100, durationMs: 300 }], env);
 * // history: { process: 'nemesis', type: 'info', f: 'start-partition', value: { fault: 0, kind: 'partition-majority', groups: [...] } }
 */
export function scheduleNemesis(world: World, faults: readonly Fault[], env: NemesisEnv): Nemesis {
  const effects = new WorldEffects(world, env.discovery, linkDefaults(env.network ?? {}), env.store.byzantine);
  const inForce = new Map<number, FaultPlan>();
  const pending = new Map<string, ScheduledEvent>();
  const scope: FaultScope = {
    storeNodes: env.store.nodeIds,
    allNodes: world.nodeIds,
    groups: env.store.groups ?? [],
    leaders: () => currentLeaders(world, env.store),
  };
  const note = (f: string, index: number, plan: FaultPlan) => {
    const value = { fault: index, kind: faults[index]!.kind, ...plan.detail };
    env.record({ process: 'nemesis', type: 'info', f, value });
    world.annotate(f, value);
  };
  const stop = (index: number) => {
    pending.delete(`stop ${index}`);
    const plan = inForce.get(index);
    if (plan === undefined) return;
    inForce.delete(index);
    for (const effect of [...plan.effects].reverse()) effects.revert(index, effect);
    note(`stop-${plan.family}`, index, plan);
  };
  const start = (index: number) => {
    pending.delete(`start ${index}`);
    const fault = faults[index]!;
    const plan = planFault(fault, { ...scope, allNodes: world.nodeIds });
    note(`start-${plan.family}`, index, plan);
    for (const effect of plan.effects) effects.apply(index, effect);
    inForce.set(index, plan);
    pending.set(`stop ${index}`, world.schedule(world.now() + fault.durationMs, `nemesis stop ${fault.kind}`, () => stop(index)));
  };
  faults.forEach((fault, index) => {
    pending.set(`start ${index}`, world.schedule(fault.atMs, `nemesis start ${fault.kind}`, () => start(index)));
  });
  return {
    healAll() {
      for (const event of pending.values()) event.cancel();
      pending.clear();
      for (const index of [...inForce.keys()].reverse()) stop(index);
    },
    active: () => [...inForce.keys()],
  };
}
