import type { Input } from '../../history/operation.js';
import { comparable, nil, sameValue } from '../canonical.js';
import type { NilReads } from '../nil-reads.js';
import type { OpSpec } from './build-model.js';
import { describeCommand, describeQuery, formatValue } from './format.js';
import { isNil } from './init-check.js';

/**
 * A read of a single value: the result must be the state (nil reads null). An unknown
 * result is whatever the state was.
 *
 * @example
 * READ.step(3, { f: 'read', value: null }, { known: true, value: 3 }); // [3]
 */
export const READ: OpSpec<unknown> = {
  step: (state, _input, output) => (!output.known || sameValue(state, output.value) ? [state] : []),
  describe: describeQuery,
  readOnly: () => true,
  observes: (_input, output) => (output.known ? [comparable(output.value)] : []),
};

/**
 * A read as Jepsen reads it: like {@link READ}, except that a result of nil is a read of
 * an unknown value, which matches any state and observes none.
 *
 * @example
 * READ_NIL_UNKNOWN.step(3, { f: 'read', value: null }, { known: true, value: null }); // [3]
 */
export const READ_NIL_UNKNOWN: OpSpec<unknown> = {
  step: (state, _input, output) => (!output.known || isNil(output.value) || sameValue(state, output.value) ? [state] : []),
  describe: describeQuery,
  readOnly: () => true,
  observes: (_input, output) => (output.known && !isNil(output.value) ? [comparable(output.value)] : []),
};

/**
 * The read of a register model under a reading of nil reads.
 *
 * @example
 * readOp('unknown') === READ_NIL_UNKNOWN; // true
 */
export function readOp(nilReads: NilReads): OpSpec<unknown> {
  return nilReads === 'unknown' ? READ_NIL_UNKNOWN : READ;
}

/**
 * A blind write: the state becomes the written value, whatever it was.
 *
 * @example
 * WRITE.step(1, { f: 'write', value: 2 }, { known: true, value: 2 }); // [2]
 */
export const WRITE: OpSpec<unknown> = {
  step: (_state, input) => [nil(input.value)],
  describe: (input, output) => describeCommand(input, output, formatValue(input.value)),
  blindWrite: (input) => ({ value: comparable(input.value) }),
  observes: () => [],
};

/**
 * Compare-and-set with value `[expected, new]`. Only a cas that took effect reaches a
 * model (a failed one is dropped with the other fails), so the state must equal
 * `expected` here, known result or not: an indeterminate cas that did not take effect
 * is the checker's business (it may leave the op out).
 *
 * @example
 * CAS.step(1, { f: 'cas', value: [1, 2] }, { known: true, value: [1, 2] }); // [2]
 */
export const CAS: OpSpec<unknown> = {
  step: (state, input) => {
    const [expected, next] = input.value as [unknown, unknown];
    return sameValue(state, expected) ? [nil(next)] : [];
  },
  describe: (input, output) => {
    const [expected, next] = casPair(input);
    return describeCommand(input, output, `${formatValue(expected)}->${formatValue(next)}`);
  },
  checkInput: (input) => checkCasValue(input.value),
  observes: (input) => [comparable(casPair(input)[0])],
};

/**
 * The problem with a cas value, or null when it is a 2-element `[expected, new]`.
 *
 * @example
 * checkCasValue(3); // 'cas expects [expected, new], got 3'
 */
export function checkCasValue(value: unknown): string | null {
  return Array.isArray(value) && value.length === 2 ? null : `cas expects [expected, new], got ${formatValue(value)}`;
}

function casPair(input: Input): [unknown, unknown] {
  return Array.isArray(input.value) ? [input.value[0], input.value[1]] : [undefined, undefined];
}

