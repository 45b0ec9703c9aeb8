/**
 * How the simulator hands data between nodes that declare `immutableData` (see
 * {@link SimNode.immutableData}): messages between two such nodes, and records
 * such a node appends to its disk, are passed as they are instead of copied.
 *
 * - `'trust'`: pass the object itself. Copying is what keeps nodes from sharing
 *   memory; a node that never writes to data once it has sent, received, stored
 *   or read it cannot tell a shared object from a copy, so the copy is waste.
 * - `'verify'`: deep-freeze the object first, so that any write to it (by the
 *   sender afterwards, or by a receiver) throws a TypeError. This is the proof
 *   behind `'trust'`: the test suite runs in this mode (it is the default when the
 *   environment sets FAULTLINE_VERIFY_IMMUTABLE_DATA=1), so a node that declares
 *   `immutableData` but mutates shared data fails its tests.
 *
 * Data between a declaring node and any other node is still copied both ways.
 *
 * @example
 * new World({ seed: 1, immutableData: 'verify' }); // shared data is frozen: mutations throw
 */
export type ImmutableDataMode = 'trust' | 'verify';

/**
 * The mode a world uses when its options name none: `'verify'` when the
 * environment variable FAULTLINE_VERIFY_IMMUTABLE_DATA is `1`, else `'trust'`.
 *
 * @example
 * process.env.FAULTLINE_VERIFY_IMMUTABLE_DATA = '1';
 * defaultImmutableDataMode(); // 'verify'
 */
export function defaultImmutableDataMode(): ImmutableDataMode {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.FAULTLINE_VERIFY_IMMUTABLE_DATA === '1' ? 'verify' : 'trust';
}

/**
 * Freezes `value` and everything reachable from it. Only JSON-like data can be
 * made immutable this way (a frozen Map still accepts `set`), so any other object
 * is refused with a TypeError naming it. Already frozen objects are not walked
 * again: shared states are frozen once, however often they are sent.
 *
 * @example
 * const message = deepFreeze({ kind: 'ping', list: [1] });
 * message.list.push(2); // throws TypeError
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) deepFreeze(value[i]);
  } else {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      throw new TypeError(`immutable data must be plain JSON-like data, got a ${proto?.constructor?.name ?? 'non-plain object'}`);
    }
    const record = value as Record<string, unknown>;
    for (const key in record) deepFreeze(record[key]);
  }
  return Object.freeze(value);
}
