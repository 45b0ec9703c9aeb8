import { describe, expect, it } from 'vitest';
import { CHECKERS, checkerNamed, defaultCheckerNames } from '../../src/checker/by-name.js';
import { CHECKER_NAMES } from '../../src/checker/checker.js';
import { checkAll } from '../../src/checker/compose.js';
import type { Op } from '../../src/history/op.js';
import { casRegisterModel, counterModel, mutexModel, registerModel, setModel } from '../../src/models/index.js';

/** A set history recorded elsewhere: two acknowledged adds, then a final read missing the second. */
const lostAdd: Op[] = ([
  [0, 'invoke', 'add', 1], [0, 'ok', 'add', 1],
  [1, 'invoke', 'add', 2], [1, 'ok', 'add', 2],
  [2, 'invoke', 'read', null], [2, 'ok', 'read', [1]],
] as const).map(([process, type, f, value], index) => ({ index, time: index * 1e6, process, type, f, value }));

describe('checkers by name', () => {
  it('has one factory per name, each building the checker of that name', () => {
    expect(Object.keys(CHECKERS).sort()).toEqual([...CHECKER_NAMES].sort());
    for (const name of CHECKER_NAMES) expect(checkerNamed(name, { model: registerModel() })!.name).toBe(name);
    expect(checkerNamed('oops', { model: registerModel() })).toBeUndefined();
    expect(checkerNamed('toString', { model: registerModel() })).toBeUndefined();
  });

  it('gives unknown, naming what is missing, when a checker needs replica states or a trace that a recorded history lacks', () => {
    const model = setModel();
    expect(checkerNamed('convergence', { model })!.check(lostAdd, {})).toEqual({
      valid: 'unknown', reason: 'convergence needs the final replica states, which a recorded history does not have',
    });
    for (const name of ['anti-entropy', 'availability']) {
      expect(checkerNamed(name, { model })!.check(lostAdd, {})).toEqual({
        valid: 'unknown', reason: `${name} needs the nodes' trace, which a recorded history does not have`,
      });
    }
  });

  it("judges a recorded set history by its final reads: the missing acknowledged add is a lost write", () => {
    const model = setModel();
    const verdict = checkAll(defaultCheckerNames(model.name).map((name) => checkerNamed(name, { model })!), lostAdd, {});
    expect(verdict).toMatchObject({ valid: false, anomaly: 'not-linearizable' });
    expect(verdict.checks!.set).toMatchObject({ valid: false, anomaly: 'lost-write' });
    expect(verdict.checks!.durability).toMatchObject({ valid: false, anomaly: 'lost-write' });
  });

  it('refuses, as an unknown verdict once composed, a checker that cannot judge the model', () => {
    const verdict = checkAll([checkerNamed('durability', { model: mutexModel() })!, checkerNamed('stale-reads', { model: counterModel() })!], [], {});
    expect(verdict.checks!.durability).toEqual({ valid: 'unknown', reason: 'the checker failed: durability applies to registers, sets and counters, not to model mutex' });
    expect(verdict.checks!['stale-reads']).toEqual({ valid: 'unknown', reason: 'the checker failed: applies to register workloads, not to model counter' });
    expect(verdict.valid).toBe('unknown');
  });

  it('implies linearizability for every model, and set-full or the counter bounds for sets and counters', () => {
    expect(defaultCheckerNames('cas-register')).toEqual(['linearizable']);
    expect(defaultCheckerNames('set')).toEqual(['linearizable', 'set', 'durability']);
    expect(defaultCheckerNames('counter')).toEqual(['linearizable', 'counter']);
  });

  it('the register checkers read a read of nil as the model does: under Jepsen\'s reading it says nothing of the register', () => {
    // A process writes 1 and is acknowledged; its next read returns nil, the one after 1.
    const history: Op[] = ([
      [0, 'invoke', 'write', 1], [0, 'ok', 'write', 1],
      [0, 'invoke', 'read', null], [0, 'ok', 'read', null],
      [0, 'invoke', 'read', null], [0, 'ok', 'read', 1],
    ] as const).map(([process, type, f, value], index) => ({ index, time: index * 1e6, process, type, f, value }));
    const verdicts = (nilReads: 'unknown' | 'value') => {
      const model = casRegisterModel({ nilReads });
      return Object.fromEntries((['stale-reads', 'sessions', 'linearizable'] as const).map((name) => [name, CHECKERS[name]({ model, initial: null }).check(history, {}).valid]));
    };
    expect(verdicts('value')).toEqual({ 'stale-reads': false, sessions: false, linearizable: false });
    expect(verdicts('unknown')).toEqual({ 'stale-reads': true, sessions: true, linearizable: true });
    expect(history[3]!.type).toBe('ok');
  });
});
