import { describe, expect, it } from 'vitest';
import { parseHistoryText, validateHistory, type Op } from '../../src/history/index.js';
import { counterModel, kvModel, registerModel } from '../../src/models/index.js';
import { byKey } from '../../src/models/by-key.js';
import { modelOpCheck } from '../../src/models/op-check.js';

const ndjson = (ops: Array<Partial<Op>>): string =>
  ops.map((op, index) => JSON.stringify({ index, time: index, ...op })).join('\n');

const twoKeys = ndjson([
  { process: 0, type: 'invoke', f: 'write', key: 'a', value: 1 },
  { process: 0, type: 'ok', f: 'write', key: 'a', value: 1 },
  { process: 1, type: 'invoke', f: 'read', key: 'b', value: null },
  { process: 1, type: 'ok', f: 'read', key: 'b', value: 1 },
]);

describe('modelOpCheck: keys against the model', () => {
  it('rejects a keyless model given ops on two keys, naming the model and the first such op', () => {
    const parsed = parseHistoryText(twoKeys, { file: 'h.ndjson' });
    expect(() => validateHistory(parsed, { checkOp: modelOpCheck(registerModel()) })).toThrow(
      /^h\.ndjson:3: key: the register model has no keys .*this read has key b and the first op had key a; use a keyed model \(kv\)/,
    );
  });

  it('rejects a keyless model given some ops with a key and some without', () => {
    const text = ndjson([
      { process: 0, type: 'invoke', f: 'add', value: 1 },
      { process: 0, type: 'ok', f: 'add', value: 1 },
      { process: 0, type: 'invoke', f: 'add', key: 'x', value: 1 },
    ]);
    expect(() => validateHistory(parseHistoryText(text, { file: 'c.ndjson' }), { checkOp: modelOpCheck(counterModel()) })).toThrow(
      /^c\.ndjson:3: key: the counter model has no keys .*this add has key x and the first op had no key/,
    );
  });

  it('accepts a keyless model whose ops all carry one key (a simulated run of one register)', () => {
    const text = ndjson([
      { process: 0, type: 'invoke', f: 'write', key: 'k0', value: 1 },
      { process: 0, type: 'ok', f: 'write', key: 'k0', value: 1 },
      { process: 1, type: 'invoke', f: 'read', key: 'k0', value: null },
    ]);
    expect(() => validateHistory(parseHistoryText(text, { file: 'h' }), { checkOp: modelOpCheck(registerModel()) })).not.toThrow();
  });

  it('accepts keyed models on many keys, and rejects them on an op without a key', () => {
    const parsed = parseHistoryText(twoKeys, { file: 'h' });
    expect(() => validateHistory(parsed, { checkOp: modelOpCheck(kvModel()) })).not.toThrow();
    expect(() => validateHistory(parsed, { checkOp: modelOpCheck(byKey(registerModel())) })).not.toThrow();
    const keyless = parseHistoryText(ndjson([{ process: 0, type: 'invoke', f: 'read', value: null }]), { file: 'k' });
    expect(() => validateHistory(keyless, { checkOp: modelOpCheck(kvModel()) })).toThrow(/^k:1: key: kv ops need a key/);
  });
});
