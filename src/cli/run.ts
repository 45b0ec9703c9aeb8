import { Command } from 'commander';
import { randomInt } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import pc from 'picocolors';
import { WORKLOADS, workloadNames } from '../../workloads/index.js';
import { runScenario } from '../run/run-scenario.js';
import type { RunStats } from '../run/simulate.js';
import { outcomeId, saveOutcome } from '../explore/save.js';
import { sampleWithSeed } from '../run/seeds.js';
import { scenarioArb, type ScenarioArbOptions } from '../gen/scenario-arb.js';
import { BYZANTINE_FAULT_KINDS, FAULT_KINDS, FAULT_TARGETING, type FaultKind } from '../nemesis/fault.js';
import { byzantineIdleReason, type ByzantineBehaviour, type ByzantineHooks } from '../store/definition.js';
import { PRESETS, presetNames } from '../presets/index.js';
import { explainOutcome } from '../report/verdict-reason.js';
import { describeScenario } from '../report/scenario-words.js';
import { ConfigError, inConfigFile } from '../config/config-error.js';
import { validateClientPolicy, type ClientPolicyConfig } from '../client/policy.js';
import { loadModeDefinition } from '../explore/load-mode.js';
import { splitStoreClient } from '../run/store-client.js';
import { createStore, validateStoreConfig, type StoreConfig } from '../store/config.js';
import { storeTopology } from '../store/topology.js';
import { looksLikeScenario, MAX_SEED, SCENARIO_FIELDS, validateScenario } from '../explore/validate-scenario.js';
import type { ModeDefinition } from '../store/mode-definition.js';
import { exitFor, UsageError } from './exit-codes.js';
import { commandAction, Output } from './output.js';
import { parseCheckerNames, parseCount, parsePath } from './parse-flags.js';
import { CHECKER_NAMES } from '../checker/checker.js';

/**
 * The flags `run` and `explore` share: where the store comes from, and what of the
 * workload and faults is fixed.
 */
export interface ScenarioFlags {
  preset?: string;
  config?: string;
  store?: string;
  workload?: string;
  ops?: string;
  clients?: string;
  nemesis?: string;
  maxFaults?: string;
  checkers?: string;
  mutation?: string;
  seed?: string;
}

interface RunFlags extends ScenarioFlags {
  out?: string;
  report?: boolean;
  json?: boolean;
}

/**
 * Adds the scenario flags to a command (`run` and `explore` take the same ones).
 *
 * @example
 * withScenarioOptions(program.command('run'));
 */
export function withScenarioOptions(command: Command): Command {
  return command
    .option('-p, --preset <name>', `a named store configuration: ${presetNames().join(', ')}`)
    .option('-c, --config <file>', 'a store config as JSON ({"mode": ...}, or {"store": {...}, "client": {...}})')
    .option('--store <file>', 'a store of your own: an ES module whose default export is a ModeDefinition (README: "Test your own store in the simulator")')
    .option('-w, --workload <name>', `the workload: ${workloadNames().join(', ')} (default: the preset's, else generated)`)
    .option('--ops <n>', 'client ops per scenario (default: generated)')
    .option('--clients <n>', 'client processes (default: generated)')
    .option('--nemesis <kinds>', `fault kinds, comma-separated, "all", or "none" (default: the preset's, else every kind but the byzantine and region ones): ${FAULT_KINDS.join(', ')}`)
    .option('--max-faults <n>', `most faults per scenario, 0 to ${MAX_FAULTS} (default 3)`)
    .option('--checkers <names>', `the checkers that judge each run, comma-separated, instead of the preset's or workload's: ${CHECKER_NAMES.join(', ')}`)
    .option('--mutation <names>', 'switch on deliberate store bugs (comma-separated; README: "Mutations") in the --preset or --config store')
    .option('-s, --seed <n>', `fixes every random choice, an integer in [0, ${MAX_SEED}] (default: a fresh one, printed)`);
}

/**
 * `faultline run`: one scenario, saved and judged.
 *
 * @example
 * registerRun(program); // faultline run --preset sl-async --seed 7 --out out/sl-async-7
 */
export function registerRun(program: Command): void {
  withScenarioOptions(program.command('run').description('run one scenario on the simulator, check its history, save it'))
    .option('-o, --out <dir>', 'where to write scenario.json, history.ndjson, results.json (default: out/<preset>-seed<seed>)')
    .option('--report', 'also write report.html, the run\'s HTML report, beside its results (a failing run always gets one)')
    .option('--json', 'print one JSON object on stdout; human text goes to stderr')
    .action(commandAction(runOne));
}

async function runOne(flags: RunFlags, out: Output): Promise<number> {
  const modes = await storeModes(flags.store);
  const seed = seedFrom(flags.seed);
  if (flags.out !== undefined) parsePath('--out', flags.out);
  const constraints = scenarioConstraints(flags, modes);
  const scenario = { ...sampleWithSeed(scenarioArb(constraints), seed), seed };
  const outcome = runScenario(scenario, { modes });
  const dir = flags.out === undefined ? `out/${outcomeId(scenario)}` : parsePath('--out', flags.out);
  let replaced: string[] = [];
  saveOutcome(dirname(dir), outcome, { id: basename(dir), modes, ...(flags.report ? { report: true } : {}), onReplace: (_dir, removed) => void (replaced = removed) });
  const { verdict } = outcome;
  const reason = explainOutcome(outcome).sentence;
  const unfinished = unfinishedWarning(outcome.run.stats, scenario.ops?.length ?? scenario.workload.ops);
  if (unfinished !== undefined) process.stderr.write(`${pc.yellow(`warning: ${unfinished}`)}\n`);
  if (replaced.length > 0) process.stderr.write(`${dir} held an earlier run: replaced its ${replaced.join(', ')}\n`);
  out.human(describeScenario(scenario).join('\n'));
  out.human(`verdict: ${verdictWord(verdict.valid, verdict.anomaly)}\nwhy: ${reason}`);
  const reportNote = flags.report || verdict.valid === false ? `, report ${dir}/report.html` : '';
  out.human(`saved to ${dir}${verdict.valid === false ? ` (see ${dir}/counterexample.txt)` : ''}${reportNote}; replay: faultline replay ${dir}`);
  out.json({
    valid: verdict.valid,
    ...(verdict.anomaly === undefined ? {} : { anomaly: verdict.anomaly }),
    reason,
    seed,
    ...(scenario.preset === undefined ? {} : { preset: scenario.preset }),
    dir,
    ...(unfinished === undefined ? {} : { warning: unfinished }),
    ...(replaced.length === 0 ? {} : { replaced }),
    clientOps: scenario.ops?.length ?? scenario.workload.ops,
    faults: scenario.faults.length,
    stats: outcome.run.stats,
  });
  return exitFor(verdict.valid);
}

/**
 * What to say when the clients did not get through their ops before the
 * simulated horizon: the verdict then covers only the ops they invoked.
 */
function unfinishedWarning(stats: RunStats, ops: number): string | undefined {
  if (stats.clientsFinished) return undefined;
  const seconds = Math.round(stats.endTimeMs / 1000);
  return `the clients did not finish: the run stopped at ${seconds} s of simulated time with ${stats.clients.invoked} of ${ops} op(s) invoked; the verdict covers only those`;
}

/**
 * Most client ops a scenario may ask for: about 8 minutes of simulation on one
 * core; far larger counts only exhaust memory.
 */
const MAX_OPS = 1_000_000;

/**
 * The store mode `--store` names, loaded (none without the flag).
 *
 * @example
 * await storeModes('./my-store.js'); // [its ModeDefinition]
 */
export async function storeModes(file: string | undefined): Promise<ModeDefinition[]> {
  if (file === undefined) return [];
  if (!existsSync(file)) throw new UsageError(`--store: ${file} does not exist`);
  return [await loadModeDefinition(file)];
}

/**
 * What the scenario flags fix, as scenarioArb constraints; every bad flag is a
 * UsageError naming it, a bad config file a ConfigError naming the file and field.
 * `modes` are the stores of your own (`--store`) a config may name; without a
 * preset or a config the stores are drawn from them.
 *
 * @example
 * scenarioConstraints({ preset: 'll-weak', ops: '50' }); // { preset: 'll-weak', workload: { ops: 50 } }
 */
export function scenarioConstraints(flags: ScenarioFlags, modes: readonly ModeDefinition[] = []): ScenarioArbOptions {
  if (flags.preset !== undefined && flags.config !== undefined) throw new UsageError('--preset and --config: give one or the other');
  if (flags.preset !== undefined && PRESETS[flags.preset] === undefined) {
    throw new UsageError(`--preset: unknown preset "${flags.preset}" (known: ${presetNames().join(', ')})`);
  }
  if (flags.workload !== undefined && WORKLOADS[flags.workload] === undefined) {
    throw new UsageError(`--workload: unknown workload "${flags.workload}" (known: ${workloadNames().join(', ')})`);
  }
  const workload = {
    ...(flags.workload === undefined ? {} : { workload: flags.workload }),
    ...(flags.ops === undefined ? {} : { ops: opsFlag(flags.ops) }),
    ...(flags.clients === undefined ? {} : { clients: parseCount('--clients', flags.clients, 1) }),
    ...(flags.checkers === undefined ? {} : { checkers: parseCheckerNames('--checkers', flags.checkers) }),
  };
  const maxFaults = flags.maxFaults === undefined ? undefined : parseCount('--max-faults', flags.maxFaults, 0, MAX_FAULTS);
  const read = flags.config === undefined ? undefined : readConfigFile(flags.config, modes);
  const fixed = flags.mutation === undefined ? read : withMutations(flags.mutation, flags.preset, read, modes);
  const store = fixed?.store ?? (flags.preset === undefined ? undefined : PRESETS[flags.preset]!.store);
  const kinds = flags.nemesis === undefined ? undefined : parseKinds(flags.nemesis, store, modes);
  return {
    ...(flags.preset === undefined ? {} : { preset: flags.preset }),
    ...(fixed === undefined ? {} : { config: fixed.store }),
    ...(fixed?.client === undefined ? {} : { client: fixed.client }),
    ...(modes.length === 0 ? {} : { modes }),
    ...(Object.keys(workload).length === 0 ? {} : { workload }),
    ...(kinds === undefined ? {} : { kinds }),
    ...(maxFaults === undefined ? {} : { maxFaults }),
  };
}

/** Most faults a scenario may draw: each is a start and a heal on the schedule, and past this many they overlap into noise. */
const MAX_FAULTS = 50;

/**
 * The seed from `--seed`, or a fresh one (printed with the results, so any run can
 * be repeated).
 *
 * @example
 * seedFrom('7'); // 7
 */
export function seedFrom(text: string | undefined): number {
  return text === undefined ? randomInt(0, 0x7fffffff) : parseCount('--seed', text, 0, MAX_SEED);
}

/**
 * `valid`, `unknown`, or the anomaly in red.
 *
 * @example
 * verdictWord(false, 'not-linearizable'); // 'INVALID (not-linearizable)' in red
 */
export function verdictWord(valid: boolean | 'unknown', anomaly?: string): string {
  if (valid === true) return pc.green('valid');
  if (valid === 'unknown') return pc.yellow('unknown');
  return pc.red(`INVALID (${anomaly ?? 'violation'})`);
}

function opsFlag(text: string): number {
  const ops = parseCount('--ops', text, 1);
  if (ops > MAX_OPS) throw new UsageError(`--ops: at most ${MAX_OPS} client ops per scenario, got ${text}`);
  return ops;
}

/**
 * The fault kinds `--nemesis` names. A kind that cannot apply to the fixed
 * store (a leader fault on a store without leaders, a datacenter partition on
 * a store without groups) would silently do nothing: named, it is an error;
 * under `all`, it is left out and said so on stderr.
 */
function parseKinds(text: string, store: StoreConfig | undefined, modes: readonly ModeDefinition[]): FaultKind[] {
  if (text.trim() === '') throw new UsageError('--nemesis: expected fault kinds, "none" or "all", got ""');
  if (text.trim() === 'none') return [];
  const all = text.trim() === 'all';
  const kinds = all ? [...FAULT_KINDS] : text.split(',').map((kind) => kind.trim()).filter((kind) => kind !== '');
  const unknown = kinds.filter((kind) => !FAULT_KINDS.includes(kind as FaultKind));
  if (unknown.length > 0) throw new UsageError(`--nemesis: unknown fault kind(s) ${unknown.join(', ')} (known: ${FAULT_KINDS.join(', ')}, or none, all)`);
  const idle = store === undefined ? [] : inapplicableKinds(kinds as FaultKind[], store, modes);
  if (idle.length === 0) return kinds as FaultKind[];
  const why = `cannot apply to a ${store!.mode} store (${idle.map((kind) => `${kind}: ${whyIdle(kind, store!, modes)}`).join('; ')})`;
  if (!all) throw new UsageError(`--nemesis: ${idle.join(', ')} ${why}`);
  process.stderr.write(`--nemesis all: leaving out ${idle.join(', ')}, which ${why}\n`);
  return (kinds as FaultKind[]).filter((kind) => !idle.includes(kind));
}

/** Modes whose stores elect no leader: a leader fault finds nothing to hit. */
const LEADERLESS_MODES: readonly string[] = ['leaderless'];

function inapplicableKinds(kinds: readonly FaultKind[], store: StoreConfig, modes: readonly ModeDefinition[]): FaultKind[] {
  return kinds.filter((kind) => whyIdle(kind, store, modes) !== undefined);
}

/** Why a fault kind would do nothing to the store, or undefined when it applies. */
function whyIdle(kind: FaultKind, store: StoreConfig, modes: readonly ModeDefinition[]): string | undefined {
  if (FAULT_TARGETING[kind] === 'leader' && LEADERLESS_MODES.includes(store.mode)) return 'it has no leader';
  if (FAULT_TARGETING[kind] === 'group' && (storeTopology(store, modes).groups ?? []).length === 0) return 'it has no node groups';
  if (!(BYZANTINE_FAULT_KINDS as readonly string[]).includes(kind)) return undefined;
  return byzantineIdleReason(createStore(store, modes).byzantine as ByzantineHooks<unknown> | undefined, kind as ByzantineBehaviour | 'corrupt-disk');
}

/**
 * The --preset or --config store with the deliberate bugs `--mutation` names
 * switched on (added to any the config already lists), validated for the store's mode.
 */
function withMutations(
  text: string,
  preset: string | undefined,
  read: { store: StoreConfig; client?: ClientPolicyConfig } | undefined,
  modes: readonly ModeDefinition[],
): { store: StoreConfig; client?: ClientPolicyConfig } {
  const names = text.split(',').map((name) => name.trim()).filter((name) => name !== '');
  if (names.length === 0) throw new UsageError(`--mutation: expected mutation names, got ${JSON.stringify(text)}`);
  const base = read ?? (preset === undefined ? undefined : { store: PRESETS[preset]!.store, client: PRESETS[preset]!.client });
  if (base === undefined) throw new UsageError('--mutation: give the store it applies to with --preset or --config');
  const store = { ...structuredClone(base.store), mutations: [...(base.store.mutations ?? []), ...names] };
  try {
    return { store: validateStoreConfig(store, modes), ...(base.client === undefined ? {} : { client: structuredClone(base.client) }) };
  } catch (error) {
    if (error instanceof ConfigError && error.field.startsWith('mutations')) throw new UsageError(`--mutation: ${error.message.slice(error.field.length + 2)}`);
    throw error;
  }
}

/**
 * A store config file: the config itself, or a scenario-like object with a
 * `store` field and maybe a `client` policy (or, as saved before the policy left
 * the store, a `store.client`).
 */
function readConfigFile(file: string, modes: readonly ModeDefinition[]): { store: StoreConfig; client?: ClientPolicyConfig } {
  if (!existsSync(file)) throw new UsageError(`--config: ${file} does not exist`);
  if (statSync(file).isDirectory()) throw new UsageError(`--config: ${file} is a folder; expected a JSON file (a store config or a scenario.json)`);
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError('', `is not valid JSON (${(error as Error).message})`, undefined, file);
  }
  if (looksLikeScenario(value)) {
    // A whole scenario (a saved scenario.json): checked as replay checks it, and its store and client taken.
    const scenario = inFile(file, () => validateScenario(value, modes));
    return { store: scenario.store, ...(scenario.client === undefined ? {} : { client: scenario.client }) };
  }
  const holder = typeof value === 'object' && value !== null && 'store' in value ? (value as { store: unknown; client?: unknown }) : undefined;
  for (const field of Object.keys(holder ?? {})) {
    if (!(SCENARIO_FIELDS as readonly string[]).includes(field)) {
      throw new ConfigError(`${file}: ${field}`, 'is not a known field (known: store, client, or a whole scenario)');
    }
  }
  const { store, client: storeClient } = splitStoreClient(holder === undefined ? value : holder.store);
  const client = holder?.client ?? storeClient;
  return inFile(file, () => ({
      store: validateStoreConfig(store, modes),
      ...(client === undefined ? {} : { client: validateClientPolicy(client, holder !== undefined && holder.client === undefined ? 'store.client' : 'client') }),
  }));
}

/** Runs a check of a file's content, naming the file before the field of any ConfigError. */
function inFile<T>(file: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof ConfigError) throw inConfigFile(file, error);
    throw error;
  }
}
