import fc from 'fast-check';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLinearizable } from '../../src/checker/index.js';
import { cutHistoryAt, shrinkHistory, withoutClientOps } from '../../src/explore/shrink-history.js';
import type { Op } from '../../src/history/op.js';
import { MODELS } from '../../src/models/index.js';
import { linearizableHistory } from '../support/linearizable-histories.js';
import { randomHistory } from '../support/random-histories.js';
import { CORPUS_ABSENT_MESSAGE, corpusRoot } from '../bench/corpus-path.js';
import { runCli, tempFile } from './run-cli.js';

const isReadOnly = (model: ReturnType<(typeof MODELS)['register']>, op: Op): boolean =>
  model.readOnly!({ f: op.f, key: op.key, value: op.value });

const inv = (index: number, process: number, f: string, value: unknown): Op => ({ index, time: index, process, type: 'invoke', f, value });
const ok = (index: number, process: number, f: string, value: unknown): Op => ({ index, time: index, process, type: 'ok', f, value });

describe('the removal rules are sound: applied to a linearizable history they leave it linearizable', () => {
  // Contrapositive of "the smaller history's failure implies the original's".
  for (const name of ['register', 'cas-register', 'kv', 'set'] as const) {
    it(`cutting at any index (${name})`, () => {
      fc.assert(
        fc.property(linearizableHistory(name, { maxOps: 40 }), fc.nat(), ({ history, init }, at) => {
          const model = MODELS[name]!({ init });
          const cut = cutHistoryAt(history, history.length === 0 ? 0 : at % history.length);
          expect(checkLinearizable(cut, model).valid).toBe(true);
        }),
        { numRuns: 150 },
      );
    });
  }

  it('dropping any subset of read-only ops', () => {
    fc.assert(
      fc.property(linearizableHistory('cas-register', { maxOps: 40 }), fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }), ({ history, init }, picks) => {
        const model = MODELS['cas-register']!({ init });
        const smaller = withoutClientOps(history, (invoke) => isReadOnly(model, invoke) && picks[invoke.index % 40]!);
        expect(checkLinearizable(smaller, model).valid).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('a cut that kept ops open across it with their results would not be sound', () => {
    // p1's read is open across the cut and reads a value written after it: valid as a whole.
    const history = [inv(0, 0, 'write', 1), ok(1, 0, 'write', 1), inv(2, 1, 'read', null), inv(3, 0, 'write', 2), ok(4, 0, 'write', 2), ok(5, 1, 'read', 2)];
    const model = MODELS.register!({ init: null });
    expect(checkLinearizable(history, model).valid).toBe(true);
    const naive = history.filter((op) => op.index <= 2 || op.index === 5);
    expect(checkLinearizable(naive, model).valid).toBe(false);
    const cut = cutHistoryAt(history, 2);
    expect(cut.map((op) => op.type)).toEqual(['invoke', 'ok', 'invoke', 'info']);
    expect(checkLinearizable(cut, model).valid).toBe(true);
  });
});

describe('shrinkHistory', () => {
  it('keeps an invalid history invalid while making it no larger, from kept ops only', () => {
    fc.assert(
      fc.property(randomHistory('cas-register', { maxOps: 10 }), (history) => {
        const model = MODELS['cas-register']!({ init: 0 });
        const result = shrinkHistory(history, model);
        if (result.valid !== false) return;
        expect(checkLinearizable(result.history, model).valid).toBe(false);
        expect(result.clientOpsAfter).toBeLessThanOrEqual(result.clientOpsBefore);
        const original = new Map(history.map((op) => [op.index, op]));
        for (const op of result.history) {
          const from = original.get(op.index)!;
          // Same event, or an ok made indeterminate by the cut.
          expect(op.type === from.type || (from.type === 'ok' && op.type === 'info')).toBe(true);
          expect([op.process, op.f]).toEqual([from.process, from.f]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('drops reads, failed ops, the suffix and other keys, and says why for each step', () => {
    const history: Op[] = [
      inv(0, 0, 'write', 1), ok(1, 0, 'write', 1),
      inv(2, 1, 'write', 2), { ...ok(3, 1, 'write', 2), type: 'fail' },
      inv(4, 2, 'read', null), ok(5, 2, 'read', 1),
      inv(6, 1, 'write', 3), ok(7, 1, 'write', 3),
      inv(8, 2, 'read', null), ok(9, 2, 'read', 1),
      inv(10, 0, 'write', 4), ok(11, 0, 'write', 4),
      inv(12, 2, 'read', null), ok(13, 2, 'read', 4),
    ];
    const result = shrinkHistory(history, MODELS.register!({ init: null }));
    expect(result.valid).toBe(false);
    expect(result.history.map((op) => op.index)).toEqual([0, 1, 6, 7, 8, 9]);
    expect(result.steps.map((step) => step.rule)).toEqual(['failed-ops', 'suffix', 'read-only']);
    expect(result.steps.every((step) => step.why.length > 20 && step.removedOps > 0)).toBe(true);
    expect([result.clientOpsBefore, result.clientOpsAfter]).toEqual([7, 3]);
  });

  it('keeps only the failing key of a kv history', () => {
    const keyed = (op: Op, key: string): Op => ({ ...op, key });
    const history: Op[] = [
      keyed(inv(0, 0, 'write', 1), 'x'), keyed(ok(1, 0, 'write', 1), 'x'),
      keyed(inv(2, 1, 'write', 5), 'y'), keyed(ok(3, 1, 'write', 5), 'y'),
      keyed(inv(4, 1, 'read', null), 'y'), keyed(ok(5, 1, 'read', 5), 'y'),
      keyed(inv(6, 2, 'read', null), 'x'), keyed(ok(7, 2, 'read', 9), 'x'),
    ];
    const result = shrinkHistory(history, MODELS.kv!({ init: null }));
    expect(result.steps[0]!.rule).toBe('other-partitions');
    expect(new Set(result.history.map((op) => op.key))).toEqual(new Set(['x']));
    expect(result.check.valid).toBe(false);
  });

  it('returns a linearizable history as it is', () => {
    const history = [inv(0, 0, 'write', 1), ok(1, 0, 'write', 1), inv(2, 1, 'read', null), ok(3, 1, 'read', 1)];
    const result = shrinkHistory(history, MODELS.register!({ init: null }));
    expect(result.valid).toBe(true);
    expect(result.history).toEqual(history);
    expect(result.steps).toEqual([]);
  });
});

describe('faultline shrink', () => {
  const ndjson = (ops: Op[]): string => ops.map((op) => JSON.stringify(op)).join('\n');
  const stale: Op[] = [
    inv(0, 0, 'write', 1), ok(1, 0, 'write', 1),
    inv(2, 2, 'read', null), ok(3, 2, 'read', 1),
    inv(4, 1, 'write', 3), ok(5, 1, 'write', 3),
    inv(6, 2, 'read', null), ok(7, 2, 'read', 1),
    inv(8, 0, 'write', 4), ok(9, 0, 'write', 4),
  ];

  it('exits 1 with a smaller history that is still not linearizable, the steps and the reason', () => {
    const file = tempFile('stale.ndjson', ndjson(stale));
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'faultline-shrink-')), 'small.ndjson');
    const run = runCli(['shrink', file, '--model', 'register', '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/shrunk .*stale\.ndjson from 5 to 3 client ops/);
    expect(run.stdout).toMatch(/p2 read 1, but write 1 by p0 was overwritten by write 3 of p1, which completed before the read began\./);
    expect(run.stdout).toMatch(/- suffix: removed 1 op\(s\); sound because/);
    expect(run.stdout).toMatch(/- read-only: removed 1 op\(s\); sound because a read changes no state/);
    expect(run.stdout).toMatch(/\*read -> 1\*/);
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(6);
    expect(runCli(['check', out, '--model', 'register']).status).toBe(1);
  });

  it('--json gives the sizes, the steps and the shrunk history', () => {
    const run = runCli(['shrink', tempFile('stale.ndjson', ndjson(stale)), '--model', 'register', '--json']);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ valid: false, model: 'register', clientOpsBefore: 5, clientOpsAfter: 3 });
    expect(report.steps.map((step: { rule: string }) => step.rule)).toEqual(['suffix', 'read-only']);
    expect(report.history.map((op: Op) => op.index)).toEqual([0, 1, 4, 5, 6, 7]);
  });

  const corpus = corpusRoot();
  it.skipIf(corpus === undefined)(`shrinks a real Jepsen etcd history${corpus === undefined ? ` (skipped: ${CORPUS_ABSENT_MESSAGE})` : ''}`, () => {
    const file = path.join(corpus!, 'jepsen/etcd_000.log');
    const run = runCli(['shrink', file, '--model', 'cas-register', '--json']);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.clientOpsAfter).toBeLessThan(report.clientOpsBefore / 2);
    expect(checkLinearizable(report.history, MODELS['cas-register']!({ init: null })).valid).toBe(false);
  });

  it('exits 0 for a linearizable history and 2 for bad input', () => {
    const good = runCli(['shrink', 'histories/examples/cas-register-good.ndjson']);
    expect(good.status).toBe(0);
    expect(good.stdout).toMatch(/valid: linearizable, nothing to shrink/);
    const badModel = runCli(['shrink', 'histories/examples/cas-register-bad.ndjson', '--model', 'queue']);
    expect(badModel.status).toBe(2);
    expect(badModel.stderr).toMatch(/--model: unknown model "queue"/);
    const badFile = runCli(['shrink', tempFile('bad.ndjson', '{"index":0,"process":0,"type":"done","f":"read"}')]);
    expect(badFile.status).toBe(2);
    expect(badFile.stderr).toMatch(/bad\.ndjson:1: /);
  });
});
