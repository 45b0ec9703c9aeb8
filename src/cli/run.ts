import { Command } from 'commander';
import { randomInt } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import pc from 'picocolors';
import { WORKLOADS, workloadNames } from '../../workloads/index.js';
import { runScenario } from '../run/run-scenario.js';
import { outcomeId, saveOutcome } from '../explore/save.js';
import { sampleWithSeed } from '../run/seeds.js';
import { scenarioArb, type ScenarioArbOptions } from '../gen/scenario-arb.js';
import { FAULT_KINDS, type FaultKind } from '../nemesis/fault.js';
import { PRESETS, presetNames } from '../presets/index.js';
import { explainOutcome } from '../report/verdict-reason.js';
import { describeScenario } from '../report/scenario-words.js';
import { ConfigError, inConfigFile } from '../config/config-error.js';
import { validateClientPolicy, type ClientPolicyConfig } from '../client/policy.js';
import { loadModeDefinition } from '../explore/load-mode.js';
import { splitStoreClient } from '../run/store-client.js';
import { validateStoreConfig, type StoreConfig } from '../store/config.js';
import type { ModeDefinition } from '../store/mode-definition.js';
import { exitFor, UsageError } from './exit-codes.js';
import { Output, reportInputError } from './output.js';
import { parseCount } from './parse-flags.js';

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
  seed?: string;
}

interface RunFlags extends ScenarioFlags {
  out?: string;
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
    .option('--nemesis <kinds>', `fault kinds, comma-separated, or "none" (default: the preset's, else all): ${FAULT_KINDS.join(', ')}`)
    .option('-s, --seed <n>', 'fixes every random choice (default: a fresh one, printed)');
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
    .option('--json', 'print one JSON object on stdout; human text goes to stderr')
    .action(async (flags: RunFlags) => {
      const out = new Output(Boolean(flags.json));
      try {
        process.exitCode = await runOne(flags, out);
      } catch (error) {
        reportInputError(error, out);
      }
    });
}

async function runOne(flags: RunFlags, out: Output): Promise<number> {
  const modes = await storeModes(flags.store);
  const seed = seedFrom(flags.seed);
  const constraints = scenarioConstraints(flags, modes);
  const scenario = { ...sampleWithSeed(scenarioArb(constraints), seed), seed };
  const outcome = runScenario(scenario, { modes });
  const dir = flags.out ?? `out/${outcomeId(scenario)}`;
  saveOutcome(dirname(dir), outcome, { id: basename(dir) });
  const { verdict } = outcome;
  const reason = explainOutcome(outcome).sentence;
  out.human(describeScenario(scenario).join('\n'));
  out.human(`verdict: ${verdictWord(verdict.valid, verdict.anomaly)}\nwhy: ${reason}`);
  out.human(`saved to ${dir}${verdict.valid === false ? ` (see ${dir}/counterexample.txt)` : ''}; replay: faultline replay ${dir}`);
  out.json({
    valid: verdict.valid,
    ...(verdict.anomaly === undefined ? {} : { anomaly: verdict.anomaly }),
    reason,
    seed,
    ...(scenario.preset === undefined ? {} : { preset: scenario.preset }),
    dir,
    clientOps: scenario.ops?.length ?? scenario.workload.ops,
    faults: scenario.faults.length,
    stats: outcome.run.stats,
  });
  return exitFor(verdict.valid);
}

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
    ...(flags.ops === undefined ? {} : { ops: parseCount('--ops', flags.ops, 1) }),
    ...(flags.clients === undefined ? {} : { clients: parseCount('--clients', flags.clients, 1) }),
  };
  const kinds = flags.nemesis === undefined ? undefined : parseKinds(flags.nemesis);
  const fixed = flags.config === undefined ? undefined : readConfigFile(flags.config, modes);
  return {
    ...(flags.preset === undefined ? {} : { preset: flags.preset }),
    ...(fixed === undefined ? {} : { config: fixed.store }),
    ...(fixed?.client === undefined ? {} : { client: fixed.client }),
    ...(modes.length === 0 ? {} : { modes }),
    ...(Object.keys(workload).length === 0 ? {} : { workload }),
    ...(kinds === undefined ? {} : { kinds }),
  };
}

/**
 * The seed from `--seed`, or a fresh one (printed with the results, so any run can
 * be repeated).
 *
 * @example
 * seedFrom('7'); // 7
 */
export function seedFrom(text: string | undefined): number {
  return text === undefined ? randomInt(0, 0x7fffffff) : parseCount('--seed', text);
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

function parseKinds(text: string): FaultKind[] {
  if (text.trim() === 'none') return [];
  if (text.trim() === 'all') return [...FAULT_KINDS];
  const kinds = text.split(',').map((kind) => kind.trim()).filter((kind) => kind !== '');
  const unknown = kinds.filter((kind) => !FAULT_KINDS.includes(kind as FaultKind));
  if (unknown.length > 0) throw new UsageError(`--nemesis: unknown fault kind(s) ${unknown.join(', ')} (known: ${FAULT_KINDS.join(', ')}, or none, all)`);
  return kinds as FaultKind[];
}

/**
 * A store config file: the config itself, or a scenario-like object with a
 * `store` field and maybe a `client` policy (or, as saved before the policy left
 * the store, a `store.client`).
 */
function readConfigFile(file: string, modes: readonly ModeDefinition[]): { store: StoreConfig; client?: ClientPolicyConfig } {
  if (!existsSync(file)) throw new UsageError(`--config: ${file} does not exist`);
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError('', `is not valid JSON (${(error as Error).message})`, undefined, file);
  }
  const holder = typeof value === 'object' && value !== null && 'store' in value ? (value as { store: unknown; client?: unknown }) : undefined;
  const { store, client: storeClient } = splitStoreClient(holder === undefined ? value : holder.store);
  const client = holder?.client ?? storeClient;
  try {
    return {
      store: validateStoreConfig(store, modes),
      ...(client === undefined ? {} : { client: validateClientPolicy(client, holder !== undefined && holder.client === undefined ? 'store.client' : 'client') }),
    };
  } catch (error) {
    if (error instanceof ConfigError) throw inConfigFile(file, error);
    throw error;
  }
}
