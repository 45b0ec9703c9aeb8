import type { ReplicationKind } from './config.js';
import { executeStatement, type Execution, type ExecutionEnv } from './execute.js';
import type { Payload, Statement, StorageRecord } from './records.js';

/**
 * A write the leader has executed, ready to log: the payload its replication kind
 * ships, and the storage changes it makes on the leader itself.
 */
export interface LeaderWrite {
  payload: Payload;
  effects: StorageRecord[];
}

/**
 * Turns a successful execution on the leader into what gets logged and shipped:
 * - wal: the leader's storage records themselves (idempotency record included);
 * - statement: the statement, to be re-executed by each follower;
 * - row: the row changes, with the idempotency result riding along.
 *
 * @example
 * const exec = executeStatement({ f: 'write', key: 'x', value: 1 }, () => null, env);
 * if (exec.ok) leaderWrite('row', { f: 'write', key: 'x', value: 1 }, exec).payload;
 * // { kind: 'row', changes: [{ key: 'x', before: null, after: 1 }] }
 */
export function leaderWrite(kind: ReplicationKind, statement: Statement, execution: Extract<Execution, { ok: true }>): LeaderWrite {
  const effects = [...execution.effects, ...idempotencyRecord(statement.idempotencyKey, execution.value)];
  switch (kind) {
    case 'wal':
      return { payload: { kind: 'wal', records: effects }, effects };
    case 'statement':
      return { payload: { kind: 'statement', statement }, effects };
    case 'row': {
      const idempotency = statement.idempotencyKey === undefined ? undefined : { key: statement.idempotencyKey, value: execution.value };
      const payload: Payload = idempotency === undefined
        ? { kind: 'row', changes: execution.rows }
        : { kind: 'row', changes: execution.rows, idempotency };
      return { payload, effects };
    }
  }
}

/**
 * What a shipped payload does to this node's storage. WAL records are applied as they
 * are; rows set their `after` values; statements are executed again here, against this
 * node's own data, clock and random generator, so a diverged replica (or NOW()/RAND())
 * gives a different result. A statement that cannot apply here changes nothing and is
 * reported through `failed`.
 *
 * @example
 * effectsOf({ kind: 'row', changes: [{ key: 'x', before: 1, after: 2 }] }, read, env);
 * // { effects: [{ op: 'set', key: 'x', value: 2 }] }
 */
export function effectsOf(
  payload: Payload,
  read: (key: string) => unknown,
  env: ExecutionEnv,
): { effects: StorageRecord[]; failed?: string } {
  switch (payload.kind) {
    case 'noop':
      return { effects: [] };
    case 'wal':
      return { effects: payload.records };
    case 'row': {
      const sets: StorageRecord[] = payload.changes.map((row) => ({ op: 'set', key: row.key, value: row.after }));
      const seen = payload.idempotency === undefined ? [] : idempotencyRecord(payload.idempotency.key, payload.idempotency.value);
      return { effects: [...sets, ...seen] };
    }
    case 'statement': {
      const execution = executeStatement(payload.statement, read, env);
      if (!execution.ok) return { effects: [], failed: execution.error };
      return { effects: [...execution.effects, ...idempotencyRecord(payload.statement.idempotencyKey, execution.value)] };
    }
  }
}

function idempotencyRecord(idempotencyKey: string | undefined, value: unknown): StorageRecord[] {
  return idempotencyKey === undefined ? [] : [{ op: 'idem', idempotencyKey, value }];
}
