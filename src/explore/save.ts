import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { writeNdjson } from '../history/index.js';
import { renderCounterexample } from '../report/counterexample.js';
import { renderOutcomeReport } from '../report/html/outcome-report.js';
import type { ScenarioOutcome } from '../run/run-scenario.js';
import type { ModeDefinition } from '../store/mode-definition.js';

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
  /** Write report.html, the run's HTML report. Default: for a failing verdict, as counterexample.txt. */
  report?: boolean;
  /** Store modes of your own the scenario names (the report re-runs it for its messages). */
  modes?: readonly ModeDefinition[];
  /** Save without any further run: report.html draws the trace as it was recorded. Default false. */
  noRerun?: boolean;
  /** Called when the folder held an earlier run, with the files of it that were removed. */
  onReplace?: (dir: string, removed: string[]) => void;
}

/**
 * The files a saved run consists of: the ones {@link saveOutcome} writes, and
 * removes from a folder it saves into again (any other file there is left alone).
 *
 * @example
 * SAVED_FILES.includes('counterexample.txt'); // true
 */
export const SAVED_FILES = ['scenario.json', 'history.ndjson', 'results.json', 'counterexample.txt', 'report.html'] as const;

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
 * failure, counterexample.txt and report.html (see `report`). Returns the folder's path.
 *
 * The files are written into a fresh folder beside it first and then moved into
 * place, so a folder never mixes two runs: saving into a folder that holds an
 * earlier run removes that run's files (all of {@link SAVED_FILES}, e.g. a
 * counterexample.txt the new, valid run would not write) and calls `onReplace`.
 *
 * @example
 * const dir = saveOutcome('out', shrunk); // 'out/sl-async-seed7'
 */
export function saveOutcome(outDir: string, outcome: ScenarioOutcome, options: SaveOptions = {}): string {
  const dir = join(outDir, options.id ?? outcomeId(outcome.scenario));
  // Creating the target first makes a bad --out (a file, a path under a file, a folder that
  // cannot be written) fail naming the user's path, not the temporary folder's.
  mkdirSync(dir, { recursive: true });
  const fresh = mkdtempSync(join(dirname(dir), `.${basename(dir)}.partial-`));
  try {
    writeFileSync(join(fresh, 'scenario.json'), `${JSON.stringify(outcome.scenario, null, 2)}\n`);
    writeFileSync(join(fresh, 'history.ndjson'), writeNdjson(outcome.run.history));
    writeFileSync(join(fresh, 'results.json'), `${JSON.stringify(resultsOf(outcome, options.extra), jsonSafe, 2)}\n`);
    const failing = outcome.verdict.valid === false && (options.counterexample ?? true);
    if (failing) {
      writeFileSync(join(fresh, 'counterexample.txt'), renderCounterexample(outcome, { replay: `faultline replay ${dir}` }));
    }
    if (options.report ?? failing) {
      writeFileSync(join(fresh, 'report.html'), renderOutcomeReport(outcome, { title: dir, replay: `faultline replay ${dir}`, ...(options.modes ? { modes: options.modes } : {}), rerunForMessages: options.noRerun !== true }));
    }
    moveIntoPlace(fresh, dir, options.onReplace);
  } finally {
    rmSync(fresh, { recursive: true, force: true });
  }
  return dir;
}

/** A new folder is renamed into place whole; an existing one loses the earlier run's files, then takes the new ones. */
function moveIntoPlace(fresh: string, dir: string, onReplace: SaveOptions['onReplace']): void {
  if (!existsSync(dir)) {
    renameSync(fresh, dir);
    return;
  }
  const removed = SAVED_FILES.filter((name) => existsSync(join(dir, name)));
  for (const name of removed) rmSync(join(dir, name), { force: true });
  for (const name of SAVED_FILES) if (existsSync(join(fresh, name))) renameSync(join(fresh, name), join(dir, name));
  if (removed.length > 0) onReplace?.(dir, removed);
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
