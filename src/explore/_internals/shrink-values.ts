import type { Scenario } from '../../run/scenario.js';
import type { ScenarioOp } from '../../client/op-source.js';

/**
 * Smaller values: every positive integer in the ops' values renumbered 1, 2, 3...
 * in order of first appearance. Equal values stay equal (a cas still expects
 * the write it expected), so only the numbers shrink; a candidate that changes
 * nothing is not offered.
 */
export function* smallerValues(scenario: Scenario): Generator<Scenario> {
  const ops = scenario.ops ?? [];
  const numbers = new Map<number, number>();
  const renumber = (value: unknown): unknown => {
    if (typeof value === 'number' && Number.isInteger(value) && value > 0) {
      if (!numbers.has(value)) numbers.set(value, numbers.size + 1);
      return numbers.get(value);
    }
    return Array.isArray(value) ? value.map(renumber) : value;
  };
  const renumbered: ScenarioOp[] = ops.map((op) => ({ ...op, value: renumber(op.value) }));
  if ([...numbers].some(([from, to]) => from !== to)) yield { ...scenario, ops: renumbered };
}
