/**
 * Where a serving node ships its log. `sync`: a client's write is acknowledged
 * only once this copy has stored it. `shipEveryMs`: 0 streams each write as it
 * is accepted; more batches the log and ships it on that period (asynchronous
 * log shipping).
 *
 * @example
 * const hot: CopyTarget = { to: 's1', sync: true, shipEveryMs: 0 };
 */
export interface CopyTarget {
  to: string;
  sync: boolean;
  shipEveryMs: number;
}

/**
 * How one data node behaves.
 *
 * - `serving`: takes writes from the start.
 * - `standby`: stores what it is shipped and serves nobody until the monitor
 *   promotes it. `apply: 'eager'` applies each entry on receipt (nothing left
 *   to do at promotion); `'batched'` applies the stored log every
 *   `applyEveryMs`, and replays what is still unapplied when promoted, at
 *   `replayMsPerEntry`. `promoteMs` is a fixed switch-over time on top (e.g. the
 *   serving tier of a pilot light being started).
 * - `restore`: starts empty; at start it fetches the latest snapshot from
 *   `restoreFrom` (an object store) and replays it, then serves.
 *
 * Any node that serves (from the start or once promoted) ships its log to
 * `copies` (to `copiesWhenServing` after a promotion) and, with `snapshot`, puts
 * a snapshot of its table on an object store every `everyMs`.
 *
 * @example
 * const warm: DataNodeConfig = { role: 'standby', apply: 'batched', applyEveryMs: 1000, replayMsPerEntry: 2, promoteMs: 0, monitor: 'm', copies: [] };
 */
export interface DataNodeConfig {
  role: 'serving' | 'standby' | 'restore';
  monitor: string;
  copies: CopyTarget[];
  copiesWhenServing?: CopyTarget[];
  snapshot?: { store: string; everyMs: number };
  apply?: 'eager' | 'batched';
  applyEveryMs?: number;
  replayMsPerEntry?: number;
  promoteMs?: number;
  restoreFrom?: string;
}

/**
 * Bytes the nodes sent for replication (log entries and snapshots), by
 * directed link: the cost side of redundancy. Shared by the nodes of one run.
 *
 * @example
 * stats.add('p', 'b1', 120); stats.bytes.get('p->b1'); // 120
 */
export class ReplicationStats {
  readonly bytes = new Map<string, number>();

  add(from: string, to: string, bytes: number): void {
    const link = `${from}->${to}`;
    this.bytes.set(link, (this.bytes.get(link) ?? 0) + bytes);
  }
}
