import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../config/config-error.js';
import type { ModeDefinition } from '../store/mode-definition.js';
import { replay } from './replay.js';

/** What became of a saved counterexample on replay. */
export const REGRESSION_STATES = ['reproduced', 'fixed', 'changed'] as const;
export type RegressionState = (typeof REGRESSION_STATES)[number];

/**
 * One saved counterexample, replayed: `reproduced` (same history byte for byte
 * and same verdict), `fixed` (it failed when saved and now passes) or `changed`
 * (the history or the verdict drifted otherwise).
 *
 * @example
 * const entry: RegressionCheck = { dir: 'histories/regressions/sl-async-seed1', state: 'reproduced', detail: 'lost-write' };
 */
export interface RegressionCheck {
  dir: string;
  state: RegressionState;
  /** The verdict kept, or what changed (the first differing history line, the verdicts). */
  detail: string;
}

/**
 * Replays every saved scenario folder directly under `dir` (in name order) and
 * says whether each still reproduces. A missing folder is a ConfigError naming it.
 *
 * @example
 * const checks = replayRegressions('histories/regressions');
 * checks.filter((check) => check.state !== 'reproduced');
 */
export function replayRegressions(dir: string, options: { modes?: readonly ModeDefinition[] } = {}): RegressionCheck[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new ConfigError(dir, 'is not a folder of saved counterexamples');
  const folders = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'scenario.json')))
    .map((entry) => join(dir, entry.name))
    .sort();
  return folders.map((folder) => checkOne(folder, options.modes ?? []));
}

function checkOne(dir: string, modes: readonly ModeDefinition[]): RegressionCheck {
  const result = replay(dir, { modes });
  const now = result.outcome.verdict;
  const verdict = (valid: boolean | 'unknown', anomaly?: string) => (valid === false ? `invalid (${anomaly ?? 'invalid'})` : String(valid));
  if (result.identical === undefined || result.savedVerdict === undefined) {
    return { dir, state: 'changed', detail: `nothing to compare: ${result.identical === undefined ? 'history.ndjson' : 'results.json'} is missing` };
  }
  if (result.identical && result.verdictUnchanged) return { dir, state: 'reproduced', detail: verdict(now.valid, now.anomaly) };
  const saved = result.savedVerdict;
  const verdicts = `saved ${verdict(saved.valid, saved.anomaly)}, now ${verdict(now.valid, now.anomaly)}`;
  if (saved.valid === false && now.valid === true) return { dir, state: 'fixed', detail: verdicts };
  const diff = result.firstDifference;
  const history = diff === undefined ? 'history identical' : `history differs at line ${diff.line}`;
  return { dir, state: 'changed', detail: `${history}; ${verdicts}` };
}
