import { describe, expect, it } from 'vitest';
import { executeStatement } from '../../../src/store/single-leader/execute.js';
import { effectsOf, leaderWrite } from '../../../src/store/single-leader/payloads.js';
import type { Statement } from '../../../src/store/single-leader/records.js';

const leaderEnv = { now: () => 100, random: () => 0.25 };
const followerEnv = { now: () => 999, random: () => 0.75 };

function shipped(kind: 'wal' | 'statement' | 'row', statement: Statement) {
  const execution = executeStatement(statement, () => null, leaderEnv);
  if (!execution.ok) throw new Error(execution.error);
  return leaderWrite(kind, statement, execution);
}

describe('payloads', () => {
  const statement: Statement = { f: 'write', key: 't', value: 'NOW()', idempotencyKey: 'w-1' };

  it('wal ships the leader’s storage records, which followers apply as they are', () => {
    const { payload, effects } = shipped('wal', statement);
    expect(effects).toEqual([{ op: 'set', key: 't', value: 100 }, { op: 'idem', idempotencyKey: 'w-1', value: 100 }]);
    expect(payload).toEqual({ kind: 'wal', records: effects });
    expect(effectsOf(payload, () => null, followerEnv).effects).toEqual(effects);
  });

  it('row ships the change and the idempotency result; followers set the after value', () => {
    const { payload, effects } = shipped('row', statement);
    expect(payload).toEqual({ kind: 'row', changes: [{ key: 't', before: null, after: 100 }], idempotency: { key: 'w-1', value: 100 } });
    expect(effectsOf(payload, () => 'ignored', followerEnv).effects).toEqual(effects);
  });

  it('statement ships the statement; a follower re-executes it with its own clock', () => {
    const { payload } = shipped('statement', statement);
    expect(payload).toEqual({ kind: 'statement', statement });
    expect(effectsOf(payload, () => null, followerEnv).effects).toEqual([
      { op: 'set', key: 't', value: 999 },
      { op: 'idem', idempotencyKey: 'w-1', value: 999 },
    ]);
  });

  it('a statement that cannot apply on a diverged follower changes nothing there', () => {
    const cas: Statement = { f: 'cas', key: 'x', value: [null, 1] };
    const { payload } = shipped('statement', cas);
    expect(effectsOf(payload, () => 'diverged', followerEnv)).toEqual({ effects: [], failed: 'cas-mismatch' });
  });

  it('a no-op changes nothing', () => {
    expect(effectsOf({ kind: 'noop' }, () => null, followerEnv)).toEqual({ effects: [] });
  });
});
