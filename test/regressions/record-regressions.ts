import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { explore } from '../../src/explore/explore.js';
import { readScenario } from '../../src/explore/replay.js';
import { runScenario } from '../../src/run/run-scenario.js';
import { saveOutcome } from '../../src/explore/save.js';
import { scenarioArb } from '../../src/gen/scenario-arb.js';
import { BENIGN_FAULT_KINDS } from '../../src/nemesis/fault.js';
import { sampleWithSeed } from '../../src/run/seeds.js';

/**
 * What a regression entry must keep giving: its verdict class, and where it came from.
 *
 * @example
 * const expected: RegressionExpectation = { valid: false, anomaly: 'not-linearizable', preset: 'sl-async', found: '...' };
 */
export interface RegressionExpectation {
  valid: true | false | 'unknown';
  anomaly?: string;
  preset?: string;
  found: string;
}

/** The saved corpus: histories/regressions/<name>/. */
export const REGRESSIONS_DIR = new URL('../../histories/regressions/', import.meta.url).pathname;

/**
 * Explores `preset` from `seed`, shrinks its first failure and saves it as
 * histories/regressions/<preset>-seed<seed>/ with expected.json. Returns the
 * entry's folder, or undefined when `runs` runs find nothing.
 *
 * @example
 * await recordFailure('sl-async', 1, 2000);
 */
export async function recordFailure(preset: string, seed: number, runs: number): Promise<string | undefined> {
  const report = await explore({ preset, seed, runs });
  const failure = report.failures[0];
  if (failure === undefined) return undefined;
  const name = `${preset}-seed${seed}`;
  const found = `faultline explore --preset ${preset} --seed ${seed}: run ${failure.run}, shrunk in ${failure.shrink?.runs ?? 0} runs`;
  return saveRegression(name, failure.shrunk, { valid: false, anomaly: failure.anomaly, preset, found }, { shrink: failure.shrink });
}

/**
 * Saves a generated scenario of a safe preset (every non-byzantine fault kind allowed) as a
 * valid entry: it guards determinism and the safe presets' verdicts.
 *
 * @example
 * recordValid('sl-majority', 3);
 */
export function recordValid(preset: string, seed: number): string {
  const scenario = sampleWithSeed(scenarioArb({ preset, kinds: BENIGN_FAULT_KINDS, maxFaults: 3 }), seed);
  const outcome = runScenario(scenario);
  const found = `scenarioArb({ preset: '${preset}', kinds: BENIGN_FAULT_KINDS, maxFaults: 3 }) sampled with seed ${seed}`;
  return saveRegression(`${preset}-valid-seed${seed}`, outcome, { valid: outcome.verdict.valid, preset, found });
}

/**
 * Saves an outcome as histories/regressions/<name>/ with its expected.json.
 *
 * @example
 * saveRegression('ll-abd-duplicate', shrunk, { valid: false, anomaly: 'not-linearizable', found: 'safe-presets suite' });
 */
export function saveRegression(
  name: string,
  outcome: Parameters<typeof saveOutcome>[1],
  expected: RegressionExpectation,
  extra: Record<string, unknown> = {},
): string {
  rmSync(join(REGRESSIONS_DIR, name), { recursive: true, force: true });
  mkdirSync(REGRESSIONS_DIR, { recursive: true });
  // Relative, so the replay command in counterexample.txt reads as the repository has it.
  // No report.html: the folders hold what replay compares; `faultline report DIR` draws one from them.
  const dir = saveOutcome(relative(process.cwd(), REGRESSIONS_DIR), outcome, { id: name, report: false, extra: { found: expected.found, ...extra } });
  writeFileSync(join(dir, 'expected.json'), `${JSON.stringify(expected, null, 2)}\n`);
  return dir;
}

/**
 * Re-runs a saved entry's scenario and saves it again with today's history and
 * verdict, keeping its `found` note: for when a change of behaviour is meant.
 *
 * @example
 * refreshRegression('ll-abd-duplicate-seed10');
 */
export function refreshRegression(name: string): RegressionExpectation {
  const dir = join(REGRESSIONS_DIR, name);
  const before = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as RegressionExpectation;
  const outcome = runScenario(readScenario(join(dir, 'scenario.json')));
  const { valid, anomaly } = outcome.verdict;
  const expected: RegressionExpectation = { ...before, valid, ...(anomaly === undefined ? {} : { anomaly }) };
  if (anomaly === undefined) delete expected.anomaly;
  saveRegression(name, outcome, expected);
  return expected;
}
