/**
 * The fixed vocabulary of anomaly classes: every invalid verdict names exactly
 * one, so a report (and `explore --json`'s `anomaly`) says which promise broke,
 * and shrinking can keep only candidates that still break the same one.
 */

/**
 * Every anomaly class, in a fixed order. What each means is in {@link ANOMALY_MEANINGS}.
 *
 * @example
 * ANOMALY_CLASSES.includes('lost-write'); // true
 */
export const ANOMALY_CLASSES = [
  'not-linearizable',
  'stale-read',
  'lost-write',
  'divergence',
  'session',
  'double-apply',
  'false-failover',
  'unexpected-value',
  'repair-failure',
] as const;

/**
 * One of {@link ANOMALY_CLASSES}.
 */
export type AnomalyClass = (typeof ANOMALY_CLASSES)[number];

/**
 * One sentence per class: what was seen, and which checker reports it.
 *
 * @example
 * ANOMALY_MEANINGS['double-apply']; // 'a counter read above every total ...'
 */
export const ANOMALY_MEANINGS: Readonly<Record<AnomalyClass, string>> = {
  'not-linearizable':
    'no order of the operations consistent with real time is allowed by the model (linearizable checker)',
  'stale-read':
    'a read returned a value that a later write had already overwritten before the read began (stale-reads checker)',
  'lost-write':
    'an acknowledged write is gone from the final state without being overwritten by a write that could follow it '
    + '(durability, set and counter checkers)',
  divergence:
    'after the final heal and settle, replicas of a key hold different values or versions (convergence checker)',
  session:
    'a client saw its own writes undone, or went back in time: read-your-writes, monotonic reads, monotonic writes '
    + 'or writes-follow-reads broken (sessions checker)',
  'double-apply':
    'a counter read above every total the acknowledged and indeterminate increments allow: one was applied twice '
    + '(counter checker)',
  'false-failover':
    'a leader was deposed while it was running and reachable, only slow or briefly paused (availability checker)',
  'unexpected-value':
    'a read returned a value or element that no client ever wrote: made up or corrupted by a node '
    + '(set, durability and linearizable checkers)',
  'repair-failure':
    'anti-entropy, hinted handoff or read repair failed to repair what really differed (anti-entropy checker)',
};

/**
 * True when `name` is one of the documented classes.
 *
 * @example
 * isAnomalyClass('lost-write'); // true
 * isAnomalyClass('oops');       // false
 */
export function isAnomalyClass(name: unknown): name is AnomalyClass {
  return typeof name === 'string' && (ANOMALY_CLASSES as readonly string[]).includes(name);
}
