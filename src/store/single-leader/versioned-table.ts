import type { ReplicaState } from '../definition.js';
import type { StorageRecord } from './records.js';

/**
 * One value of a key, stamped with the log position that wrote it.
 */
export interface Version {
  offset: number;
  epoch: number;
  value: unknown;
}

/**
 * A node's key-value table, multi-versioned by log offset. The leader executes writes
 * against the newest versions, but answers reads at its acknowledged offset, so a read
 * never shows a write that may still be lost; and truncating a divergent log suffix is
 * just dropping the versions it wrote. The idempotency table lives here too, with the
 * offset of the entry that recorded each key.
 *
 * @example
 * const t = new VersionedTable();
 * t.apply(1, 1, [{ op: 'set', key: 'x', value: 1 }]);
 * t.apply(2, 1, [{ op: 'set', key: 'x', value: 2 }]);
 * t.read('x', 1); // 1
 * t.truncateAfter(1);
 * t.read('x');    // 1
 */
export class VersionedTable {
  private readonly versions = new Map<string, Version[]>();
  private readonly seen = new Map<string, { offset: number; value: unknown }>();

  /** Applies the storage changes of the entry at `offset`. */
  apply(offset: number, epoch: number, effects: readonly StorageRecord[]): void {
    for (const effect of effects) {
      if (effect.op === 'set') {
        let list = this.versions.get(effect.key);
        if (list === undefined) this.versions.set(effect.key, (list = []));
        list.push({ offset, epoch, value: effect.value });
      } else {
        this.seen.set(effect.idempotencyKey, { offset, value: effect.value });
      }
    }
  }

  /** The newest version of `key` written at or before `atOffset`. */
  versionAt(key: string, atOffset = Number.POSITIVE_INFINITY): Version | undefined {
    const list = this.versions.get(key);
    if (list === undefined) return undefined;
    for (let i = list.length - 1; i >= 0; i--) if (list[i]!.offset <= atOffset) return list[i];
    return undefined;
  }

  /** The value of `key` at `atOffset` (newest by default); null when absent, as Jepsen's nil. */
  read(key: string, atOffset = Number.POSITIVE_INFINITY): unknown {
    const version = this.versionAt(key, atOffset);
    return version === undefined ? null : version.value;
  }

  /** The recorded result of an idempotency key, and the offset that recorded it. */
  idempotentResult(idempotencyKey: string): { offset: number; value: unknown } | undefined {
    return this.seen.get(idempotencyKey);
  }

  /** Forgets everything written after `offset`. */
  truncateAfter(offset: number): void {
    for (const [key, list] of this.versions) {
      while (list.length > 0 && list[list.length - 1]!.offset > offset) list.pop();
      if (list.length === 0) this.versions.delete(key);
    }
    for (const [key, entry] of this.seen) if (entry.offset > offset) this.seen.delete(key);
  }

  /** Newest value of every key, with its (epoch, offset) as version, keys sorted. */
  snapshot(): ReplicaState {
    const state: ReplicaState = {};
    for (const key of [...this.versions.keys()].sort()) {
      const newest = this.versionAt(key)!;
      state[key] = { values: [newest.value], version: { epoch: newest.epoch, offset: newest.offset } };
    }
    return state;
  }
}
