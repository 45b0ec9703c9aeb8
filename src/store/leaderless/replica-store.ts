/**
 * One node's durable storage: its replicas of keys, the idempotency keys it has
 * applied (with their results, see AppliedKeys), and the hints it holds for
 * other nodes.
 *
 * Everything is an append-only log on the node's disk (StoreLog), synced before
 * the caller acknowledges anything, and replayed on restart. A `put` record
 * carries the key's whole merged state together with the idempotency key that
 * caused it, so the effect and the dedupe entry become durable in one step. Now
 * and then the log is rewritten as a snapshot of memory: one put per key, the
 * idempotency keys (see AppliedLog), the waiting hints. So memory and disk stay
 * bounded by the keys, the hints and the idempotency window, however long the run.
 *
 * @example
 * const store = new ReplicaStore(ctx.disk, () => ctx.now());   // replays what the disk holds
 * store.merge('x', incoming, { key: 'c1-op7', result: null });
 */
import { DiskFullError, type Disk } from '../../sim/node.js';
import { AppliedKeys, type AppliedEntry } from './applied-keys.js';
import { AppliedLog, type AppliedRecord } from './applied-log.js';
import { sameData } from './canonical.js';
import { mergeStates, type KeyState } from './key-state.js';
import { StoreLog } from './store-log.js';
import { checksum } from '../shared/integrity.js';

/**
 * An applied idempotency key and the result the client was (or will be) given.
 */
export interface AppliedKey {
  key: string;
  result: unknown;
}

/**
 * A write kept on behalf of `owner`, which was unavailable when it was made.
 *
 * @example
 * store.addHint({ id: env.newId(), owner: 'n2', key: 'k', state });
 */
export interface Hint {
  id: string;
  owner: string;
  key: string;
  state: KeyState;
  applied?: AppliedKey;
}

/**
 * What the log holds. With checksums, puts and hints carry a `sum` over what
 * they hold; `damaged` marks a key whose record was found rotten (kept across
 * compactions and restarts) until `refetched` says it was rebuilt from other replicas.
 */
type DiskRecord =
  | { t: 'put'; key: string; state: KeyState; applied?: AppliedKey; sum?: string }
  | AppliedRecord
  | { t: 'hint'; hint: Hint; sum?: string }
  | { t: 'hints-done'; ids: string[] }
  | { t: 'damaged'; key: string }
  | { t: 'refetched'; key: string };

/**
 * What a merge did: the key's state afterwards and whether anything changed on disk.
 *
 * @example
 * if (store.merge('k', incoming).changed) ctx.trace('repaired', { key: 'k' });
 */
export interface MergeResult {
  state: KeyState;
  changed: boolean;
}

/**
 * A node's durable storage (see the file's description).
 *
 * @example
 * const store = new ReplicaStore(ctx.disk, () => ctx.now());
 * store.get('k'); // the key's state, as rebuilt from disk
 */
export class ReplicaStore {
  private readonly data = new Map<string, KeyState>();
  private readonly appliedKeys: AppliedKeys;
  private readonly appliedLog = new AppliedLog();
  private readonly hints = new Map<string, Hint>();
  private readonly log: StoreLog<DiskRecord>;
  /** Keys whose newest record was rotten: not to be answered for until re-fetched. */
  private readonly damaged = new Set<string>();
  /** Rotten records dropped when this incarnation read its log, by record kind and key. */
  readonly droppedAtStart: Array<{ kind: string; key: string }> = [];

  /**
   * @param clockMs the node's clock, for the idempotency window
   * @param options.hintsSurviveRestart false only under the hints-dropped-on-restart
   *   mutation: hints are written as usual but not read back, as if kept in memory only
   * @param options.checksums sum every put and hint; on replay, drop a record
   *   whose sum does not match and mark its key damaged (durably)
   */
  constructor(
    disk: Disk,
    private readonly clockMs: () => number,
    private readonly options: { hintsSurviveRestart: boolean; checksums?: boolean } = { hintsSurviveRestart: true },
  ) {
    this.appliedKeys = new AppliedKeys(clockMs);
    this.log = new StoreLog(disk);
    // A rotten put is harmless when a later put of the key (a whole merged state) follows it.
    const rotten = new Set<string>();
    for (const record of this.log.recordsAtStart) this.replay(record, rotten);
    for (const key of rotten) this.damaged.add(key);
    if (rotten.size > 0) this.noteDamage(rotten);
  }

  /** True while the key's rotten record has not been made good from other replicas. */
  isDamaged(key: string): boolean {
    return this.damaged.has(key);
  }

  /** The damaged keys, sorted. */
  damagedKeys(): string[] {
    return [...this.damaged].sort();
  }

  /**
   * The key was rebuilt from enough other replicas: it may be answered for
   * again. A full disk keeps it damaged (asked again later).
   */
  markRefetched(key: string): boolean {
    if (!this.damaged.has(key)) return true;
    try {
      this.log.append({ t: 'refetched', key });
      this.sync();
    } catch (error) {
      if (!(error instanceof DiskFullError)) throw error;
      return false;
    }
    this.damaged.delete(key);
    return true;
  }

  get(key: string): KeyState | undefined {
    return this.data.get(key);
  }

  /** Every key held, sorted (so iteration never depends on arrival order). */
  keys(): string[] {
    return [...this.data.keys()].sort();
  }

  /** The recorded result when this idempotency key was applied here (within the window). */
  applied(idempotencyKey: string): AppliedEntry | undefined {
    return this.appliedKeys.get(idempotencyKey);
  }

  /**
   * Merges `incoming` into the key and makes the result durable (append + fsync)
   * when it changed anything, the idempotency key included.
   * Throws DiskFullError, leaving memory untouched.
   */
  merge(key: string, incoming: KeyState, applied?: AppliedKey): MergeResult {
    const result = this.stage(key, incoming, applied, false)!;
    if (result.changed) this.sync();
    return result;
  }

  /**
   * {@link merge}, unless `applied`'s key was already applied here: then the
   * write's effect is already here, nothing changes, and the result is undefined.
   */
  mergeUnlessApplied(key: string, incoming: KeyState, applied: AppliedKey | undefined): MergeResult | undefined {
    const result = this.stage(key, incoming, applied, true);
    if (result?.changed) this.sync();
    return result;
  }

  /**
   * Merges several keys with one fsync. Stops at a full disk: the merges before
   * it are kept (and synced); returns how many were applied.
   */
  mergeBatch(items: ReadonlyArray<{ key: string; state: KeyState; applied?: AppliedKey }>): { applied: number; diskFull: boolean } {
    let applied = 0;
    let diskFull = false;
    try {
      for (const item of items) {
        this.stage(item.key, item.state, item.applied, false);
        applied++;
      }
    } catch (error) {
      if (!(error instanceof DiskFullError)) throw error;
      diskFull = true;
    }
    this.sync();
    return { applied, diskFull };
  }

  /** Stores a hint durably. Throws DiskFullError. */
  addHint(hint: Hint): void {
    this.log.append(this.hintRecord(hint));
    this.hints.set(hint.id, hint);
    // Memory first: a compaction during sync snapshots memory.
    this.sync();
  }

  /** Forgets delivered hints, durably. Throws DiskFullError (the hints are then kept and sent again). */
  removeHints(ids: readonly string[]): string[] {
    const known = ids.filter((id) => this.hints.has(id));
    if (known.length === 0) return [];
    this.log.append({ t: 'hints-done', ids: known });
    for (const id of known) this.hints.delete(id);
    this.sync();
    return known;
  }

  /** Owners with hints waiting, sorted. */
  hintOwners(): string[] {
    return [...new Set([...this.hints.values()].map((h) => h.owner))].sort();
  }

  /** The hints waiting for `owner`, oldest first. */
  hintsFor(owner: string): Hint[] {
    return [...this.hints.values()].filter((h) => h.owner === owner);
  }

  /** Merges into memory and appends the record (not synced); undefined when skipped as already applied. */
  private stage(key: string, incoming: KeyState, applied: AppliedKey | undefined, unlessApplied: boolean): MergeResult | undefined {
    // One lookup in the (large) table of applied keys serves every question about it.
    const newKey = applied !== undefined && !this.appliedKeys.has(applied.key);
    if (unlessApplied && applied !== undefined && !newKey) return undefined;
    const current = this.data.get(key);
    const state = mergeStates(current, incoming);
    // A tagged merge returns the current state unless the incoming one is strictly newer
    // (a different tag or value): only sibling merges build a state that may equal the old.
    const stateChanged = current === undefined || (state !== current && (state.kind === 'tagged' || !sameData(state, current)));
    if (!stateChanged && !newKey) return { state, changed: false };
    this.log.append(this.putRecord(key, state, newKey ? applied : undefined));
    this.data.set(key, state);
    if (newKey) {
      this.appliedKeys.addNew(applied.key, applied.result);
      this.appliedLog.noteApplied(applied.key, applied.result);
    }
    return { state, changed: true };
  }

  /** Makes the appends durable, and compacts the log once it has grown enough. */
  private sync(): void {
    if (this.log.sync()) this.compact();
  }

  /**
   * Rewrites the log as a snapshot of memory, which holds exactly what the synced
   * log describes. A full disk leaves the log as it was (it is retried later).
   */
  private compact(): void {
    const applied = this.appliedLog.snapshotRecords(this.clockMs());
    const snapshot: DiskRecord[] = [];
    // Replaying these records rebuilds memory as it is now (maps in the same order).
    for (const [key, state] of this.data) snapshot.push(this.putRecord(key, state, undefined));
    for (const key of this.damaged) snapshot.push({ t: 'damaged', key });
    for (const record of applied) snapshot.push(record);
    for (const hint of this.hints.values()) snapshot.push(this.hintRecord(hint));
    if (this.log.rewrite(snapshot)) this.appliedLog.committed(applied);
  }

  private putRecord(key: string, state: KeyState, applied: AppliedKey | undefined): DiskRecord {
    const record: DiskRecord = applied === undefined ? { t: 'put', key, state } : { t: 'put', key, state, applied };
    if (this.options.checksums) record.sum = checksum([key, state, applied ?? null]);
    return record;
  }

  private hintRecord(hint: Hint): DiskRecord {
    return this.options.checksums ? { t: 'hint', hint, sum: checksum(hint) } : { t: 'hint', hint };
  }

  /** False for a record whose checksum (with checksums on) does not match what it holds. */
  private intact(record: DiskRecord): boolean {
    if (!this.options.checksums) return true;
    if (record.t === 'put') return record.sum === checksum([record.key, record.state, record.applied ?? null]);
    if (record.t === 'hint') return record.sum === checksum(record.hint);
    return true;
  }

  /** Makes the damage found at start durable, so a restart before the re-fetch still knows it. */
  private noteDamage(keys: ReadonlySet<string>): void {
    try {
      for (const key of keys) this.log.append({ t: 'damaged', key });
      this.sync();
    } catch (error) {
      // Memory still knows; the next compaction writes the marks.
      if (!(error instanceof DiskFullError)) throw error;
    }
  }

  private replay(record: DiskRecord, rotten: Set<string>): void {
    if (!this.intact(record)) {
      // A rotten record is never applied. A put leaves its key as the older records
      // had it, which may lack a write this node acknowledged: damaged until re-fetched.
      const key = record.t === 'put' ? record.key : record.t === 'hint' ? record.hint.key : '';
      this.droppedAtStart.push({ kind: record.t, key });
      if (record.t === 'put') rotten.add(record.key);
      return;
    }
    if (record.t === 'put') rotten.delete(record.key);
    switch (record.t) {
      case 'damaged':
        this.damaged.add(record.key);
        return;
      case 'refetched':
        this.damaged.delete(record.key);
        return;
      case 'put':
        this.data.set(record.key, record.state);
        if (record.applied) {
          this.appliedKeys.add(record.applied.key, record.applied.result);
          this.appliedLog.noteApplied(record.applied.key, record.applied.result);
        }
        return;
      case 'applied':
        this.appliedKeys.addAll(record.keys, record.results, record.atMs);
        this.appliedLog.noteRecord(record);
        return;
      case 'hint':
        if (this.options.hintsSurviveRestart) this.hints.set(record.hint.id, record.hint);
        return;
      case 'hints-done':
        for (const id of record.ids) this.hints.delete(id);
    }
  }
}
