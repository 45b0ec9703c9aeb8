// A user's program: imports faultline by its package name and touches every export family.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  ANOMALY_CLASSES, CHECKER_NAMES, CHECKERS, ConfigError, FAULT_KINDS, HistoryError, MODELS, MODES, PRESETS, STORE_MODES, WORKLOADS,
  check, checkAll, compose, defaultStoreConfig, explore, faultScheduleArb, modelOpCheck, parseHistoryText, readHistory,
  renderCounterexample, replay, requireInteger, requireNumber, requireOneOf, runScenario, saveOutcome, scenarioArb,
  shrinkHistory, shrinkScenario, simulate, storeConfigArb, validateHistory, validateStoreConfig, workloadSpecArb, writeHistory,
  type Checker, type Fault, type ModeDefinition, type Op, type Scenario, type Verdict,
} from 'faultline';

const dir = mkdtempSync(join(tmpdir(), 'consumer-run-'));
const out: Record<string, unknown> = {};

// Histories and models: a stale read of a register.
const text = [
  '{"process":0,"type":"invoke","f":"write","value":1}',
  '{"process":0,"type":"ok","f":"write","value":1}',
  '{"process":1,"type":"invoke","f":"read","value":null}',
  '{"process":1,"type":"ok","f":"read","value":0}',
].join('\n');
const model = MODELS['register']!({ init: 0 });
const parsed = validateHistory(parseHistoryText(text, { file: 'inline.ndjson' }), { checkOp: modelOpCheck(model) });
await writeHistory(join(dir, 'h.edn'), parsed.ops, { format: 'edn' });
const reread = validateHistory(await readHistory(join(dir, 'h.edn')));
const verdict: Verdict = check(reread.ops, model);
out.history = { ops: reread.ops.length, format: reread.format, valid: verdict.valid, anomaly: verdict.anomaly };
out.shrunkHistoryOps = shrinkHistory(reread.ops, model).history.length;
try {
  parseHistoryText('{"process":0,"type":"bogus","f":"read"}', { file: 'bad.ndjson' });
} catch (error) {
  out.historyError = error instanceof HistoryError ? error.message : 'not a HistoryError';
}

// Checkers: by name, composed.
const set: Checker = CHECKERS.set({ model: MODELS['set']!({}) });
const addOps: Op[] = [
  { index: 0, time: 0, process: 0, type: 'invoke', f: 'add', value: 1 },
  { index: 1, time: 1, process: 0, type: 'ok', f: 'add', value: 1 },
  { index: 2, time: 2, process: 1, type: 'invoke', f: 'read', value: null },
  { index: 3, time: 3, process: 1, type: 'ok', f: 'read', value: [] },
];
out.set = checkAll([set, CHECKERS.linearizable({ model: MODELS['set']!({}) })], addOps, {}).valid;
out.compose = compose({ a: { valid: true, reason: 'fine' }, b: () => { throw new Error('boom'); } }).valid;
out.names = { checkers: CHECKER_NAMES.length, anomalies: ANOMALY_CLASSES.includes('lost-write'), faults: FAULT_KINDS.includes('crash-leader') };

// The simulator: one scenario, then explore, shrink, save and replay.
const sim = simulate({ seed: 1, store: defaultStoreConfig('leaderless'), clients: { count: 1 }, ops: [{ process: 0, f: 'write', key: 'x', value: 1 }] });
out.simulate = sim.history.map((op) => op.type);
const crash: Fault = { kind: 'crash-leader', atMs: 100, durationMs: 300 };
const scenario: Scenario = {
  seed: 1, preset: 'sl-majority', store: PRESETS['sl-majority']!.store, client: PRESETS['sl-majority']!.client,
  workload: { workload: 'register', ops: 20, clients: 2, keys: 1 }, faults: [crash],
};
out.runScenario = runScenario(scenario).verdict.valid;
const report = await explore({ preset: 'sl-async', runs: 300, seed: 1, outDir: join(dir, 'found') });
const failure = report.failures[0]!;
out.explore = { anomaly: failure.anomaly, saved: failure.dir !== undefined };
out.replay = replay(failure.dir!).identical;
const reshrunk = shrinkScenario(failure.shrunk);
out.shrinkScenario = reshrunk.outcome.verdict.valid;
out.saveOutcome = saveOutcome(join(dir, 'again'), reshrunk.outcome).length > 0;
out.report = renderCounterexample(failure.shrunk).length > 0;

// Arbitraries.
out.arbitraries = [
  fc.sample(scenarioArb({ preset: 'll-abd' }), { numRuns: 2, seed: 3 }).length,
  fc.sample(storeConfigArb(), { numRuns: 2, seed: 3 }).length,
  fc.sample(workloadSpecArb(), { numRuns: 2, seed: 3 }).length,
  fc.sample(faultScheduleArb({ nodeIds: ['n1', 'n2', 'n3'], horizonMs: 1000 }), { numRuns: 2, seed: 3 }).length,
];

// Presets, workloads and store modes.
out.catalogue = { presets: Object.keys(PRESETS).length > 0, workloads: Object.keys(WORKLOADS).includes('set'), modes: STORE_MODES.every((mode) => MODES[mode].name === mode) };
try {
  validateStoreConfig({ mode: 'leaderless', leaderless: { w: 9 } });
} catch (error) {
  out.configError = error instanceof ConfigError;
}
const checks: string[] = [];
for (const probe of [() => requireInteger('n', 1.5, 0), () => requireNumber('p', -1, 0), () => requireOneOf('m', 'x', ['a'])]) {
  try { probe(); } catch (error) { checks.push((error as Error).message); }
}
out.requires = checks.length;
const noMode: ModeDefinition | undefined = undefined;
out.ownModeType = noMode === undefined;

writeFileSync(join(dir, 'summary.json'), JSON.stringify(out));
console.log(JSON.stringify(out));
