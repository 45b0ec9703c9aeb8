import type { CopyTarget, DataNodeConfig } from './data-config.js';
import type { NodeSpec, RecoverySetup, RecoveryTiming } from './setup.js';

/**
 * The disaster-recovery strategies, cheapest and slowest to recover first.
 *
 * @example
 * DR_STRATEGIES.at(-1); // 'active-active'
 */
export const DR_STRATEGIES = ['backup-restore', 'pilot-light', 'warm-standby', 'active-active'] as const;

/** One of {@link DR_STRATEGIES}. */
export type DrStrategy = (typeof DR_STRATEGIES)[number];

/**
 * A strategy as a configuration of the same mechanisms. Region `a` serves: a
 * primary `p` with a synchronous local copy `a2`. Region `b` recovers. Every
 * strategy loses region `a` whole (`region-loss`).
 *
 * - `backup-restore`: `p` ships a snapshot every `snapshotEveryMs` to an object
 *   store in `b`; at failover a machine `r` is started in `b` (`bootMs`) and
 *   restores the latest snapshot by replay.
 * - `pilot-light`: `p` ships its log in batches to `b1`, a data copy that
 *   applies it every `applyEveryMs`; the serving tier is off, so promotion
 *   waits `bootMs` for it, and replays what `b1` has not applied.
 * - `warm-standby`: a scaled-down region, `b1` and `b2`, streamed the log and
 *   applying it as it comes (it could serve reads); `b1` is promoted at once.
 * - `active-active`: `b1` is a second leader with its own local copy `b2`;
 *   the leaders stream their writes to each other, each writer writes to its
 *   home region's leader and moves to the other one when it times out.
 *
 * @example
 * drStrategy('active-active', RECOVERY_TIMING).serving; // ['p', 'b1']
 */
export function drStrategy(strategy: DrStrategy, timing: RecoveryTiming): RecoverySetup {
  const local: CopyTarget = { to: 'a2', sync: true, shipEveryMs: 0 };
  const eager = (copies: CopyTarget[] = []): DataNodeConfig => ({ role: 'standby', monitor: 'm', copies, apply: 'eager' });
  const serving = (copies: CopyTarget[], extra: Partial<DataNodeConfig> = {}): DataNodeConfig => ({ role: 'serving', monitor: 'm', copies, ...extra });
  const regionA = (copies: CopyTarget[], extra: Partial<DataNodeConfig> = {}): NodeSpec[] => [
    { id: 'p', region: 'a', config: serving([local, ...copies], extra) },
    { id: 'a2', region: 'a', config: eager() },
  ];
  const base = { name: strategy, serving: ['p'], writers: [['p'], ['p']], loss: [['p', 'a2']] };
  switch (strategy) {
    case 'backup-restore':
      return {
        ...base,
        nodes: [
          ...regionA([], { snapshot: { store: 'os', everyMs: timing.snapshotEveryMs } }),
          { id: 'r', region: 'b', provisioned: true, config: { role: 'restore', monitor: 'm', copies: [], restoreFrom: 'os', replayMsPerEntry: timing.replayMsPerEntry } },
        ],
        objectStore: { id: 'os', region: 'b' },
        successors: [{ provision: 'r' }],
      };
    case 'pilot-light':
      return {
        ...base,
        nodes: [
          ...regionA([{ to: 'b1', sync: false, shipEveryMs: timing.shipEveryMs }]),
          { id: 'b1', region: 'b', config: { role: 'standby', monitor: 'm', copies: [], apply: 'batched', applyEveryMs: timing.applyEveryMs, replayMsPerEntry: timing.replayMsPerEntry, promoteMs: timing.bootMs } },
        ],
        successors: [{ promote: 'b1' }],
      };
    case 'warm-standby':
      return {
        ...base,
        nodes: [
          ...regionA([{ to: 'b1', sync: false, shipEveryMs: 0 }, { to: 'b2', sync: false, shipEveryMs: 0 }]),
          { id: 'b1', region: 'b', config: eager() },
          { id: 'b2', region: 'b', config: eager() },
        ],
        successors: [{ promote: 'b1' }],
      };
    case 'active-active':
      return {
        ...base,
        nodes: [
          ...regionA([{ to: 'b1', sync: false, shipEveryMs: 0 }]),
          { id: 'b1', region: 'b', config: serving([{ to: 'b2', sync: true, shipEveryMs: 0 }, { to: 'p', sync: false, shipEveryMs: 0 }]) },
          { id: 'b2', region: 'b', config: eager() },
        ],
        successors: [],
        serving: ['p', 'b1'],
        writers: [['p', 'b1'], ['b1', 'p']],
      };
  }
}
