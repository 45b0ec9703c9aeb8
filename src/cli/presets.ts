import { Command } from 'commander';
import pc from 'picocolors';
import { PRESETS, presetNames } from '../presets/index.js';
import type { Preset } from '../presets/preset.js';
import { EXIT } from './exit-codes.js';
import { Output } from './output.js';

interface PresetsFlags {
  json?: boolean;
}

/**
 * `faultline presets`: the catalogue of named store configurations, with what each
 * promises and what it is expected to break.
 *
 * @example
 * registerPresets(program); // faultline presets --json
 */
export function registerPresets(program: Command): void {
  program
    .command('presets')
    .description('list the named store configurations: what each promises and what it is expected to break')
    .option('--json', 'print one JSON object on stdout')
    .action((flags: PresetsFlags) => {
      const out = new Output(Boolean(flags.json));
      const presets = presetNames().map((name) => PRESETS[name]!);
      for (const preset of presets) out.human(`${presetText(preset)}\n`);
      out.json({ presets: presets.map(presetJson) });
      process.exitCode = EXIT.OK;
    });
}

/**
 * One preset as a few lines of text.
 *
 * @example
 * presetText(PRESETS['ll-abd']!);
 * // ll-abd (safe): leaderless ...
 * //   promises: linearizable ...
 */
export function presetText(preset: Preset): string {
  const tag = preset.safe ? pc.green('safe') : pc.yellow(`expected to fail: ${preset.expectedAnomaly ?? 'yes'}`);
  return [
    `${pc.bold(preset.name)} (${tag}): ${preset.summary}`,
    `  promises: ${preset.promises}`,
    `  expected to break: ${preset.expectedToBreak}`,
    `  workload: ${preset.workload.workload}; faults: ${preset.faultKinds.length === 0 ? 'none' : preset.faultKinds.join(', ')}`,
    `  try: faultline explore --preset ${preset.name} --seed 1`,
  ].join('\n');
}

function presetJson(preset: Preset): Record<string, unknown> {
  return {
    name: preset.name,
    summary: preset.summary,
    promises: preset.promises,
    expectedToBreak: preset.expectedToBreak,
    safe: preset.safe,
    ...(preset.expectedAnomaly === undefined ? {} : { expectedAnomaly: preset.expectedAnomaly }),
    workload: preset.workload,
    faultKinds: preset.faultKinds,
    // `store.client` as this JSON has always had it, and `client` where scenarios keep it now.
    store: { ...preset.store, client: preset.client },
    client: preset.client,
  };
}
