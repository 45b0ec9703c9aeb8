import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { firstDifferentLine, readScenario, replay } from '../../src/explore/replay.js';
import { runScenario } from '../../src/run/run-scenario.js';
import { outcomeId, saveOutcome } from '../../src/explore/save.js';
import { ConfigError } from '../../src/config/config-error.js';
import { staleReadScenario } from './support/scenarios.js';

const root = mkdtempSync(join(tmpdir(), 'faultline-replay-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const failing = staleReadScenario;

describe('saveOutcome', () => {
  it('writes scenario.json, history.ndjson, results.json and counterexample.txt under outDir/<id>', () => {
    const outcome = runScenario(failing);
    const dir = saveOutcome(root, outcome, { extra: { run: 7 } });
    expect(dir).toBe(join(root, outcomeId(failing)));
    expect(dir).toBe(join(root, 'll-weak-seed1'));
    expect(JSON.parse(readFileSync(join(dir, 'scenario.json'), 'utf8'))).toEqual(failing);
    expect(readFileSync(join(dir, 'history.ndjson'), 'utf8').split('\n')).toHaveLength(outcome.run.history.length + 1);
    const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));
    expect(results).toMatchObject({ verdict: { valid: false, anomaly: 'not-linearizable' }, clientOps: 2, faults: 1, run: 7 });
    expect(readFileSync(join(dir, 'counterexample.txt'), 'utf8')).toMatch(/not-linearizable/);
  });
});

describe('replay', () => {
  const dir = saveOutcome(root, runScenario(failing), { id: 'replayed' });

  it('re-runs a saved folder, or its scenario.json, to the same history and verdict', () => {
    for (const path of [dir, join(dir, 'scenario.json')]) {
      const result = replay(path);
      expect(result).toMatchObject({ identical: true, verdictUnchanged: true, savedVerdict: { valid: false } });
      expect(result.firstDifference).toBeUndefined();
    }
  });

  it('reports the first line where a saved history differs', () => {
    const tampered = saveOutcome(root, runScenario(failing), { id: 'tampered' });
    const lines = readFileSync(join(tampered, 'history.ndjson'), 'utf8').split('\n');
    lines[2] = lines[2]!.replace('"ok"', '"fail"');
    writeFileSync(join(tampered, 'history.ndjson'), lines.join('\n'));
    const result = replay(tampered);
    expect(result.identical).toBe(false);
    expect(result.firstDifference).toMatchObject({ line: 3, saved: lines[2] });
  });

  it('refuses a missing or malformed scenario with the file named', () => {
    expect(() => readScenario(join(root, 'nope.json'))).toThrow(ConfigError);
    writeFileSync(join(root, 'bad.json'), '{ "seed": 1');
    expect(() => readScenario(join(root, 'bad.json'))).toThrow(/bad\.json: is not valid JSON/);
    writeFileSync(join(root, 'partial.json'), '{ "seed": 1, "store": {} }');
    expect(() => readScenario(join(root, 'partial.json'))).toThrow(/partial\.json: workload: is missing/);
  });
});

describe('firstDifferentLine', () => {
  it('finds the first differing line, including one text running longer', () => {
    expect(firstDifferentLine('a\nb\n', 'a\nb\n')).toBeUndefined();
    expect(firstDifferentLine('a\nb\n', 'a\nc\n')).toEqual({ line: 2, saved: 'b', replayed: 'c' });
    expect(firstDifferentLine('a\n', 'a\nb\n')).toEqual({ line: 2, saved: '', replayed: 'b' });
  });
});
