import fc from 'fast-check';
import { FAULT_PARAMS, FAULT_TARGETING, type FaultKind } from '../../nemesis/fault.js';

/**
 * The nodes a fault of `kind` aims at, drawn the way its targeting rule reads
 * them (FAULT_TARGETING): one node, a non-empty subset, one group's nodes, or an
 * order over the whole cluster; none for discovery.
 */
export function faultTargetsArb(
  kind: FaultKind,
  nodeIds: readonly string[],
  groups: readonly (readonly string[])[],
): fc.Arbitrary<string[] | undefined> {
  if (nodeIds.length === 0) return fc.constant(undefined);
  switch (FAULT_TARGETING[kind]) {
    case 'none':
      return fc.constant(undefined);
    case 'one':
    case 'leader':
      return fc.constantFrom(...nodeIds).map((id) => [id]);
    case 'some':
      return fc.subarray([...nodeIds], { minLength: 1 });
    case 'group':
      return groups.length > 1
        ? fc.constantFrom(...groups).map((group) => [...group])
        : fc.subarray([...nodeIds], { minLength: 1 });
    case 'all':
      return fc.shuffledSubarray([...nodeIds], { minLength: nodeIds.length });
  }
}

/**
 * The numeric parameters of `kind` (FAULT_PARAMS), each drawn in its range:
 * whole milliseconds, hundredths for probabilities and drifts, so a saved
 * scenario reads cleanly.
 */
export function faultParamsArb(kind: FaultKind): fc.Arbitrary<Record<string, number> | undefined> {
  const ranges = FAULT_PARAMS[kind];
  if (ranges === undefined) return fc.constant(undefined);
  const fields: Record<string, fc.Arbitrary<number>> = {};
  for (const [name, range] of Object.entries(ranges)) {
    const scale = name.endsWith('Ms') ? 1 : 100;
    fields[name] = fc
      .integer({ min: Math.ceil(range.min * scale), max: Math.floor(range.max * scale) })
      .map((value) => value / scale);
  }
  return fc.record(fields);
}
