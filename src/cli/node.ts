import { Option, type Command } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { ConfigError } from '../config/config-error.js';
import { parseMessage } from '../external/protocol.js';
import { StoreNodeHost } from '../external/store-node/store-node-host.js';
import { PRESETS, presetNames } from '../presets/index.js';
import { createStore, defaultStoreConfig, validateStoreConfig, type StoreConfig } from '../store/config.js';
import { MODES, STORE_MODES, type StoreMode } from '../store/modes.js';
import { EXIT, UsageError } from './exit-codes.js';
import { commandAction, type Output } from './output.js';

interface NodeFlags {
  mode?: StoreMode;
  config?: string;
  preset?: string;
}

/**
 * `faultline node`: one of faultline's own store nodes as a Maelstrom-protocol
 * binary serving lin-kv (JSON lines on stdin and stdout), so that
 * `faultline test --bin faultline node --mode single-leader --workload lin-kv`
 * runs the store as real processes.
 *
 * @example
 * registerNode(program); // faultline node --preset sl-majority
 */
export function registerNode(program: Command): void {
  program
    .command('node')
    .description('run one node of faultline\'s own store as a Maelstrom-protocol process serving lin-kv (for faultline test --bin)')
    .addOption(new Option('--mode <mode>', 'the store mode, with its default settings').choices(STORE_MODES))
    .option('-c, --config <file>', 'a store config as JSON ({"mode": ...}); its node count is set to the test\'s')
    .option('-p, --preset <name>', `a named store configuration: ${presetNames().join(', ')}`)
    .action(commandAction(runNode));
}

async function runNode(flags: NodeFlags, _out: Output): Promise<number> {
  const config = storeConfig(flags);
  if ((createStore(config).services ?? []).length > 0) {
    throw new UsageError('node: this store needs a node the test does not run (a cold standby restores from the simulator\'s object store); use it in the simulator');
  }
  const host = new StoreNodeHost(
    (nodeCount) => createStore(withNodeCount(config, nodeCount)),
    (message) => process.stdout.write(`${JSON.stringify(message)}\n`),
    'store-disk.ndjson',
  );
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const parsed = parseMessage(line);
    if ('problem' in parsed) {
      process.stderr.write(`faultline node: ignored a line that is not a message (${parsed.problem}): ${line.slice(0, 200)}\n`);
      continue;
    }
    host.receive(parsed.message);
  }
  // stdin closed: the test is over.
  process.exit(EXIT.OK);
}

function storeConfig(flags: NodeFlags): StoreConfig {
  const given = [flags.mode, flags.config, flags.preset].filter((flag) => flag !== undefined).length;
  if (given !== 1) throw new UsageError('node: give exactly one of --mode, --config or --preset');
  if (flags.mode !== undefined) return defaultStoreConfig(flags.mode);
  if (flags.preset !== undefined) {
    const preset = PRESETS[flags.preset];
    if (preset === undefined) throw new UsageError(`--preset: unknown preset "${flags.preset}" (known: ${presetNames().join(', ')})`);
    return structuredClone(preset.store);
  }
  const file = flags.config!;
  if (!existsSync(file)) throw new UsageError(`--config: ${file} does not exist`);
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError('', `is not valid JSON (${(error as Error).message})`, undefined, file);
  }
  return validateStoreConfig(value);
}

/** The config with as many nodes as the test has (for modes counted by `nodes`). */
function withNodeCount(config: StoreConfig, nodeCount: number): StoreConfig {
  const field = MODES[config.mode as StoreMode]?.field;
  const settings = field === undefined ? undefined : (config as unknown as Record<string, Record<string, unknown>>)[field];
  if (settings === undefined || typeof settings.nodes !== 'number') return config;
  // A single-leader standby is one node beyond `nodes`.
  const extra = settings.standby !== undefined && settings.standby !== null ? 1 : 0;
  return { ...config, [field!]: { ...settings, nodes: nodeCount - extra } } as StoreConfig;
}
