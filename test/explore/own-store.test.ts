import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.js';
import { explore } from '../../src/explore/explore.js';
import { scenarioArb } from '../../src/gen/scenario-arb.js';
import { sampleWithSeed } from '../../src/run/seeds.js';
import { replay } from '../../src/explore/replay.js';
import { shrinkScenario } from '../../src/explore/shrink.js';
import { runScenario } from '../../src/run/run-scenario.js';
import type { Scenario } from '../../src/run/scenario.js';
import { simulate } from '../../src/run/simulate.js';
import type { StoreConfig } from '../../src/store/config.js';
import { primaryBackupMode } from '../support/primary-backup-mode.js';

const outDir = mkdtempSync(join(tmpdir(), 'faultline-own-store-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const modes = [primaryBackupMode];
const store = { mode: 'primary-backup', primaryBackup: {} } as unknown as StoreConfig;

describe('a store of your own (a primary-backup register that acknowledges before its backup has the write)', () => {
  it('runs on the simulator: clients reach the primary, the backup follows it', () => {
    const result = simulate({
      seed: 1, store, clients: { count: 2 },
      ops: [{ process: 0, f: 'write', key: 'x', value: 1 }, { process: 1, f: 'read', key: 'x', value: null, atMs: 100 }],
    }, { modes });
    expect(result.history.filter((op) => op.type === 'ok').map((op) => [op.f, op.value])).toEqual([['write', 1], ['read', 1]]);
    expect(result.replicaStates).toEqual({ n1: { x: { values: [1] } }, n2: { x: { values: [1] } } });
  });

  it('is an unknown mode without its definition, and the error lists the known ones', () => {
    const scenario: Scenario = { seed: 1, store, workload: { workload: 'set', ops: 2, clients: 1, keys: 1 }, faults: [] };
    expect(() => runScenario(scenario)).toThrow(ConfigError);
    expect(() => runScenario(scenario)).toThrow('mode: "primary-backup" must be one of single-leader, multi-leader, leaderless');
    expect(runScenario(scenario, { modes }).verdict.valid).toBe(true);
  });

  it('explore finds the lost acknowledged write, shrinks it, saves it, and replay reproduces it byte for byte', async () => {
    const report = await explore({
      modes, runs: 300, seed: 1, outDir,
      scenario: { workload: { workload: 'set', checkers: ['durability'] }, kinds: ['crash-leader'] },
    });
    const failure = report.failures[0]!;
    expect(failure.anomaly).toBe('lost-write');
    expect(failure.shrunk.scenario.store.mode).toBe('primary-backup');
    expect(failure.clientOps).toBeLessThan(failure.original.scenario.workload.ops);
    expect(failure.faults).toBe(1);

    const saved = JSON.parse(readFileSync(join(failure.dir!, 'scenario.json'), 'utf8')) as Scenario;
    expect(saved.store).toEqual(failure.shrunk.scenario.store);
    const again = replay(failure.dir!, { modes });
    expect(again.identical).toBe(true);
    expect(again.verdictUnchanged).toBe(true);
    expect(() => replay(failure.dir!)).toThrow(/must be one of single-leader, multi-leader, leaderless/);
  });

  it('scenarioArb draws its stores with its arbitrary, from `modes` or from `store.modes`', () => {
    for (const constraints of [{ modes }, { store: { modes } }]) {
      const scenario = sampleWithSeed(scenarioArb({ ...constraints, workload: { ops: 5 } }), 4);
      expect(scenario.store.mode).toBe('primary-backup');
      expect(runScenario(scenario, { modes }).run.stats.clientsFinished).toBe(true);
    }
  });

  it('shrinkScenario takes the definition too', () => {
    const failing = runScenario({
      seed: 3, store, workload: { workload: 'set', ops: 40, clients: 2, keys: 1, checkers: ['durability'] },
      faults: [{ kind: 'crash-leader', atMs: 200, durationMs: 400 }],
    }, { modes });
    if (failing.verdict.valid !== false) return expect.fail(`expected the crash to lose a write: ${failing.verdict.reason}`);
    const { outcome } = shrinkScenario(failing, { modes, maxRuns: 200 });
    expect(outcome.verdict.anomaly).toBe('lost-write');
    expect(outcome.scenario.ops!.length).toBeLessThan(40);
  });
});
