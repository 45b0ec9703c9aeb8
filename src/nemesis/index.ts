/**
 * The nemesis: the fault catalogue as data (fault.ts), how each fault resolves
 * against the world when it starts (plan.ts), and how it starts and heals on a
 * World, recorded in the history as Jepsen records its nemesis (apply.ts).
 *
 * @example
 * import { scheduleNemesis, validateFaults } from './nemesis/index.js';
 * const nemesis = scheduleNemesis(world, validateFaults(json.faults), env);
 */
export { BENIGN_FAULT_KINDS, BYZANTINE_FAULT_KINDS, FAULT_KINDS, FAULT_PARAMS, FAULT_TARGETING, PERMANENT_FAULT_KINDS, REGION_FAULT_KINDS, type Fault, type FaultKind, type FaultParamRange } from './fault.js';
export { scheduleNemesis, type Nemesis, type NemesisEnv } from './apply.js';
export { planFault, param, type FaultPlan, type FaultScope } from './plan.js';
export { partitionLinks } from './plan-partition.js';
export { ClockEffects } from './clock-effects.js';
export { LinkEffects } from './link-effects.js';
export { WorldEffects } from './world-effects.js';
export { validateFault, validateFaults } from './validate-faults.js';
export { currentLeaders, leadersFromTrace } from './leaders.js';
export { bridgeSplit, linksBetweenGroups, linksTouching, majorityCount, majoritySplit, outgoingLinks, ringLinks, thirdSplit } from './shapes.js';
export type { ClockSetting, Effect, LinkSetting } from './effect.js';
export type { DiscoveryControl } from './world-effects.js';
