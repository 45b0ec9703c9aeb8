import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scenarioArb } from '../../src/gen/scenario-arb.js';
import { writeNdjson } from '../../src/history/index.js';
import { readScenario } from '../../src/explore/replay.js';
import { runScenario } from '../../src/run/run-scenario.js';
import type { Scenario } from '../../src/run/scenario.js';
import { simulate } from '../../src/run/simulate.js';
import { moveStoreClient } from '../../src/run/store-client.js';
import { REGRESSIONS_DIR } from '../regressions/record-regressions.js';
import { configErrorOf } from '../support/config-errors.js';

const dir = mkdtempSync(join(tmpdir(), 'faultline-store-client-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A saved regression whose client policy is not the default one, in the shape it was saved in. */
const savedFile = join(REGRESSIONS_DIR, 'client-no-idempotency-seed1', 'scenario.json');
const saved = JSON.parse(readFileSync(savedFile, 'utf8')) as Scenario & { store: { client?: unknown } };

describe('scenarios saved with the client policy inside the store', () => {
  it('are read with the policy moved to the scenario, right after the store', () => {
    expect(saved.store.client).toBeDefined();
    const scenario = readScenario(savedFile);
    expect(scenario.client).toEqual(saved.store.client);
    expect('client' in scenario.store).toBe(false);
    expect(Object.keys(scenario).slice(0, 4)).toEqual(['seed', 'preset', 'store', 'client']);
    expect(scenario.client!.idempotency.enabled).toBe(false);
  });

  it('run exactly as the same scenario written the new way', () => {
    const legacy = runScenario(saved);
    const moved = runScenario(moveStoreClient(saved));
    expect(writeNdjson(legacy.run.history)).toBe(writeNdjson(moved.run.history));
    expect([legacy.verdict.valid, legacy.verdict.anomaly]).toEqual([moved.verdict.valid, moved.verdict.anomaly]);
    expect(legacy.scenario.client).toEqual(saved.store.client);
    // Dropping the policy changes the run: the policy really was applied.
    const { client: _policy, ...withDefaultPolicy } = moveStoreClient(saved);
    expect(writeNdjson(runScenario(withDefaultPolicy).run.history)).not.toBe(writeNdjson(moved.run.history));
  });

  it('simulate still takes a store config with its clients\' policy inside', () => {
    const scenario = moveStoreClient(saved);
    const base = { seed: scenario.seed, clients: { count: scenario.workload.clients }, ops: [{ process: 0, f: 'incr', key: 'c', value: 1 }] };
    const inside = simulate({ ...base, store: saved.store as Scenario['store'] });
    const beside = simulate({ ...base, store: scenario.store, clients: { ...base.clients, policy: scenario.client! } });
    expect(writeNdjson(inside.history)).toBe(writeNdjson(beside.history));
    expect(configErrorOf(() => simulate({ ...base, store: { ...scenario.store, client: { retry: { maxRetries: -1 } } } as never }))?.field)
      .toBe('store.client.retry.maxRetries');
  });

  it('a fixed store config with the policy inside generates scenarios with it beside the store', () => {
    const [scenario] = fc.sample(scenarioArb({ config: saved.store as Scenario['store'], workload: { ops: 3 } }), { seed: 1, numRuns: 1 });
    expect(scenario!.store).toEqual(moveStoreClient(saved).store);
    expect(scenario!.client).toEqual(saved.store.client);
  });

  it('a policy given twice, inside the store and beside it, is refused naming the file', () => {
    const file = join(dir, 'scenario.json');
    writeFileSync(file, JSON.stringify({ ...saved, client: saved.store.client }));
    const error = configErrorOf(() => readScenario(file));
    expect(error?.field).toBe('store.client');
    expect(error?.file).toBe(file);
    expect(error?.message.startsWith(`${file}: store.client: `)).toBe(true);
  });
});
