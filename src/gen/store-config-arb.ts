import fc from 'fast-check';
import { defaultClientPolicy } from '../client/policy.js';
import { STORE_MODES, type StoreConfig, type StoreMode } from '../store/config.js';
import { clientPolicyArb } from './_internals/client-policy-arb.js';
import { leaderlessConfigArb } from './_internals/leaderless-arb.js';
import { multiLeaderConfigArb } from './_internals/multi-leader-arb.js';
import { singleLeaderConfigArb } from './_internals/single-leader-arb.js';

/**
 * Options of {@link storeConfigArb}.
 *
 * @example
 * const constraints: StoreConfigConstraints = { modes: ['leaderless'], maxNodes: 5 };
 */
export interface StoreConfigConstraints {
  /** Modes to draw from. Default: all three. */
  modes?: readonly StoreMode[];
  /** Most store nodes (single-leader, leaderless). Default 5. */
  maxNodes?: number;
  /** Most multi-leader groups. Default 3. */
  maxGroups?: number;
  /** Most nodes per multi-leader group. Default 3. */
  maxNodesPerGroup?: number;
  /** Draw the client policy too (true), or use the default policy (false). Default true. */
  clientPolicy?: boolean;
}

/**
 * Store configs of every mode with every knob drawn, each one valid by
 * construction (it passes validateStoreConfig): quorum sizes fit the node
 * count, timeouts that must exceed others do, and options that need each other
 * come together.
 *
 * @example
 * fc.assert(fc.property(storeConfigArb({ modes: ['leaderless'] }), (config) => {
 *   validateStoreConfig(config); // never throws
 * }));
 */
export function storeConfigArb(constraints: StoreConfigConstraints = {}): fc.Arbitrary<StoreConfig> {
  const modes = constraints.modes ?? STORE_MODES;
  if (modes.length === 0) throw new RangeError('storeConfigArb: modes must name at least one mode');
  const maxNodes = constraints.maxNodes ?? 5;
  // A fresh default policy each time, so no two configs share (and mutate) one object.
  const client = constraints.clientPolicy === false ? fc.constant(null).map(() => defaultClientPolicy()) : clientPolicyArb();
  const byMode: Record<StoreMode, fc.Arbitrary<StoreConfig>> = {
    'single-leader': fc
      .record({ singleLeader: singleLeaderConfigArb(maxNodes), client })
      .map(({ singleLeader, client }) => ({ mode: 'single-leader', singleLeader, client })),
    'multi-leader': fc
      .record({ multiLeader: multiLeaderConfigArb(constraints.maxGroups ?? 3, constraints.maxNodesPerGroup ?? 3), client })
      .map(({ multiLeader, client }) => ({ mode: 'multi-leader', multiLeader, client })),
    leaderless: fc
      .record({ leaderless: leaderlessConfigArb(maxNodes), client })
      .map(({ leaderless, client }) => ({ mode: 'leaderless', leaderless, client })),
  };
  return fc.oneof(...modes.map((mode) => byMode[mode]));
}
