/**
 * One node's durable storage: its replicas of keys, the idempotency keys it has
 * applied (with their results), and the hints it holds for other nodes.
 *
 * Everything is an append-only log on the node's disk, synced before the caller
 * acknowledges anything, and replayed on restart. A `put` record carries the
 * key's whole merged state together with the idempotency key that caused it, so
 * the effect and the dedupe entry become durable in one step.
 *
 * @example
 * const store = new ReplicaStore(ctx.disk);   // replays what the disk holds
 * store.merge('x', incoming, { key: 'c1-op7', result: null });
 */
import { DiskFullError, type Disk } from '../../sim/node.js';
import { sameData } from './canonical.js';
import { mergeStates, type KeyState } from './key-state.js';

/**
 * An applied idempotency key and the result the client was (or will be) given.
 *
 * @example
 * const applied: AppliedKey = { key: 'client-3-op-17', result: null };
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

type DiskRecord =
  | { t: 'put'; key: string; state: KeyState; applied?: AppliedKey }
  | { t: 'hint'; hint: Hint }
  | { t: 'hints-done'; ids: string[] };

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
 * const store = new ReplicaStore(ctx.disk);
 * store.get('k'); // the key's state, as rebuilt from disk
 */
export class ReplicaStore {
  private readonly data = new Map<string, KeyState>();
  private readonly appliedKeys = new Map<string, unknown>();
  private readonly hints = new Map<string, Hint>();

  constructor(private readonly disk: Disk) {
    for (const record of disk.read() as DiskRecord[]) this.replay(record);
  }

  get(key: string): KeyState | undefined {
    return this.data.get(key);
  }

  /** Every key held, sorted (so iteration never depends on arrival order). */
  keys(): string[] {
    return [...this.data.keys()].sort();
  }

  /** The recorded result when this idempotency key was already applied here. */
  applied(idempotencyKey: string): { result: unknown } | undefined {
    return this.appliedKeys.has(idempotencyKey) ? { result: this.appliedKeys.get(idempotencyKey) } : undefined;
  }

  /**
   * Merges `incoming` into the key and makes the result durable (append + fsync)
   * when it changed anything, the idempotency key included.
   * Throws DiskFullError, leaving memory untouched.
   */
  merge(key: string, incoming: KeyState, applied?: AppliedKey): MergeResult {
    const result = this.stage(key, incoming, applied);
    if (result.changed) this.disk.fsync();
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
        this.stage(item.key, item.state, item.applied);
        applied++;
      }
    } catch (error) {
      if (!(error instanceof DiskFullError)) throw error;
      diskFull = true;
    }
    this.disk.fsync();
    return { applied, diskFull };
  }

  /** Stores a hint durably. Throws DiskFullError. */
  addHint(hint: Hint): void {
    this.disk.append({ t: 'hint', hint } satisfies DiskRecord);
    this.disk.fsync();
    this.hints.set(hint.id, hint);
  }

  /** Forgets delivered hints, durably. Throws DiskFullError (the hints are then kept and sent again). */
  removeHints(ids: readonly string[]): string[] {
    const known = ids.filter((id) => this.hints.has(id));
    if (known.length === 0) return [];
    this.disk.append({ t: 'hints-done', ids: known } satisfies DiskRecord);
    this.disk.fsync();
    for (const id of known) this.hints.delete(id);
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

  private stage(key: string, incoming: KeyState, applied?: AppliedKey): MergeResult {
    const current = this.data.get(key);
    const state = mergeStates(current, incoming);
    const newKey = applied !== undefined && !this.appliedKeys.has(applied.key);
    const stateChanged = current === undefined || !sameData(state, current);
    if (!stateChanged && !newKey) return { state, changed: false };
    const record: DiskRecord = newKey ? { t: 'put', key, state, applied } : { t: 'put', key, state };
    this.disk.append(record);
    this.replay(record);
    return { state, changed: true };
  }

  private replay(record: DiskRecord): void {
    if (record.t === 'put') {
      this.data.set(record.key, record.state);
      if (record.applied) this.appliedKeys.set(record.applied.key, record.applied.result);
    } else if (record.t === 'hint') {
      this.hints.set(record.hint.id, record.hint);
    } else {
      for (const id of record.ids) this.hints.delete(id);
    }
  }
}
