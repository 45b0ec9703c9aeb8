import { ConfigError } from '../config/config-error.js';
import type { HistoryFormat } from '../history/parsed-history.js';

/**
 * The two readings of a completed read whose value is nil, for the models that read
 * registers (register, cas-register, kv, multi-register):
 * - `unknown`: Jepsen's (Knossos') reading. A client that could not say what it read
 *   records nil, so the read matches any state. Jepsen's register models step a read
 *   with `(or (nil? value) (= value current))`, and histories from Jepsen rely on it.
 * - `value`: the read saw nil, the register's value when nothing was written (or a
 *   missing key), and matches only a nil state. NDJSON writers such as the simulator
 *   record a read of a missing key as null on purpose.
 *
 * @example
 * NIL_READINGS.includes('unknown'); // true
 */
export const NIL_READINGS = ['unknown', 'value'] as const;

/** How a completed read of nil is read: see {@link NIL_READINGS}. */
export type NilReads = (typeof NIL_READINGS)[number];

/**
 * The reading of nil reads a history of this format was written for: `unknown` for
 * Jepsen's formats (EDN and Jepsen logs), as Jepsen reads them; `value` for NDJSON and
 * histories built in memory.
 *
 * @example
 * defaultNilReads('edn');    // 'unknown'
 * defaultNilReads('ndjson'); // 'value'
 */
export function defaultNilReads(format: HistoryFormat | 'memory'): NilReads {
  return format === 'edn' || format === 'jepsen-log' ? 'unknown' : 'value';
}

/**
 * The reading a model factory was given (field `nilReads` of its options), `value`
 * when absent; anything else is a ConfigError naming the field.
 *
 * @example
 * nilReadsOption(undefined); // 'value'
 * nilReadsOption('unknown'); // 'unknown'
 */
export function nilReadsOption(value: unknown): NilReads {
  if (value === undefined) return 'value';
  if ((NIL_READINGS as readonly unknown[]).includes(value)) return value as NilReads;
  throw new ConfigError('nilReads', `is not a reading of nil reads: expected ${NIL_READINGS.join(' or ')}`, value);
}
