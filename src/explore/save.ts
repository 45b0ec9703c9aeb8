import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeNdjson } from '../history/index.js';
import { renderCounterexample } from '../report/counterexample.js';
import type { ScenarioOutcome } from '../run/run-scenario.js';

/**
 * Options of {@link saveOutcome}.
 *
 * @example
 * saveOutcome('out', outcome, { id: 'sl-async-run-3', extra: { run: 3 } });
 */
export interface SaveOptions {
  /** The folder name under `outDir`. Default: `<preset or mode>-seed<seed>`. */
  id?: string;
  /** More fields for results.json (how it was found, how it was shrunk). */
  extra?: Record<string, unknown>;
  /** Write counterexample.txt (only for a failing verdict). Default true. */
  counterexample?: boolean;
}

/**
 * The folder name a scenario is saved under by default.
 *
 * @example
 * outcomeId({ seed: 7, preset: 'sl-async', ... }); // 'sl-async-seed7'
 */
export function outcomeId(scenario: ScenarioOutcome['scenario']): string {
  return `${scenario.preset ?? scenario.store.mode}-seed${scenario.seed}`;
}

/**
 * Saves an outcome as `outDir/<id>/`: scenario.json (what replay re-runs),
 * history.ndjson (what the clients saw, to compare on replay), results.json
 * (the verdict with each checker's evidence, and run statistics) and, for a
 * failure, counterexample.txt. Returns the folder's path.
 *
 * @example
 * const dir = saveOutcome('out', shrunk); // 'out/sl-async-seed7'
 */
export function saveOutcome(outDir: string, outcome: ScenarioOutcome, options: SaveOptions = {}): string {
  const dir = join(outDir, options.id ?? outcomeId(outcome.scenario));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'scenario.json'), `${JSON.stringify(outcome.scenario, null, 2)}\n`);
  writeFileSync(join(dir, 'history.ndjson'), writeNdjson(outcome.run.history));
  writeFileSync(join(dir, 'results.json'), `${JSON.stringify(resultsOf(outcome, options.extra), jsonSafe, 2)}\n`);
  if (outcome.verdict.valid === false && (options.counterexample ?? true)) {
    writeFileSync(join(dir, 'counterexample.txt'), renderCounterexample(outcome, { replay: `faultline replay ${dir}` }));
  }
  return dir;
}

/**
 * The results.json object: verdict, the scenario's size, and run statistics.
 *
 * @example
 * resultsOf(outcome).verdict.valid; // false
 */
export function resultsOf(outcome: ScenarioOutcome, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const { scenario, run, verdict } = outcome;
  return {
    verdict,
    clientOps: scenario.ops?.length ?? scenario.workload.ops,
    faults: scenario.faults.length,
    stats: run.stats,
    ...extra,
  };
}

/** JSON has no Infinity (an indeterminate op's completion): written as null, as JSON.stringify would. */
function jsonSafe(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? null : value;
}
