import type { CopyTarget, DataNodeConfig } from './data-config.js';
import type { RecoverySetup, RecoveryTiming } from './setup.js';

/**
 * The standby levels of an active-passive pair, coldest first.
 *
 * @example
 * STANDBY_LEVELS[0]; // 'cold'
 */
export const STANDBY_LEVELS = ['cold', 'warm', 'hot'] as const;

/** One of {@link STANDBY_LEVELS}. */
export type StandbyLevel = (typeof STANDBY_LEVELS)[number];

/**
 * A primary `p` with one standby `s` that serves nobody until promoted, the
 * primary's snapshots on an object store `os` in a region of its own, two
 * writers, and the primary's machine destroyed with its disk:
 *
 * - `cold`: `s` holds nothing; promoted, it fetches the latest snapshot and
 *   replays it (writes since that snapshot are lost);
 * - `warm`: `s` is shipped the log asynchronously in batches and applies it
 *   every `applyEveryMs`; promoted, it replays the part not applied yet
 *   (writes not yet shipped are lost);
 * - `hot`: `s` stores and applies each write before the client's ack
 *   (synchronous), so it is promoted at once and loses nothing.
 *
 * @example
 * standbyLevel('hot', RECOVERY_TIMING).nodes[1]!.config.apply; // 'eager'
 */
export function standbyLevel(level: StandbyLevel, timing: RecoveryTiming): RecoverySetup {
  const copies: CopyTarget[] = level === 'hot' ? [{ to: 's', sync: true, shipEveryMs: 0 }]
    : level === 'warm' ? [{ to: 's', sync: false, shipEveryMs: timing.shipEveryMs }]
    : [];
  const primary: DataNodeConfig = { role: 'serving', monitor: 'm', copies, snapshot: { store: 'os', everyMs: timing.snapshotEveryMs } };
  const standby: DataNodeConfig = {
    role: 'standby', monitor: 'm', copies: [],
    apply: level === 'warm' ? 'batched' : 'eager',
    applyEveryMs: timing.applyEveryMs,
    replayMsPerEntry: timing.replayMsPerEntry,
    snapshot: { store: 'os', everyMs: timing.snapshotEveryMs },
    ...(level === 'cold' ? { restoreFrom: 'os' } : {}),
  };
  return {
    name: level,
    nodes: [{ id: 'p', region: 'a', config: primary }, { id: 's', region: 'a', config: standby }],
    objectStore: { id: 'os', region: 'blob' },
    successors: [{ promote: 's' }],
    serving: ['p'],
    writers: [['p'], ['p']],
    loss: [['p']],
  };
}
