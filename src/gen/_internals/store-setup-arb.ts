import fc from 'fast-check';
import type { ClientPolicyConfig } from '../../client/policy.js';
import { settingsArb } from '../../store/arbitrary.js';
import type { StoreConfig } from '../../store/config.js';
import type { ModeDefinition, StoreBounds } from '../../store/mode-definition.js';
import { clientPolicyArb } from './client-policy-arb.js';

/** A generated store and, when drawn, its clients' policy. */
export interface StoreSetup {
  store: StoreConfig;
  client?: ClientPolicyConfig;
}

/**
 * A store of one of `modes` and its clients' policy, drawn together: each mode's
 * settings first, then the policy, as one record per mode. Scenarios are drawn
 * with this shape so a seed keeps finding the scenario it always found; the
 * pair is then split, the policy going to the scenario.
 */
export function storeSetupArb(modes: readonly ModeDefinition[], bounds: StoreBounds, clientPolicy: boolean): fc.Arbitrary<StoreSetup> {
  if (modes.length === 0) throw new RangeError('storeConfigArb: modes must name at least one mode');
  const client = clientPolicy ? clientPolicyArb() : fc.constant(undefined);
  return fc.oneof(
    ...modes.map((mode) =>
      fc
        .record({ settings: settingsArb(mode, bounds), client })
        .map(({ settings, client }): StoreSetup => ({
          store: { mode: mode.name, [mode.field]: settings } as StoreConfig,
          ...(client === undefined ? {} : { client }),
        })),
    ),
  );
}
