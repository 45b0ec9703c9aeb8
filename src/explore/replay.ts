import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeNdjson } from '../history/index.js';
import { ConfigError, inConfigFile } from '../config/config-error.js';
import { runScenario, type ScenarioOutcome, type Verdict } from '../run/run-scenario.js';
import type { Scenario } from '../run/scenario.js';
import { validateScenario } from './validate-scenario.js';
import type { ModeDefinition } from '../store/mode-definition.js';

/**
 * Options of {@link replay}.
 *
 * @example
 * replay('out/primary-backup-seed1-run3', { modes: [primaryBackupMode] });
 */
export interface ReplayOptions {
  /** Store modes of your own, which the saved scenario's store may name (see ModeDefinition). */
  modes?: readonly ModeDefinition[];
}

/**
 * What a replay found: the new outcome, whether its history is byte-identical
 * to the saved one (when there is one), the first line that differs, and the
 * saved verdict for comparison.
 *
 * @example
 * const { identical, firstDifference } = replay('out/sl-async-seed7');
 */
export interface ReplayResult {
  outcome: ScenarioOutcome;
  scenarioFile: string;
  /** The saved history.ndjson beside the scenario, if any. */
  historyFile?: string;
  /** True when the replayed history matches the saved one byte for byte (undefined: nothing saved). */
  identical?: boolean;
  /** The first differing line (1-based), with both versions ('' past the end of one). */
  firstDifference?: { line: number; saved: string; replayed: string };
  /** The verdict in the saved results.json, if any. */
  savedVerdict?: Verdict;
  /** True when the saved verdict's validity and anomaly match the replayed one (undefined: none saved). */
  verdictUnchanged?: boolean;
}

/**
 * Re-runs a saved scenario (a folder holding scenario.json, or the file itself)
 * and compares the history it produces with the saved history.ndjson, byte for
 * byte. Throws a ConfigError naming the file for a missing or malformed
 * scenario.
 *
 * @example
 * const result = replay('histories/regressions/sl-async-lost-write');
 * if (result.identical === false) console.error(`history differs at line ${result.firstDifference!.line}`);
 */
export function replay(path: string, options: ReplayOptions = {}): ReplayResult {
  const isDir = existsSync(path) && statSync(path).isDirectory();
  const scenarioFile = isDir ? join(path, 'scenario.json') : path;
  const dir = isDir ? path : join(path, '..');
  const scenario = readScenario(scenarioFile, options.modes ?? []);
  const outcome = runScenario(scenario, { modes: options.modes ?? [] });
  const result: ReplayResult = { outcome, scenarioFile };
  const historyFile = join(dir, 'history.ndjson');
  if (existsSync(historyFile)) {
    const saved = readSavedText(historyFile);
    const replayed = writeNdjson(outcome.run.history);
    result.historyFile = historyFile;
    result.identical = saved === replayed;
    if (!result.identical) result.firstDifference = firstDifferentLine(saved, replayed);
  }
  const savedVerdict = readSavedVerdict(join(dir, 'results.json'));
  if (savedVerdict !== undefined) {
    result.savedVerdict = savedVerdict;
    result.verdictUnchanged = savedVerdict.valid === outcome.verdict.valid && savedVerdict.anomaly === outcome.verdict.anomaly;
  }
  return result;
}

/**
 * Reads, parses and validates a scenario.json (see validateScenario); errors
 * name the file and the field. A scenario saved
 * with its clients' policy inside the store (`store.client`) is read with it
 * moved to `client`, where scenarios keep it now.
 *
 * @example
 * const scenario = readScenario('out/sl-async-seed7/scenario.json');
 */
export function readScenario(file: string, modes: readonly ModeDefinition[] = []): Scenario {
  if (!existsSync(file)) throw new ConfigError('', 'does not exist (expected a scenario folder or scenario.json)', undefined, file);
  if (statSync(file).isDirectory()) throw new ConfigError('', 'is a folder without a scenario.json', undefined, file);
  const value = readSavedObject(file);
  try {
    return validateScenario(value, modes);
  } catch (error) {
    if (error instanceof ConfigError) throw inConfigFile(file, error);
    throw error;
  }
}

function readSavedVerdict(file: string): Verdict | undefined {
  if (!existsSync(file)) return undefined;
  const results = readSavedObject(file);
  const { verdict } = results as { verdict?: unknown };
  if (verdict === undefined) return undefined;
  const valid = (verdict as { valid?: unknown } | null)?.valid;
  if (typeof verdict !== 'object' || verdict === null || !(valid === true || valid === false || valid === 'unknown')) {
    throw new ConfigError('verdict', 'must be an object whose valid is true, false or "unknown"', undefined, file);
  }
  const { anomaly } = verdict as { anomaly?: unknown };
  if (anomaly !== undefined && typeof anomaly !== 'string') throw new ConfigError('verdict.anomaly', 'must be a string', anomaly, file);
  return verdict as Verdict;
}

/** A saved JSON file that must hold one object; anything else is a ConfigError naming the file. */
function readSavedObject(file: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(readSavedText(file));
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError('', `is not valid JSON: ${(error as Error).message}`, undefined, file);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ConfigError('', 'must hold a JSON object', undefined, file);
  return value as Record<string, unknown>;
}

/** A saved file's text; a file that cannot be read (a folder, no permission) is a ConfigError naming it. */
function readSavedText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${(error as Error).message})`;
    throw new ConfigError('', reason, undefined, file);
  }
}

/**
 * The first line where two texts differ (1-based).
 *
 * @example
 * firstDifferentLine('a\nb\n', 'a\nc\n'); // { line: 2, saved: 'b', replayed: 'c' }
 */
export function firstDifferentLine(saved: string, replayed: string): { line: number; saved: string; replayed: string } | undefined {
  const a = saved.split('\n');
  const b = replayed.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return { line: i + 1, saved: a[i] ?? '', replayed: b[i] ?? '' };
  }
  return undefined;
}
