import { describe, expect, it } from 'vitest';
import { checkLinearizable } from '../../src/checker/index.js';
import { ConfigError } from '../../src/config/config-error.js';
import { parseHistoryText, readHistory } from '../../src/history/read-history.js';
import { validateHistory } from '../../src/history/validate-history.js';
import { casRegisterModel, kvModel, MODELS, multiRegisterModel, registerModel } from '../../src/models/index.js';
import type { Model } from '../../src/models/model.js';
import { defaultNilReads, NIL_READINGS, type NilReads } from '../../src/models/nil-reads.js';
import { ok, UNKNOWN } from '../support/outputs.js';

const read = { f: 'read', value: null };

/** The verdict on a Jepsen EDN history, one op map per line, under a model built for the reading. */
function verdictOf(edn: string, model: (nilReads: NilReads) => Model<any>, nilReads: NilReads) {
  const history = validateHistory(parseHistoryText(edn, { file: 'h.edn', format: 'edn' }));
  return checkLinearizable(history.ops, model(nilReads));
}

const bothReadings = (edn: string, model: (nilReads: NilReads) => Model<any>) =>
  Object.fromEntries(NIL_READINGS.map((nilReads) => [nilReads, verdictOf(edn, model, nilReads).valid]));

describe('nil reads: the option and its defaults', () => {
  it('reads nil as a value unless told otherwise, and says which reading a model uses', () => {
    expect(registerModel().nilReads).toBe('value');
    expect(casRegisterModel({ nilReads: 'unknown' }).nilReads).toBe('unknown');
    expect(kvModel({ nilReads: 'unknown' }).nilReads).toBe('unknown');
    expect(multiRegisterModel({ nilReads: 'unknown' }).nilReads).toBe('unknown');
    expect(MODELS.set!({ nilReads: 'unknown' }).nilReads).toBeUndefined();
  });

  it('defaults to Jepsen\'s reading for Jepsen\'s formats, and to the value for NDJSON and histories in memory', () => {
    expect(defaultNilReads('edn')).toBe('unknown');
    expect(defaultNilReads('jepsen-log')).toBe('unknown');
    expect(defaultNilReads('ndjson')).toBe('value');
    expect(defaultNilReads('memory')).toBe('value');
  });

  it('rejects a reading it does not know, naming the field', () => {
    for (const factory of [registerModel, casRegisterModel, kvModel, multiRegisterModel]) {
      expect(() => factory({ nilReads: 'any' as NilReads })).toThrow(ConfigError);
      expect(() => factory({ nilReads: 'any' as NilReads })).toThrow(/^nilReads: "any" is not a reading of nil reads: expected unknown or value$/);
    }
  });
});

describe('nil reads as unknown: a completed read of nil matches any state, as Knossos steps it', () => {
  it('a register read of nil keeps any state; a read of a value still has to match', () => {
    for (const factory of [registerModel, casRegisterModel, kvModel]) {
      const m = factory({ init: 0, nilReads: 'unknown' });
      expect(m.step(0, read, ok(null))).toEqual([0]);
      expect(m.step('x', read, ok(undefined))).toEqual(['x']);
      expect(m.step(0, read, ok(1))).toEqual([]);
      expect(m.step(5, read, UNKNOWN)).toEqual([5]);
      const valueReading = factory({ init: 0 });
      expect(valueReading.step(0, read, ok(null))).toEqual([]);
      expect(valueReading.step(null, read, ok(null))).toEqual([null]);
    }
  });

  it('a nil is a wildcard only in a read\'s result: a cas expecting nil still needs nil', () => {
    const m = casRegisterModel({ init: 0, nilReads: 'unknown' });
    expect(m.step(0, { f: 'cas', value: [null, 1] }, ok([null, 1]))).toEqual([]);
    expect(m.step(null, { f: 'cas', value: [null, 1] }, ok([null, 1]))).toEqual([1]);
  });

  it('each [:read k nil] of a txn matches that register, and the txn\'s other steps still count', () => {
    const m = multiRegisterModel({ init: { x: 0, y: 0 }, nilReads: 'unknown' });
    const txn = { f: 'txn', value: [['read', 'x', null], ['read', 'y', null]] };
    const state = m.step(m.init(), { f: 'txn', value: [['write', 'x', 1]] }, ok([['write', 'x', 1]]))[0]!;
    expect(m.step(state, txn, ok([['read', 'x', null], ['read', 'y', 0]]))).toEqual([state]);
    expect(m.step(state, txn, ok([['read', 'x', null], ['read', 'y', 7]]))).toEqual([]);
    expect(m.step(state, txn, ok([['read', 'x', 0], ['read', 'y', null]]))).toEqual([]);
    expect(multiRegisterModel({ init: { x: 0, y: 0 } }).step(state, txn, ok([['read', 'x', null], ['read', 'y', 0]]))).toEqual([]);
  });
});

describe('Knossos-style histories: a cas-register from 0, nil reads, multi-register txns', () => {
  const casFromZero = (nilReads: NilReads) => casRegisterModel({ init: 0, nilReads });

  it('a cas-register from 0 whose reads of nil Jepsen takes as unknown: valid as Jepsen reads it, not as values', () => {
    const edn = [
      '{:process 0, :type :invoke, :f :write, :value 1}',
      '{:process 1, :type :invoke, :f :read, :value nil}',
      '{:process 0, :type :ok, :f :write, :value 1}',
      '{:process 1, :type :ok, :f :read, :value nil}',
      '{:process 2, :type :invoke, :f :cas, :value [1 2]}',
      '{:process 2, :type :ok, :f :cas, :value [1 2]}',
      '{:process 1, :type :invoke, :f :read, :value nil}',
      '{:process 1, :type :ok, :f :read, :value 2}',
    ].join('\n');
    expect(bothReadings(edn, casFromZero)).toEqual({ unknown: true, value: false });
  });

  it('reads of nil do not hide a stale read beside them: invalid under both readings, with the stale read as evidence', () => {
    const edn = [
      '{:process 0, :type :invoke, :f :cas, :value [0 2]}',
      '{:process 0, :type :ok, :f :cas, :value [0 2]}',
      '{:process 1, :type :invoke, :f :read, :value nil}',
      '{:process 1, :type :ok, :f :read, :value nil}',
      '{:process 1, :type :invoke, :f :read, :value nil}',
      '{:process 1, :type :ok, :f :read, :value 0}',
    ].join('\n');
    expect(bothReadings(edn, casFromZero)).toEqual({ unknown: false, value: false });
    const verdict = verdictOf(edn, casFromZero, 'unknown');
    expect(verdict.detail.failures[0]!.blocked).toMatchObject({ output: { known: true, value: 0 } });
  });

  it('a register read of nil from 0 is valid as Jepsen reads it (Knossos\' register takes nil reads the same way)', () => {
    const edn = '{:process 0, :type :invoke, :f :read}\n{:process 0, :type :ok, :f :read, :value nil}\n';
    expect(bothReadings(edn, (nilReads) => registerModel({ init: 0, nilReads }))).toEqual({ unknown: true, value: false });
  });

  it('kv: a get of nil matches whatever its key holds, other keys unaffected', () => {
    const edn = [
      '{:process 0, :type :invoke, :f :put, :key "a", :value "x"}',
      '{:process 0, :type :ok, :f :put, :key "a", :value "x"}',
      '{:process 1, :type :invoke, :f :get, :key "a", :value nil}',
      '{:process 1, :type :ok, :f :get, :key "a", :value nil}',
      '{:process 1, :type :invoke, :f :get, :key "b", :value nil}',
      '{:process 1, :type :ok, :f :get, :key "b", :value ""}',
    ].join('\n');
    expect(bothReadings(edn, (nilReads) => kvModel({ init: '', nilReads }))).toEqual({ unknown: true, value: false });
    const staleOther = edn.replace(':key "b", :value ""}', ':key "b", :value "x"}');
    expect(bothReadings(staleOther, (nilReads) => kvModel({ init: '', nilReads }))).toEqual({ unknown: false, value: false });
  });

  it('an indeterminate write only a nil read could have observed is left out under unknown, kept under value', () => {
    const edn = [
      '{:process 0, :type :invoke, :f :write, :value nil}',
      '{:process 0, :type :info, :f :write, :value nil}',
      '{:process 1, :type :invoke, :f :read, :value nil}',
      '{:process 1, :type :ok, :f :read, :value nil}',
    ].join('\n');
    const unknown = verdictOf(edn, (nilReads) => registerModel({ init: 3, nilReads }), 'unknown');
    const value = verdictOf(edn, (nilReads) => registerModel({ init: 3, nilReads }), 'value');
    expect([unknown.valid, unknown.detail.pruned]).toEqual([true, 1]);
    expect([value.valid, value.detail.pruned]).toEqual([true, 0]);
  });

  it('the EDN fixtures: valid as Jepsen reads nil reads, not linearizable with nil as a value', async () => {
    const fixtures: Array<[string, (nilReads: NilReads) => Model<any>]> = [
      ['histories/examples/cas-register-nil-reads.edn', casFromZero],
      ['histories/examples/multi-register-nil-reads.edn', (nilReads) => multiRegisterModel({ init: { x: 0, y: 0 }, nilReads })],
    ];
    for (const [file, model] of fixtures) {
      const history = validateHistory(await readHistory(file));
      expect(history.format).toBe('edn');
      expect(history.ops.some((op) => op.type === 'ok' && JSON.stringify(op.value).includes('null')), file).toBe(true);
      const verdicts = NIL_READINGS.map((nilReads) => checkLinearizable(history.ops, model(nilReads)).valid);
      expect(verdicts, file).toEqual([true, false]);
    }
  });
});
